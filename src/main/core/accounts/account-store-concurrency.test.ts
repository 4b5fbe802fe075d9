import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import { MemorySecretStore } from '../../../../test/fakes/memory-secret-store.ts';
import { AccountMetadataFile } from './account-metadata-file.ts';
import { AccountStore } from './account-store.ts';

const session = (tag: string) => ({
  headers: { csrftoken: `csrf-${tag}` },
  cookies: `p20t=${tag}`,
});

let dataDir: string;
let secrets: MemorySecretStore;
let store: AccountStore;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'am-accounts-cc-'));
  secrets = new MemorySecretStore();
  store = new AccountStore({ secrets, dataDir, clock: new FakeClock() });
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('AccountStore: accounts cannot be mixed up', () => {
  it('two adds with the same label at once get two ids, each with its own session (10 rounds)', async () => {
    for (let round = 0; round < 10; round++) {
      const label = `main${round}`;
      // Two stores over the same folder, as two windows or processes would have.
      const other = new AccountStore({
        secrets,
        dataDir,
        metadataFile: new AccountMetadataFile(dataDir),
      });
      const [a, b] = await Promise.all([
        store.createWithFreeId(label, { name: label, credentials: session(`A${round}`) }),
        other.createWithFreeId(label, { name: label, credentials: session(`B${round}`) }),
      ]);
      expect(new Set([a.id, b.id])).toEqual(new Set([label, `${label}-2`]));
      expect(await store.getCredentials(a.id)).toEqual(session(`A${round}`));
      expect(await store.getCredentials(b.id)).toEqual(session(`B${round}`));
    }
    expect(await store.list()).toHaveLength(20);
  });

  it('two creates of the same id at once: one is stored, the other refused, and the stored one keeps its own session', async () => {
    const results = await Promise.allSettled([
      store.create({ id: 'main', credentials: session('A') }),
      store.create({ id: 'main', credentials: session('B') }),
    ]);
    const won = results.findIndex((r) => r.status === 'fulfilled');
    const lost = results[1 - won] as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({
      code: 'ACCOUNT_EXISTS',
      message: expect.stringContaining('--replace'),
    });
    expect(await store.getCredentials('main')).toEqual(session(won === 0 ? 'A' : 'B'));
    expect(await store.list()).toHaveLength(1);
  });

  it('re-import in place keeps the id, the name and the added time; an unknown id is refused', async () => {
    const first = await store.create({ id: 'main', name: 'Main', credentials: session('old') });
    const replaced = await store.replace({ id: 'main', credentials: session('new') });
    expect(replaced).toMatchObject({ id: 'main', name: 'Main', addedAtMs: first.addedAtMs });
    expect(await store.getCredentials('main')).toEqual(session('new'));
    await expect(store.replace({ id: 'nope', credentials: session('x') })).rejects.toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
    });
    expect(secrets.entries.has('nope')).toBe(false);
  });

  it('reports keychain entries no account lists, and prunes only those', async () => {
    await store.create({ id: 'main', credentials: session('A') });
    secrets.entries.set('lost-1', JSON.stringify(session('L')));
    expect(await store.orphans()).toEqual(['lost-1']);
    expect(await store.pruneOrphans()).toEqual(['lost-1']);
    expect([...secrets.entries.keys()]).toEqual(['main']);
    expect(await store.orphans()).toEqual([]);
  });
});
