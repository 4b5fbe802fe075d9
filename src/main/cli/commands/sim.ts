import { parseCliArgs } from '../i18n/args-messages.ts';
import { osErrorWords } from '../../../shared/reasons/os-error-text.ts';
import { open, readFile } from 'node:fs/promises';
import type { CliCommand, CliContext } from '../common/cli-context.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import { defineMessages, type Lang } from '../i18n/lang.ts';
import { optionTable } from '../i18n/option-table.ts';
import { createAcceleratedClock, systemClock } from '../../core/ports/clock.ts';
import type { SessionCredentials } from '../../core/credentials/session-credentials.ts';
import type { SimulatorOptions } from '../../sim/index.ts';

const DEFAULT_DEMO_RATE = 6;

const messages = defineMessages({
  en: {
    help:
      'Usage: npx alpha-monitor sim [--port N] [--seed N] [--json] [--demo-rate <orders/min>] [--no-demo]\n' +
      '                         [--speed <x>] [--write-credentials <file>] [more options below]\n\n' +
      "Runs the simulated Binance Alpha exchange on 127.0.0.1 until Ctrl+C: REST at Binance's\n" +
      'paths, the order-push WebSocket, and a loopback control API for fault injection. Its demo\n' +
      'account places orders on its own so a monitor always has something to show.\n\n' +
      optionTable([
        ['--port N', 'port to listen on (default: a free port)'],
        ['--seed N', 'seed of the price walk and demo activity (default 1)'],
        ['--json', 'print one JSON line with the URLs and demo credentials'],
        ['--demo-rate <orders/min>', `demo activity rate (default ${DEFAULT_DEMO_RATE})`],
        ['--no-demo', 'no demo activity'],
        ['--speed <x>', 'run the clock x times faster (e.g. 1440: a day per minute)'],
        [
          '--write-credentials <file>',
          'write the demo credentials (mode 600) for --credentials-file; an existing\nfile with a complete session is kept, so a restarted simulator still\naccepts the clients that use it',
        ],
        ['--listen-key-lifetime-ms N', 'listen-key lifetime (default 3600000)'],
        ['--listen-key-repost extend|rotate', 'a POST with a live key (default extend)'],
        ['--send-listen-key-expired', 'push listenKeyExpired before a key stops'],
        ['--ping-interval-ms N', 'server ping interval (default 20000)'],
        ['--pong-timeout-ms N', 'drop clients silent this long after a ping (default 60000)'],
        ['--fill-delay-ms N', 'delay before a marketable order fills (default 800)'],
        ['--user-volume-rule raw|mulPoint', 'how BUY fills count toward user-volume (default raw)'],
      ]) +
      '\n\nExit codes: 0 stopped with Ctrl+C or SIGTERM, 1 cannot start (port taken, credentials\n' +
      'file not writable), 2 bad option.\n',
    badNumber: (flag: string, value: string) => `${flag} needs a number, got "${value}"`,
    badChoice: (flag: string, value: string, choices: string) =>
      `${flag} must be one of ${choices}, got "${value}"`,
    portInUse: (port: number) =>
      `Port ${port} is already in use on 127.0.0.1. Pick another with --port, or --port 0 for a free one.`,
    running: (demo: string, speed: number) =>
      `Simulated Binance Alpha exchange running (demo activity: ${demo}; clock speed ${speed}x)\n`,
    demoOff: 'off',
    demoRate: (rate: number) => `${rate} orders/min`,
    urls: (rest: string, ws: string, control: string) =>
      `  REST:    ${rest}\n  WS:      ${ws}\n  Control: ${control}\n`,
    account: (userId: string) =>
      `Demo account: ${userId}. Its test credentials: use --json or --write-credentials.\n`,
    wrote: (file: string) => `Demo credentials written to ${file}\n`,
    kept: (file: string) =>
      `Demo credentials kept from ${file}: clients still running with them stay connected.\n`,
    cannotWrite: (file: string, reason: string) =>
      `Cannot write the demo credentials to ${file}: ${reason}. Nothing was started.`,
    writeReason: (code: string, fallback: string) =>
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (osErrorWords('en', code) ?? fallback),
    stop: 'Press Ctrl+C to stop.\n',
    stopping: 'Stopping…\n',
  },
  'zh-CN': {
    help:
      '用法：npx alpha-monitor sim [--port <端口>] [--seed <数字>] [--json] [--demo-rate <每分钟订单数>]\n' +
      '       [--no-demo] [--speed <倍数>] [--write-credentials <文件>] [更多选项见下]\n\n' +
      '在 127.0.0.1 上运行模拟的币安 Alpha 交易所，直到按 Ctrl+C：与币安相同路径的 REST、\n' +
      '订单推送 WebSocket，以及仅限本机的故障注入控制接口。演示账户会自动下单，\n' +
      '让监控始终有内容可看。\n\n' +
      optionTable([
        ['--port <端口>', '监听端口（默认：空闲端口）'],
        ['--seed <数字>', '价格走势和演示活动的随机种子（默认 1）'],
        ['--json', '输出一行 JSON：各地址和演示账户凭据'],
        ['--demo-rate <每分钟订单数>', `演示活动频率（默认 ${DEFAULT_DEMO_RATE}）`],
        ['--no-demo', '不产生演示活动'],
        ['--speed <倍数>', '时钟加速（如 1440：一分钟一天）'],
        [
          '--write-credentials <文件>',
          '将演示凭据写入文件（权限 600），供 --credentials-file 使用；\n已有文件中的完整会话会被沿用，重启后仍在运行的客户端可继续连接',
        ],
        ['--listen-key-lifetime-ms <毫秒>', 'listenKey 有效期（默认 3600000）'],
        ['--listen-key-repost extend|rotate', '有效 key 时再次 POST 的行为（默认 extend）'],
        ['--send-listen-key-expired', 'key 失效前推送 listenKeyExpired'],
        ['--ping-interval-ms <毫秒>', '服务器 ping 间隔（默认 20000）'],
        ['--pong-timeout-ms <毫秒>', 'ping 后无响应多久断开客户端（默认 60000）'],
        ['--fill-delay-ms <毫秒>', '可成交订单的成交延迟（默认 800）'],
        ['--user-volume-rule raw|mulPoint', '买单成交如何计入 user-volume（默认 raw）'],
      ]) +
      '\n\n退出码：0 按 Ctrl+C 或 SIGTERM 停止，1 无法启动（端口被占用、凭据文件无法写入），\n' +
      '2 选项错误。\n',
    badNumber: (flag: string, value: string) => `${flag} 需要一个数字，收到 "${value}"`,
    badChoice: (flag: string, value: string, choices: string) =>
      `${flag} 必须是 ${choices} 之一，收到 "${value}"`,
    portInUse: (port: number) =>
      `127.0.0.1 上的端口 ${port} 已被占用。请用 --port 换一个，或 --port 0 使用空闲端口。`,
    running: (demo: string, speed: number) =>
      `模拟币安 Alpha 交易所已启动（演示活动：${demo}；时钟速度 ${speed} 倍）\n`,
    demoOff: '关闭',
    demoRate: (rate: number) => `每分钟 ${rate} 单`,
    urls: (rest: string, ws: string, control: string) =>
      `  REST：   ${rest}\n  WS：     ${ws}\n  控制接口：${control}\n`,
    account: (userId: string) =>
      `演示账户：${userId}。其测试凭据：使用 --json 或 --write-credentials。\n`,
    wrote: (file: string) => `演示凭据已写入 ${file}\n`,
    kept: (file: string) => `沿用 ${file} 中的演示凭据：仍在使用它们的客户端保持连接。\n`,
    cannotWrite: (file: string, reason: string) =>
      `无法将演示凭据写入 ${file}：${reason}。未启动任何服务。`,
    writeReason: (code: string, fallback: string) =>
      code === 'ENOENT'
        ? '所在文件夹不存在'
        : code === 'EISDIR'
          ? '这是一个文件夹'
          : (osErrorWords('zh-CN', code) ?? fallback),
    stop: '按 Ctrl+C 停止。\n',
    stopping: '正在停止…\n',
  },
});

