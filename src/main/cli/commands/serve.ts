import { parseCliArgs } from '../i18n/args-messages.ts';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CliCommand } from '../common/cli-context.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import { demoAccountsOption } from '../common/demo-accounts-option.ts';
import { defineMessages } from '../i18n/lang.ts';
import {
  checkExchangeEndpoint,
  InvalidEndpointError,
} from '../../core/endpoints/exchange-endpoint.ts';

type EndpointRefusal = InvalidEndpointError['reason'];
import { optionTable } from '../i18n/option-table.ts';
import { createCliLogger } from '../common/cli-logger.ts';
import { DEFAULT_RENDERER_DIR, runHost } from '../../host/run-host.ts';
import {
  CREDENTIALS_FILE_ENV_VAR,
  readPrivateCredentialsFile,
} from '../common/resolve-credentials.ts';

const messages = defineMessages({
  en: {
    help:
      'Usage: npx alpha-monitor serve [--demo [--accounts N]] [--port N] [--json] [--rest-url URL] [--ws-url URL]\n' +
      '                           [--credentials-file PATH]\n\n' +
      'Serves the desktop app in a browser, on 127.0.0.1 only. Open the printed URL (it carries\n' +
      'an access token). From another machine: ssh -L 8080:127.0.0.1:<port> host, then open the\n' +
      'URL with 127.0.0.1:8080.\n\n' +
      optionTable([
        ['--demo', 'start the embedded demo exchange and its demo account'],
        ['--accounts N', 'with --demo: N simulated accounts trading (1-500, default 1)'],
        ['--port N', 'port to listen on (default: a free port)'],
        ['--json', 'print {"url": "..."} instead of the plain URL'],
        ['--verbose', 'also print the raw log lines (WARN …, with codes) on stderr'],
        ['--rest-url URL', 'exchange REST base for accounts added here (default: Binance)'],
        ['--ws-url URL', 'exchange order-stream URL for accounts added here'],
        [
          '--credentials-file PATH',
          'run one account from this file (mode 600), like watch; never stored\n(also ALPHA_MONITOR_CREDENTIALS_FILE; make it with accounts add --to-file)',
        ],
      ]) +
      '\n\nExit codes: 0 stopped with Ctrl+C or SIGTERM, 1 cannot start (app not built, port taken),\n2 bad option.\n',
    fileAccount: (path: string) => `Monitoring the account in ${path} (not stored).\n`,
    badEndpoint: (option: string, url: string, reason: EndpointRefusal) =>
      `${option} ${url}: ` +
      {
        'not-a-url': 'not a URL.',
        scheme:
          option === '--rest-url'
            ? 'it must start with https:// (or http:// to this machine, for a simulator).'
            : 'it must start with wss:// (or ws:// to this machine, for a simulator).',
        'plain-to-remote':
          'plain http:// and ws:// are allowed only to this machine (127.0.0.1, localhost); use https:// / wss://.',
        'credentials-in-url': 'it must not contain a user name or password.',
      }[reason],
    noKeychain:
      'No keychain on this machine: accounts added in the page are kept only while this serve runs. ' +
      'To keep one, use --credentials-file (made with npx alpha-monitor accounts add --to-file), or install and unlock a Secret Service (gnome-keyring).\n',
    notBuilt: (dir: string) => `The app is not built (${dir} is missing). Run: npm run build`,
    badPort: (value: string) => `--port must be a number from 0 to 65535, got "${value}"`,
    portTaken: (port: number) =>
      `Port ${port} on 127.0.0.1 is already in use (another serve, or another program). Choose another with --port, or leave it out for a free one.`,
    stopping: 'Stopping…\n',
  },
  'zh-CN': {
    help:
      '用法：npx alpha-monitor serve [--demo [--accounts <数量>]] [--port <端口>] [--json]\n' +
      '       [--rest-url <地址>] [--ws-url <地址>] [--credentials-file <路径>]\n\n' +
      '在浏览器中提供桌面应用，仅监听 127.0.0.1。打开打印出的网址（含访问令牌）。\n' +
      '远程机器：ssh -L 8080:127.0.0.1:<端口> 主机，然后用 127.0.0.1:8080 打开该网址。\n\n' +
      optionTable([
        ['--demo', '启动内置演示交易所及演示账户'],
        ['--accounts <数量>', '与 --demo 一起：N 个自行交易的模拟账户（1-500，默认 1）'],
        ['--port <端口>', '监听端口（默认：空闲端口）'],
        ['--json', '输出 {"url": "..."}'],
        ['--verbose', '同时在标准错误输出原始日志行（WARN …，含代码）'],
        ['--rest-url <地址>', '在此添加的账户所用的 REST 地址（默认：币安）'],
        ['--ws-url <地址>', '在此添加的账户所用的订单推送地址'],
        [
          '--credentials-file <路径>',
          '像 watch 一样用该文件（权限 600）运行一个账户，不保存\n（也可用 ALPHA_MONITOR_CREDENTIALS_FILE；用 accounts add --to-file 生成）',
        ],
      ]) +
      '\n\n退出码：0 按 Ctrl+C 或 SIGTERM 停止，1 无法启动（应用未构建、端口被占用），2 选项错误。\n',
    fileAccount: (path: string) => `正在监控 ${path} 中的账户（不保存）。\n`,
    badEndpoint: (option: string, url: string, reason: EndpointRefusal) =>
      `${option} ${url}：` +
      {
        'not-a-url': '不是网址。',
        scheme:
          option === '--rest-url'
            ? '必须以 https:// 开头（或 http:// 指向本机，用于模拟器）。'
            : '必须以 wss:// 开头（或 ws:// 指向本机，用于模拟器）。',
        'plain-to-remote':
          '明文 http:// 和 ws:// 只允许指向本机（127.0.0.1、localhost）；请使用 https:// / wss://。',
        'credentials-in-url': '不得包含用户名或密码。',
      }[reason],
    noKeychain:
      '本机没有钥匙串：在页面中添加的账户只在本次 serve 运行期间保留。' +
      '如要保留，请使用 --credentials-file（用 npx alpha-monitor accounts add --to-file 生成），或安装并解锁 Secret Service（gnome-keyring）。\n',
    notBuilt: (dir: string) => `应用尚未构建（缺少 ${dir}）。请运行：npm run build`,
    badPort: (value: string) => `--port 必须是 0 到 65535 的数字，收到 "${value}"`,
    portTaken: (port: number) =>
      `127.0.0.1 的端口 ${port} 已被占用（另一个 serve 或其他程序）。请用 --port 换一个，或省略以使用空闲端口。`,
    stopping: '正在停止…\n',
  },
});

