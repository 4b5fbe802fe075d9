import { readFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from './commands/index.ts';
import type { CliContext } from './common/cli-context.ts';
import { CliError, ExitCode } from './common/cli-error.ts';
import { detectLang, type Lang } from './i18n/lang.ts';
import { maskKnownListenKeys } from '../../shared/secrets/listen-key-registry.ts';
import { logUnexpectedErrors } from '../core/logging/unexpected-error-log.ts';
import { openCliLogFile } from './common/cli-log-file.ts';
import { createStreamLogger } from '../core/ports/logger.ts';

const SUMMARY: Record<Lang, string> = {
  en: 'alpha-monitor: live monitor for Binance Alpha orders',
  'zh-CN': 'alpha-monitor：币安 Alpha 订单实时监控',
};

/** Takes `--lang X` / `--lang=X` out of argv, wherever it stands. */
function extractLang(argv: string[]): { lang?: string; rest: string[] } {
  const rest: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') {
      lang = argv[++i] ?? '';
    } else if (arg.startsWith('--lang=')) {
      lang = arg.slice('--lang='.length);
    } else {
      rest.push(arg);
    }
  }
  return { lang, rest };
}

const INTERRUPTED: Record<Lang, string> = {
  en: 'Interrupted.',
  'zh-CN': '已中断。',
};

/**
 * Builds the context of a real process: stdout/stderr, and Ctrl+C handling. The first signal
 * calls the handlers a command registered (to close its session cleanly); with none registered,
 * or on a second signal, the process exits at once (130 for SIGINT, 143 for SIGTERM).
 *
 * A reader that goes away (`watch --json | head -1`) is treated like Ctrl+C, quietly: the
 * handlers run so the session unsubscribes, output meant for the closed pipe is dropped, and
 * without handlers the process exits 0 (the reader chose to stop reading).
 */
export function createProcessContext(lang: Lang): CliContext {
  const handlers = new Set<() => void>();
  let interrupted = false;
  const closed = { stdout: false, stderr: false };
  // Nothing the CLI prints may hold a listen key it obtained, whatever message carried it.
  const write = (stream: 'stdout' | 'stderr', text: string) => {
    if (!closed[stream]) process[stream].write(maskKnownListenKeys(text));
  };
  const interrupt = (exitCodeWithoutHandlers: number, notice: boolean) => {
    if (interrupted || handlers.size === 0) {
      if (!interrupted && notice) write('stderr', `\n${INTERRUPTED[lang]}\n`);
      process.exit(exitCodeWithoutHandlers);
    }
    interrupted = true;
    for (const handler of [...handlers]) handler();
  };
  const onSignal = (signal: NodeJS.Signals) => interrupt(signal === 'SIGINT' ? 130 : 143, true);
  const onOutputError = (stream: 'stdout' | 'stderr') => (error: NodeJS.ErrnoException) => {
    // Anything but a closed pipe is a real failure, reported as before.
    if (error.code !== 'EPIPE') throw error;
    if (closed[stream]) return;
    closed[stream] = true;
    if (!interrupted) interrupt(ExitCode.ok, false);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.stdout.on('error', onOutputError('stdout'));
  process.stderr.on('error', onOutputError('stderr'));
  return {
    lang,
    env: process.env,
    cwd: process.cwd(),
    stdin: process.stdin,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdout: (text) => write('stdout', text),
    stderr: (text) => write('stderr', text),
    logFile: openCliLogFile({ env: process.env, lang, warn: (text) => write('stderr', text) }),
    onInterrupt(handler) {
      handlers.add(handler);
      return () => void handlers.delete(handler);
    },
  };
}

/** The version in package.json (the CLI runs from source, so that is the one installed). */
function packageVersion(): string {
  try {
    const path = fileURLToPath(new URL('../../../package.json', import.meta.url));
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function helpText(lang: Lang, names: string[], summaries: Record<string, string>): string {
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.map((n) => `  ${n.padEnd(width)}  ${summaries[n]}`);
  const usage =
    lang === 'zh-CN'
      ? '用法：npx alpha-monitor <命令> [选项] [--lang en|zh|zh-CN]'
      : 'Usage: npx alpha-monitor <command> [options] [--lang en|zh|zh-CN]';
  const more =
    lang === 'zh-CN'
      ? '每个命令的选项：npx alpha-monitor <命令> --help'
      : 'Options of a command: npx alpha-monitor <command> --help';
  const version =
    lang === 'zh-CN' ? '版本：npx alpha-monitor --version' : 'Version: npx alpha-monitor --version';
  return `${SUMMARY[lang]}\n\n${usage}\n\n${lines.join('\n')}\n\n${more}\n${version}\n`;
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[], context?: CliContext): Promise<number> {
  const { lang: langArg, rest } = extractLang(argv);
  let lang: Lang;
  try {
    lang = detectLang(process.env, langArg);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return ExitCode.usage;
  }
  const ctx = context ?? createProcessContext(lang);
  const [name, ...commandArgs] = rest;
  if (name === '--version' || name === '-V' || name === 'version') {
    ctx.stdout(`alpha-monitor ${packageVersion()}\n`);
    return ExitCode.ok;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const names = Object.keys(COMMANDS);
    const summaries: Record<string, string> = {};
    for (const n of names) summaries[n] = (await COMMANDS[n]!()).summary[lang];
    ctx.stdout(helpText(lang, names, summaries));
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    ctx.stderr(
      lang === 'zh-CN'
        ? `未知命令“${name}”。运行 npx alpha-monitor --help 查看命令列表。\n`
        : `Unknown command "${name}". Run npx alpha-monitor --help for the list.\n`,
    );
    return ExitCode.usage;
  }
  // Listener errors and promises nobody awaited: one ERROR line on stderr (a bug, never
  // hidden), and in the log file.
  const restoreErrors = logUnexpectedErrors(
    createStreamLogger({
      minLevel: 'error',
      write: (line) => {
        ctx.logFile?.write(line);
        ctx.stderr(line + '\n');
      },
      bindings: { component: name },
    }),
  );
  try {
    return await (await load()).run(commandArgs, ctx);
  } catch (error) {
    if (error instanceof CliError) {
      ctx.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    ctx.stderr(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.failure;
  } finally {
    restoreErrors();
  }
}
