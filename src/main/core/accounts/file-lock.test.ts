import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withFileLock } from './file-lock.ts';

let dir: string;
let lockPath: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'am-lock-'));
  lockPath = join(dir, 'accounts.json.lock');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pid that surely belongs to no running process: a child that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

describe('withFileLock', () => {
  it('runs one holder at a time and removes its lock afterwards', async () => {
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        withFileLock(lockPath, async () => {
          most = Math.max(most, ++inside);
          await new Promise((resolve) => setImmediate(resolve));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock left by a process that is gone', async () => {
    await writeFile(lockPath, `${deadPid()} 0123456789abcdef`);
    expect(await withFileLock(lockPath, async () => 'ran')).toBe('ran');
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a very old lock even when its pid is alive (pid reuse)', async () => {
    await writeFile(lockPath, `${process.ppid} 0123456789abcdef`);
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(lockPath, old, old);
    expect(await withFileLock(lockPath, async () => 'ran', { staleMs: 60_000 })).toBe('ran');
  });

  it('waits for a live holder and then says clearly that the list is locked', async () => {
    await writeFile(lockPath, `${process.ppid} 0123456789abcdef`);
    await expect(
      withFileLock(lockPath, async () => 'ran', { timeoutMs: 200 }),
    ).rejects.toMatchObject({
      code: 'ACCOUNTS_LOCKED',
      message: expect.stringContaining(lockPath),
    });
    // The other process's lock is left alone.
    expect(await readdir(dir)).toEqual(['accounts.json.lock']);
  });

  it('a failing holder releases the lock for the next one', async () => {
    await expect(
      withFileLock(lockPath, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await withFileLock(lockPath, async () => 'next')).toBe('next');
  });
});
