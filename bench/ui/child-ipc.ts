/**
 * The benches' child processes (the host under measurement runs alone in one, so its heap and
 * its event loop are its own): forked with tsx and --expose-gc, told their task over the IPC
 * channel, answered with messages that carry a `kind`; an `error` message or an early exit
 * rejects whatever waits.
 */
import { fork, type ChildProcess } from 'node:child_process';

export interface ChildMessage {
  kind: string;
}
interface ErrorMessage {
  kind: 'error';
  message: string;
}

export function forkBenchChild(path: string, nodeArgs: readonly string[] = []): ChildProcess {
  return fork(path, [], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...nodeArgs],
    stdio: 'inherit',
  });
}

/** The child's next message of `kind` for which `until` holds (others pass by). */
export function nextMessage<M extends ChildMessage, K extends M['kind']>(
  child: ChildProcess,
  kind: K,
  until?: (m: Extract<M, { kind: K }>) => boolean,
): Promise<Extract<M, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: M | ErrorMessage) => {
      if (message.kind === 'error')
        return done(() => reject(new Error((message as ErrorMessage).message)));
      if (message.kind !== kind) return;
      const m = message as Extract<M, { kind: K }>;
      if (!until || until(m)) done(() => resolve(m));
    };
    const onExit = (code: number | null) =>
      done(() => reject(new Error(`bench child exited with ${code}`)));
    const done = (settle: () => void) => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      settle();
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Asks the child to stop, and waits for it (killed after 20 s). */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.connected) child.send({ kind: 'stop' });
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
  });
}

/**
 * In the child: runs `run` with the first `task` message's task until a `stop` message
 * (`stopped` resolves), reporting a failure as an `error` message; then leaves the channel.
 */
export function serveAsChild<T>(run: (task: T, stopped: Promise<void>) => Promise<void>): void {
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  process.on('message', (request: { kind: string; task?: T }) => {
    if (request.kind === 'task')
      void run(request.task!, stopped).then(
        () => process.disconnect(),
        (error: unknown) => {
          process.send!({ kind: 'error', message: String(error) } satisfies ErrorMessage);
          process.disconnect();
        },
      );
    else if (request.kind === 'stop') stop();
  });
}
