import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import { FullDiskFileSystem } from '../../../../test/fakes/full-disk-file-system.ts';
import { MemorySecretStore } from '../../../../test/fakes/memory-secret-store.ts';
import { AccountError } from './account-errors.ts';
import { AccountMetadataFile } from './account-metadata-file.ts';
import { AccountStore } from './account-store.ts';

const session = (tag: string) => ({
  headers: { csrftoken: `csrf-${tag}-0123456789abcdef`, 'bnc-uuid': `uuid-${tag}` },
  cookies: `p20t=P20T-${tag}-SECRET; r30t=R30T-${tag}-SECRET`,
});

let dataDir: string;
let secrets: MemorySecretStore;
let clock: FakeClock;
let store: AccountStore;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'am-accounts-'));
  secrets = new MemorySecretStore();
  clock = new FakeClock(1_750_000_000_000);
  store = new AccountStore({ secrets, dataDir, clock });
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as AccountError).code;
  }
  return undefined;
}

describe('AccountStore', () => {
  it('keeps the session in the keychain and only metadata in accounts.json', async () => {
    const { account, replaced } = await store.save({
      id: '1',
      name: 'Main',
      credentials: session('a'),
    });
    expect(replaced).toBe(false);
    expect(account).toMatchObject({
      id: '1',
      name: 'Main',
      addedAtMs: clock.now(),
      lastVerification: null,
    });
    expect(await store.getCredentials('1')).toEqual(session('a'));
    expect(JSON.parse(secrets.entries.get('1')!)).toEqual(session('a'));

    const fileText = await readFile(join(dataDir, 'accounts.json'), 'utf8');
    expect(fileText).toContain('"Main"');
    for (const secret of ['csrf-a', 'uuid-a', 'P20T-a', 'R30T-a'])
      expect(fileText).not.toContain(secret);
  });

  it('lists accounts oldest first, with names defaulting to the id', async () => {
    await store.save({ id: 'main', credentials: session('a') });
    await clock.advance(1_000);
    await store.save({ id: '2', name: 'Second', credentials: session('b') });
    const list = await store.list();
    expect(list.map((a) => [a.id, a.name])).toEqual([
      ['main', 'main'],
      ['2', 'Second'],
    ]);
  });

  it('replaces the session of an existing id, keeping when it was added and its name', async () => {
    await store.save({ id: '1', name: 'Main', credentials: session('a') });
    await store.recordVerification('1', { outcome: 'OK', atMs: clock.now() });
    const addedAtMs = clock.now();
    await clock.advance(60_000);
    const { account, replaced } = await store.save({ id: '1', credentials: session('b') });
    expect(replaced).toBe(true);
    expect(account).toMatchObject({
      name: 'Main',
      addedAtMs,
      updatedAtMs: addedAtMs + 60_000,
      lastVerification: null,
    });
    expect(await store.getCredentials('1')).toEqual(session('b'));
    expect(await store.list()).toHaveLength(1);
  });

  it('records verification outcomes', async () => {
    await store.save({ id: '1', credentials: session('a') });
    await store.recordVerification('1', {
      outcome: 'SESSION_EXPIRED',
      atMs: 123,
      detail: '100002001',
    });
    expect((await store.get('1'))!.lastVerification).toEqual({
      outcome: 'SESSION_EXPIRED',
      atMs: 123,
      detail: '100002001',
    });
  });

  it('removes the keychain entry and the metadata', async () => {
    await store.save({ id: '1', credentials: session('a') });
    await store.save({ id: '2', credentials: session('b') });
    expect(await store.remove('1')).toBe(true);
    expect(secrets.entries.has('1')).toBe(false);
    expect((await store.list()).map((a) => a.id)).toEqual(['2']);
    expect(await store.remove('1')).toBe(false);
  });

  it('rejects ids that are not numbers or short labels', async () => {
    for (const id of ['', '../x', 'a b', 'x'.repeat(65), '-flag']) {
      expect(await codeOf(store.save({ id, credentials: session('a') }))).toBe(
        'INVALID_ACCOUNT_ID',
      );
    }
    expect(secrets.entries.size).toBe(0);
  });

  it('explains an unknown id, a missing keychain entry and a damaged one', async () => {
    expect(await codeOf(store.getCredentials('nope'))).toBe('ACCOUNT_NOT_FOUND');
    await store.save({ id: '1', credentials: session('a') });
    secrets.entries.delete('1');
    expect(await codeOf(store.getCredentials('1'))).toBe('CREDENTIALS_MISSING');
    secrets.entries.set('1', 'not json');
    expect(await codeOf(store.getCredentials('1'))).toBe('CREDENTIALS_CORRUPT');
    expect(await codeOf(store.recordVerification('nope', { outcome: 'OK', atMs: 1 }))).toBe(
      'ACCOUNT_NOT_FOUND',
    );
  });

  it('leaves a damaged accounts.json untouched instead of overwriting it', async () => {
    const path = join(dataDir, 'accounts.json');
    await writeFile(path, '{"version":1,"accounts":[{"id":"1"', 'utf8');
    expect(await codeOf(store.list())).toBe('ACCOUNTS_FILE_CORRUPT');
    expect(await codeOf(store.save({ id: '2', credentials: session('b') }))).toBe(
      'ACCOUNTS_FILE_CORRUPT',
    );
    expect(await readFile(path, 'utf8')).toBe('{"version":1,"accounts":[{"id":"1"');
    expect(secrets.entries.has('2')).toBe(false);
  });

  it('keeps the previous list when accounts.json cannot be written (full disk, crash)', async () => {
    await store.save({ id: '1', credentials: session('a') });
    const fs = new FullDiskFileSystem();
    const failing = new AccountMetadataFile(dataDir, { fs });
    const broken = new AccountStore({ secrets, dataDir, clock, metadataFile: failing });
    fs.fill(10);
    const full = broken.save({ id: '2', credentials: session('b') });
    expect(await codeOf(full)).toBe('ACCOUNTS_FILE_WRITE_FAILED');
    expect(await full.catch((e: Error) => e.message)).toMatch(/disk is full.*accounts\.json/);
    fs.free();
    fs.failRename('EIO');
    expect(await codeOf(broken.save({ id: '3', credentials: session('c') }))).toBe(
      'ACCOUNTS_FILE_WRITE_FAILED',
    );
    expect((await store.list()).map((a) => a.id)).toEqual(['1']);
    // No temp file is left behind.
    expect(await readdir(dataDir)).toEqual(['accounts.json']);
  });

  it('writes accounts.json readable by the owner only', async () => {
    await store.save({ id: '1', credentials: session('a') });
    expect((await stat(join(dataDir, 'accounts.json'))).mode & 0o077).toBe(0);
  });

  it('fails with the keychain error, saving nothing, when there is no keychain', async () => {
    secrets.unavailable = true;
    expect(await codeOf(store.save({ id: '1', credentials: session('a') }))).toBe(
      'SECRET_STORE_UNAVAILABLE',
    );
    secrets.unavailable = false;
    expect(await store.list()).toEqual([]);
  });
});