export const command: CliCommand = {
  name: 'serve',
  summary: {
    en: 'serve the desktop app in a browser (127.0.0.1, token URL)',
    'zh-CN': '在浏览器中提供桌面应用（127.0.0.1，带令牌网址）',
  },
  async run(argv, ctx) {
    const m = messages(ctx.lang);
    let values;
    try {
      ({ values } = parseCliArgs(ctx.lang, {
        args: argv,
        options: {
          demo: { type: 'boolean' },
          accounts: { type: 'string' },
          port: { type: 'string' },
          json: { type: 'boolean' },
          verbose: { type: 'boolean' },
          'rest-url': { type: 'string' },
          'ws-url': { type: 'string' },
          'credentials-file': { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
      }));
    } catch (error) {
      throw new CliError(`${(error as Error).message}\n\n${m.help}`, ExitCode.usage);
    }
    if (values.help) {
      ctx.stdout(m.help);
      return ExitCode.ok;
    }
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliError(m.badPort(String(values.port)), ExitCode.usage);
    const demoAccounts = demoAccountsOption(values.accounts, values.demo, 1, ctx.lang);
    const rendererDir = ctx.env.ALPHA_MONITOR_RENDERER_DIR || DEFAULT_RENDERER_DIR;
    if (!existsSync(join(rendererDir, 'index.html')))
      throw new CliError(m.notBuilt(rendererDir), ExitCode.failure);

    // A session goes only to https/wss, or in the clear to this machine: refused before anything starts.
    for (const [option, kind, url] of [
      ['--rest-url', 'rest', values['rest-url']],
      ['--ws-url', 'ws', values['ws-url']],
    ] as const) {
      if (url === undefined) continue;
      try {
        checkExchangeEndpoint(kind, url);
      } catch (error) {
        if (!(error instanceof InvalidEndpointError)) throw error;
        throw new CliError(m.badEndpoint(option, url, error.reason), ExitCode.usage);
      }
    }
    // Like watch: --credentials-file, else the environment variable.
    const envFile = ctx.env[CREDENTIALS_FILE_ENV_VAR]?.trim();
    const credentialsPath = values['credentials-file'] ?? (envFile ? envFile : undefined);
    const credentialsFile = credentialsPath
      ? {
          accountId: 'file',
          label: basename(credentialsPath),
          credentials: await readPrivateCredentialsFile(credentialsPath, ctx.lang),
        }
      : undefined;
    if (credentialsFile) ctx.logFile?.hideCredentials(credentialsFile.credentials);

    const logger = createCliLogger(ctx, values.verbose === true, 'serve');
    const running = await runHost({
      port,
      demo: values.demo ?? false,
      demoAccounts,
      restUrl: values['rest-url'],
      wsUrl: values['ws-url'],
      rendererDir,
      env: ctx.env,
      logger,
      credentialsFile,
      onNoKeychain: () => ctx.stderr(m.noKeychain),
    }).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
        throw new CliError(m.portTaken(port), ExitCode.failure);
      throw error;
    });
    if (credentialsPath && !values.json) ctx.stderr(m.fileAccount(credentialsPath));
    ctx.stdout(
      values.json ? JSON.stringify({ url: running.host.url }) + '\n' : running.host.url + '\n',
    );
    await new Promise<void>((resolve) => {
      const remove = ctx.onInterrupt(() => {
        remove();
        resolve();
      });
    });
    if (!values.json) ctx.stderr(m.stopping);
    await running.dispose();
    return ExitCode.ok;
  },
};