type Messages = ReturnType<typeof messages>;

function parseOptions(argv: string[], m: Messages, lang: Lang) {
  try {
    return parseCliArgs(lang, {
      args: argv,
      options: {
        port: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
        'demo-rate': { type: 'string' },
        'no-demo': { type: 'boolean' },
        speed: { type: 'string' },
        'write-credentials': { type: 'string' },
        'listen-key-lifetime-ms': { type: 'string' },
        'listen-key-repost': { type: 'string' },
        'send-listen-key-expired': { type: 'boolean' },
        'ping-interval-ms': { type: 'string' },
        'pong-timeout-ms': { type: 'string' },
        'fill-delay-ms': { type: 'string' },
        'user-volume-rule': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${m.help}`, ExitCode.usage);
  }
}

/** Reads a numeric flag; `check` says which values are allowed. */
function numberFlag(
  m: Messages,
  flag: string,
  raw: string | undefined,
  check: (n: number) => boolean,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || !check(value))
    throw new CliError(m.badNumber(flag, raw), ExitCode.usage);
  return value;
}

function choiceFlag<T extends string>(
  m: Messages,
  flag: string,
  raw: string | undefined,
  choices: readonly T[],
): T | undefined {
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(raw))
    throw new CliError(m.badChoice(flag, raw, choices.join(', ')), ExitCode.usage);
  return raw as T;
}

/**
 * Writes `text` to a file only its owner can read, whether the file is new or already there
 * (`mode` on open applies only to a new file): the mode is set before the secret goes in, so
 * `--credentials-file` accepts the result.
 */
async function writePrivateFile(path: string, text: string): Promise<void> {
  const file = await open(path, 'w', 0o600);
  try {
    await file.chmod(0o600);
    await file.writeFile(text);
  } finally {
    await file.close();
  }
}

/**
 * The demo session to start with: the one already in `file` when it holds a complete one (so
 * a client started against the previous run, e.g. `watch --credentials-file demo.json`, is
 * still accepted after a restart), otherwise a fresh one. Either way it is written (mode 600)
 * before anything listens, so a path that cannot be written stops the start with one line.
 */
async function prepareCredentialsFile(
  file: string,
  m: Messages,
): Promise<{ credentials: SessionCredentials; kept: boolean }> {
  const { generateSessionCredentials, SESSION_COOKIE_NAMES, parseCookieHeader } =
    await import('../../sim/credentials.ts');
  const previous = await readFile(file, 'utf8').then(
    (text) => completeSession(text, SESSION_COOKIE_NAMES, parseCookieHeader),
    () => undefined,
  );
  const credentials = previous ?? generateSessionCredentials();
  try {
    await writePrivateFile(file, JSON.stringify(credentials, null, 2) + '\n');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new CliError(
      m.cannotWrite(file, m.writeReason(code, (error as Error).message)),
      ExitCode.failure,
    );
  }
  return { credentials, kept: previous !== undefined };
}

/** The session in a credentials file, when it has a csrftoken and every session cookie. */
function completeSession(
  text: string,
  cookieNames: readonly string[],
  parseCookies: (header: string) => Map<string, string>,
): SessionCredentials | undefined {
  try {
    const value = JSON.parse(text) as Partial<SessionCredentials>;
    if (typeof value.cookies !== 'string' || typeof value.headers !== 'object') return undefined;
    const headers = value.headers as Record<string, unknown>;
    if (!Object.values(headers).every((v) => typeof v === 'string')) return undefined;
    if (typeof headers.csrftoken !== 'string' || headers.csrftoken === '') return undefined;
    const cookies = parseCookies(value.cookies);
    if (!cookieNames.every((name) => (cookies.get(name) ?? '') !== '')) return undefined;
    return { headers: headers as Record<string, string>, cookies: value.cookies };
  } catch {
    return undefined;
  }
}

export const command: CliCommand = {
  name: 'sim',
  summary: {
    en: 'run the simulated Binance Alpha exchange (demo mode, tests)',
    'zh-CN': '运行模拟的币安 Alpha 交易所（演示模式、测试）',
  },
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const m = messages(ctx.lang);
    const values = parseOptions(argv, m, ctx.lang);
    if (values.help) {
      ctx.stdout(m.help);
      return ExitCode.ok;
    }
    const positiveInt = (n: number) => Number.isInteger(n) && n > 0;
    const port =
      numberFlag(m, '--port', values.port, (n) => Number.isInteger(n) && n >= 0 && n <= 65535) ?? 0;
    const speed = numberFlag(m, '--speed', values.speed, (n) => n > 0) ?? 1;
    const demoRate =
      numberFlag(m, '--demo-rate', values['demo-rate'], (n) => n > 0) ?? DEFAULT_DEMO_RATE;
    const options: SimulatorOptions = {
      port,
      seed: numberFlag(m, '--seed', values.seed, Number.isInteger),
      clock: speed === 1 ? systemClock : createAcceleratedClock({ speed }),
      demoActivity: values['no-demo'] ? false : { ordersPerMinute: demoRate },
      listenKeyLifetimeMs: numberFlag(
        m,
        '--listen-key-lifetime-ms',
        values['listen-key-lifetime-ms'],
        positiveInt,
      ),
      listenKeyRepost: choiceFlag(m, '--listen-key-repost', values['listen-key-repost'], [
        'extend',
        'rotate',
      ] as const),
      sendListenKeyExpired: values['send-listen-key-expired'] ?? false,
      pingIntervalMs: numberFlag(m, '--ping-interval-ms', values['ping-interval-ms'], positiveInt),
      pongTimeoutMs: numberFlag(m, '--pong-timeout-ms', values['pong-timeout-ms'], positiveInt),
      fillDelayMs: numberFlag(
        m,
        '--fill-delay-ms',
        values['fill-delay-ms'],
        (n) => Number.isInteger(n) && n >= 0,
      ),
      userVolumeRule: choiceFlag(m, '--user-volume-rule', values['user-volume-rule'], [
        'raw',
        'mulPoint',
      ] as const),
    };

    const credentialsFile = values['write-credentials'];
    const prepared = credentialsFile ? await prepareCredentialsFile(credentialsFile, m) : undefined;
    options.demoCredentials = prepared?.credentials;

    // Everything an interrupt must see is registered before the first await that can take long.
    let interrupted = false;
    let wake: () => void = () => {};
    const removeHandler = ctx.onInterrupt(() => {
      interrupted = true;
      wake();
    });
    try {
      const { startSimulator } = await import('../../sim/index.ts');
      const sim = await startSimulator(options).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE') throw new CliError(m.portInUse(port), ExitCode.failure);
        throw error;
      });
      try {
        const { credentials, userId } = sim.demoAccount;
        if (values.json) {
          // The demo credentials belong to this simulator only; printing them is the point.
          ctx.stdout(
            JSON.stringify({
              restUrl: sim.restUrl,
              wsUrl: sim.wsUrl,
              controlUrl: sim.controlUrl,
              credentials: { headers: credentials.headers, cookies: credentials.cookies },
            }) + '\n',
          );
        } else {
          const demo = options.demoActivity ? m.demoRate(demoRate) : m.demoOff;
          ctx.stdout(
            m.running(demo, speed) +
              m.urls(sim.restUrl, sim.wsUrl, sim.controlUrl) +
              m.account(userId),
          );
          if (credentialsFile && prepared)
            ctx.stdout(prepared.kept ? m.kept(credentialsFile) : m.wrote(credentialsFile));
          ctx.stdout(m.stop);
        }
        if (!interrupted) await new Promise<void>((resolve) => (wake = resolve));
        if (!values.json) ctx.stderr(m.stopping);
      } finally {
        await sim.dispose();
      }
      return ExitCode.ok;
    } finally {
      removeHandler();
    }
  },
};
