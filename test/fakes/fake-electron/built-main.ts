/**
 * Runs the BUILT main process (out/main/index.js) in plain Node with `electron` resolved to the
 * recording fake (fake-electron.mjs), and drives it like a user would through the fake: see
 * test/built-main.test.ts. Fails loudly when the app is not built (npm test builds first).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { waitFor } from '../wait-for.ts';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const BUILT_MAIN = resolve(REPO_ROOT, 'out', 'main', 'index.js');
const REGISTER = resolve(import.meta.dirname, 'register.mjs');

export interface Recorded {
  kind: string;
  data: Record<string, unknown>;
}

export interface BuiltMain {
  readonly records: Recorded[];
  /** stderr of the process (the log lines it also writes to its log file). */
  stderr(): string;
  /** Runs a command of the fake (see `commands` in fake-electron.mjs). */
  command<T = unknown>(name: string, args?: Record<string, unknown>): Promise<T>;
  /** Calls a contract channel as our window (or as a foreign sender). */
  invoke<T = unknown>(
    channel: string,
    payload?: unknown,
    as?: 'window' | 'foreign',
  ): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>;
  /** Waits for (and returns) the first record matching, from `since` on. */
  waitForRecord(
    kind: string,
    predicate?: (data: Record<string, unknown>) => boolean,
    options?: { since?: number; timeoutMs?: number },
  ): Promise<Recorded>;
  /** Records of one kind. */
  all(kind: string): Recorded[];
  /** Resolves with the exit code once the process has ended by itself. */
  readonly exited: Promise<number | null>;
  kill(): void;
}

export const REQUEST_PREFIX = 'alpha-monitor:req:';
export const EVENT_PREFIX = 'alpha-monitor:evt:';

export function launchBuiltMain(options: {
  home: string;
  env?: Record<string, string | undefined>;
}): BuiltMain {
  if (!existsSync(BUILT_MAIN))
    throw new Error(`${BUILT_MAIN} is missing: run \`npm run build\` first (npm test does).`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ALPHA_MONITOR_HOME: options.home,
    ALPHA_MONITOR_TRAY: 'on',
    ...options.env,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  delete env.ELECTRON_RUN_AS_NODE;
  const child: ChildProcess = fork(BUILT_MAIN, [], {
    cwd: REPO_ROOT,
    env,
    execArgv: ['--import', REGISTER],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const records: Recorded[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on('data', () => {});
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  child.on('message', (message: { type: string; [key: string]: unknown }) => {
    if (message.type === 'record')
      records.push({ kind: message.kind as string, data: message.data as Record<string, unknown> });
    else if (message.type === 'reply') {
      const waiter = pending.get(message.id as number);
      pending.delete(message.id as number);
      if (message.error !== undefined) waiter?.reject(new Error(String(message.error)));
      else waiter?.resolve(message.value);
    }
  });
  const exited = new Promise<number | null>((done) => {
    child.on('exit', (code) => {
      for (const waiter of pending.values()) waiter.reject(new Error('the main process exited'));
      pending.clear();
      done(code);
    });
  });

  const command = <T>(name: string, args?: Record<string, unknown>) =>
    new Promise<T>((resolvePromise, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolvePromise, reject });
      child.send({ type: 'command', id, name, args });
    });

  return {
    records,
    stderr: () => stderr,
    command,
    invoke: (channel, payload, as = 'window') =>
      command('invoke', { channel: REQUEST_PREFIX + channel, payload, as }),
    async waitForRecord(kind, predicate = () => true, { since = 0, timeoutMs = 60_000 } = {}) {
      let found: Recorded | undefined;
      await waitFor(
        () => {
          found = records.slice(since).find((r) => r.kind === kind && predicate(r.data));
          return found !== undefined;
        },
        { timeoutMs, what: `the main process to record ${kind}` },
      );
      return found!;
    },
    all: (kind) => records.filter((r) => r.kind === kind),
    exited,
    kill: () => void child.kill('SIGKILL'),
  };
}
