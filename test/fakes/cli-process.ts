import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait-for.ts';

/** The CLI exactly as `npm install` leaves it: `bin/alpha-monitor.js` run by node. */
export const CLI_BIN = fileURLToPath(new URL('../../bin/alpha-monitor.js', import.meta.url));

/** How a child process is started (on top of English and the parent's environment). */
export interface NodeProcessOptions {
  /** Added to (and overriding) the parent's environment and `LANG=C`; a variable set to undefined is not passed on. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Written to the child's stdin, which is then closed (default: no stdin at all). */
  stdin?: string;
}

/** A running node child process and what it printed so far. */
export interface NodeProcess {
  readonly child: ChildProcess;
  /** Its exit code (null when a signal killed it), once it ended and its output is all read. */
  readonly exited: Promise<number | null>;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves once stdout (or stderr, with `stream`) contains `text`; rejects if it exits first. */
  waitForOutput(
    text: string | RegExp,
    options?: { stream?: 'stdout' | 'stderr'; timeoutMs?: number },
  ): Promise<void>;
  /**
   * The first stdout line that parses as JSON and passes `accept` (a `--json` announcement:
   * URL, ports, ...); rejects with its stderr if it exits first.
   */
  jsonLine<T>(accept?: (json: unknown) => boolean, options?: { timeoutMs?: number }): Promise<T>;
  /** Sends `signal` (default SIGTERM) unless it already ended. */
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM, SIGKILL if it is still running after `graceMs`; resolves once it ended. */
  stop(graceMs?: number): Promise<void>;
}

/** What a finished process printed. */
export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `node <script> ...args` with English output (unless `env` says otherwise). */
export function startNodeScript(
  script: string,
  args: string[],
  options: NodeProcessOptions = {},
): NodeProcess {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: options.cwd,
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  let ended = false;
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  // 'close', not 'exit': every byte it printed has been read by then.
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      ended = true;
      resolve(code);
    });
  });
  const running: NodeProcess = {
    child,
    exited,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    async waitForOutput(text, waitOptions = {}) {
      const stream = waitOptions.stream ?? 'stdout';
      const printed = () => (stream === 'stdout' ? stdout : stderr);
      const seen = () =>
        typeof text === 'string' ? printed().includes(text) : text.test(printed());
      await waitFor(
        () => {
          if (seen()) return true;
          if (ended) throw new Error(`exited before printing ${String(text)}\n${stderr}`);
          return false;
        },
        { timeoutMs: waitOptions.timeoutMs, what: () => `${String(text)} on ${stream}\n${stderr}` },
      );
    },
    async jsonLine<T>(
      accept: (json: unknown) => boolean = () => true,
      jsonOptions: { timeoutMs?: number } = {},
    ) {
      let found: { json: unknown } | undefined;
      const scan = () => {
        for (const line of stdout.split('\n').slice(0, -1)) {
          try {
            const json: unknown = JSON.parse(line);
            if (accept(json)) return { json };
          } catch {
            // not a JSON line
          }
        }
        return undefined;
      };
      await waitFor(
        () => {
          found = scan();
          if (found) return true;
          if (ended) throw new Error(`exited before it announced itself\n${stderr}`);
          return false;
        },
        { timeoutMs: jsonOptions.timeoutMs, what: () => `a JSON line on stdout\n${stderr}` },
      );
      return found!.json as T;
    },
    kill(signal = 'SIGTERM') {
      if (!ended && child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    async stop(graceMs = 8_000) {
      if (ended) return;
      running.kill('SIGTERM');
      const killTimer = setTimeout(() => running.kill('SIGKILL'), graceMs);
      await exited.catch(() => undefined);
      clearTimeout(killTimer);
    },
  };
  return running;
}

/** Runs `node <script> ...args` to its end. */
export async function runNodeScript(
  script: string,
  args: string[],
  options: NodeProcessOptions = {},
): Promise<NodeRun> {
  const running = startNodeScript(script, args, options);
  const code = await running.exited;
  return { code, stdout: running.stdout, stderr: running.stderr };
}

let scratchHome: string | undefined;

/**
 * The data folder of a CLI run whose test names none: one temporary folder per test process
 * (removed at its exit), so the commands' log file never lands in the developer's real one.
 */
function withDataFolder(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if ('ALPHA_MONITOR_HOME' in env || process.env.ALPHA_MONITOR_HOME !== undefined) return env;
  if (scratchHome === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'alpha-cli-home-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    scratchHome = dir;
  }
  return { ALPHA_MONITOR_HOME: scratchHome, ...env };
}

/** Starts the real CLI as a subprocess, as a user runs it (English, unless `env` says otherwise). */
export function startCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  options: Omit<NodeProcessOptions, 'env'> = {},
): NodeProcess {
  return startNodeScript(CLI_BIN, args, { ...options, env: withDataFolder(env) });
}

/** Runs the real CLI to its end. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  options: Omit<NodeProcessOptions, 'env'> = {},
): Promise<NodeRun> {
  return runNodeScript(CLI_BIN, args, { ...options, env: withDataFolder(env) });
}
