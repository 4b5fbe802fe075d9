import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FullDiskFileSystem } from '../../../../test/fakes/full-disk-file-system.ts';
import { FileWriteError, writeJsonFileAtomic } from './atomic-json-file.ts';

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-json-'));
  path = join(dir, 'settings.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<FileWriteError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileWriteError);
  return error as FileWriteError;
}

describe('writeJsonFileAtomic', () => {
  it('writes the JSON, owner-only, creating the folder', async () => {
    const nested = join(dir, 'data', 'settings.json');
    await writeJsonFileAtomic(nested, { theme: 'dark' });
    expect(JSON.parse(await readFile(nested, 'utf8'))).toEqual({ theme: 'dark' });
    expect((await stat(nested)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'data'))).mode & 0o077).toBe(0);
  });

  it('keeps the old file whole and says DISK_FULL when the disk fills mid-write', async () => {
    await writeJsonFileAtomic(path, { language: 'en' });
    const fs = new FullDiskFileSystem();
    fs.fill(5);
    const e = await failure(writeJsonFileAtomic(path, { language: 'zh-CN' }, { fs }));
    expect(e.code).toBe('DISK_FULL');
    expect(e.params).toEqual({ path, osCode: 'ENOSPC' });
    expect(e.message).toMatch(/disk is full.*settings\.json.*previous file is unchanged/);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ language: 'en' });
    // The short temp file is gone.
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('keeps the old file when the rename fails, and names the OS error', async () => {
    await writeJsonFileAtomic(path, { n: 1 });
    const fs = new FullDiskFileSystem();
    fs.failRename('EIO');
    const e = await failure(writeJsonFileAtomic(path, { n: 2 }, { fs }));
    expect([e.code, e.params.osCode]).toEqual(['FILE_WRITE_FAILED', 'EIO']);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ n: 1 });
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('keeps a mode the user gave the file, unless it holds a secret', async () => {
    await writeFile(path, '{}');
    await chmod(path, 0o640);
    await writeJsonFileAtomic(path, { n: 1 });
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    await writeJsonFileAtomic(path, { n: 2 }, { preserveMode: false });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('never leaves two writers sharing a temp file', async () => {
    await Promise.all([1, 2, 3, 4].map((n) => writeJsonFileAtomic(path, { n })));
    expect([1, 2, 3, 4]).toContain((JSON.parse(await readFile(path, 'utf8')) as { n: number }).n);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });
});
