import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI exactly as `npm install` leaves it: `bin/alpha-monitor.js` run by node. */
export const CLI_BIN = fileURLToPath(new URL('../../bin/alpha-monitor.js', import.meta.url));

/** A running `alpha-monitor` child process and what it printed so far. */
export interface CliProcess {
  readonly child: ChildProcess;
  /** Its exit code (null when a signal killed it). */
  readonly exited: Promise<number | null>;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the real CLI as a subprocess (English, unless `env` says otherwise). */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, [CLI_BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}
