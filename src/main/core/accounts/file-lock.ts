import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AccountError } from './account-errors.ts';

export interface FileLockOptions {
  /** Give up after this long (another process holds the lock and never lets go). */
  timeoutMs?: number;
  /** A lock file older than this is taken over even when its process looks alive. */
  staleMs?: number;
  /** Pause between two attempts. */
  retryMs?: number;
}

const DEFAULTS = { timeoutMs: 30_000, staleMs: 60_000, retryMs: 20 } as const;

/** In this process, callers queue per lock path (no polling between our own callers). */
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `work` while holding `lockPath`, a lock shared with other processes: the file is
 * created exclusively (`wx`) and holds the owner's pid and a nonce. A lock whose process is
 * gone (a crashed `accounts add`), or that is older than `staleMs`, is taken over; every other
 * caller waits, up to `timeoutMs`, then gets a clear ACCOUNTS_LOCKED error.
 */
export async function withFileLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const previous = queues.get(lockPath) ?? Promise.resolve();
  const run = previous.then(
    () => holdLock(lockPath, work, { ...DEFAULTS, ...options }),
    () => holdLock(lockPath, work, { ...DEFAULTS, ...options }),
  );
  const tail = run.catch(() => {});
  queues.set(lockPath, tail);
  void tail.then(() => {
    if (queues.get(lockPath) === tail) queues.delete(lockPath);
  });
  return run;
}

async function holdLock<T>(
  lockPath: string,
  work: () => Promise<T>,
  options: Required<FileLockOptions>,
): Promise<T> {
  const nonce = `${process.pid} ${randomBytes(8).toString('hex')}`;
  await acquire(lockPath, nonce, options);
  try {
    return await work();
  } finally {
    // Only our own lock is removed (a slow holder taken over as stale must not delete the new one).
    if ((await readLock(lockPath)) === nonce) await rm(lockPath, { force: true });
  }
}

async function acquire(
  lockPath: string,
  nonce: string,
  options: Required<FileLockOptions>,
): Promise<void> {
  await mkdir(dirname(lockPath), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      try {
        await handle.writeFile(nonce, 'utf8');
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    await breakIfStale(lockPath, options.staleMs);
    if (Date.now() > deadline) {
      throw new AccountError(
        'ACCOUNTS_LOCKED',
        `Another Alpha Monitor process has been changing the account list for ${Math.round(options.timeoutMs / 1000)} s (${lockPath}). ` +
          'Try again; if no other alpha-monitor runs, delete that file.',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.retryMs));
  }
}

/**
 * Removes a lock left by a process that is gone, or one older than `staleMs`. The file is
 * first renamed to a name of our own, so two processes breaking the same stale lock cannot
 * both succeed; if what we renamed turns out to be a fresh lock, it is put back.
 */
async function breakIfStale(lockPath: string, staleMs: number): Promise<void> {
  const seen = await readLock(lockPath);
  if (seen === null) return;
  const pid = Number(seen.split(' ')[0]);
  let ageMs = 0;
  try {
    ageMs = Date.now() - (await stat(lockPath)).mtimeMs;
  } catch {
    return;
  }
  if (processAlive(pid) && ageMs < staleMs) return;
  const aside = `${lockPath}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return;
  }
  if ((await readLock(aside)) !== seen) await link(aside, lockPath).catch(() => {});
  await rm(aside, { force: true });
}

async function readLock(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
