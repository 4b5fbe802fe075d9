import { resolve } from 'node:path';
import { startCli as startCliProcess } from '../../test/fakes/cli-process.ts';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/** A running `alpha-monitor` subprocess started by a spec, with the JSON line it announced itself with. */
export interface CliProcess<T> {
  info: T;
  /** Everything it wrote to stderr so far (for failure messages; never contains secrets by contract). */
  stderr(): string;
  /** Stops it (SIGTERM, then SIGKILL after a grace period) and waits until it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `node bin/alpha-monitor.js <args>` (the test toolkit's runner) and resolves with the
 * first stdout line that parses as JSON and passes `accept` (the `--json` announcement: URL,
 * ports, ...). Rejects with the process's stderr if it exits first or says nothing within
 * `startTimeoutMs` (a generous bound: on two busy cores a start takes long).
 */
export async function startCli<T>(
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    accept?: (json: unknown) => boolean;
    startTimeoutMs?: number;
  } = {},
): Promise<CliProcess<T>> {
  const cli = startCliProcess(
    args,
    { ...options.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    { cwd: REPO_ROOT },
  );
  let info: T;
  try {
    info = await cli.jsonLine<T>(options.accept, { timeoutMs: options.startTimeoutMs ?? 90_000 });
  } catch (error) {
    await cli.stop(0);
    throw new Error(`alpha-monitor ${args.join(' ')} was not ready: ${(error as Error).message}`);
  }
  return { info, stderr: () => cli.stderr, stop: () => cli.stop() };
}
