import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = resolve(REPO_ROOT, 'bin', 'alpha-monitor.js');

/** A running `alpha-monitor` subprocess started by a spec, with the JSON line it announced itself with. */
export interface CliProcess<T> {
  info: T;
  /** Everything it wrote to stderr so far (for failure messages; never contains secrets by contract). */
  stderr(): string;
  /** Stops it (SIGTERM, then SIGKILL after a grace period) and waits until it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `node bin/alpha-monitor.js <args>` and resolves with the first stdout line that
 * parses as JSON and passes `accept` (the `--json` announcement: URL, ports, ...). Rejects
 * with the process's stderr if it exits first or says nothing in time.
 */
export async function startCli<T>(
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    accept?: (json: unknown) => boolean;
    startTimeoutMs?: number;
  } = {},
): Promise<CliProcess<T>> {
  const child: ChildProcess = spawn(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const accept = options.accept ?? (() => true);
  const lines = createInterface({ input: child.stdout! });

  const info = await new Promise<T>((resolveInfo, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `alpha-monitor ${args.join(' ')} said nothing within ${options.startTimeoutMs ?? 30_000} ms.\n${stderr}`,
        ),
      );
    }, options.startTimeoutMs ?? 30_000);
    lines.on('line', (line) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        return;
      }
      if (!accept(json)) return;
      clearTimeout(timer);
      resolveInfo(json as T);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `alpha-monitor ${args.join(' ')} exited with ${code} before it was ready.\n${stderr}`,
        ),
      );
    });
  });
  // Keep draining stdout so the child never blocks on a full pipe.
  child.stdout!.resume();

  return {
    info,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 8_000);
      await exited;
      clearTimeout(killTimer);
    },
  };
}
