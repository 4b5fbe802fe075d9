import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  requireTestKeychain,
  TEST_KEYCHAIN_SERVICE,
} from '../../../../test/setup/secret-service.ts';
import { createKeyringSecretStore } from './keyring-secret-store.ts';

// Against the real keychain: on Linux the private gnome-keyring started by the global setup.
describe('keyring secret store (real Secret Service)', () => {
  const service = `${TEST_KEYCHAIN_SERVICE}-${randomUUID().slice(0, 8)}`;
  const store = createKeyringSecretStore({ service });

  beforeAll(() => requireTestKeychain());

  afterEach(async () => {
    for (const { account } of await store.findCredentials()) await store.deletePassword(account);
  });

  it('stores, reads back, lists and deletes secrets per account', async () => {
    expect(await store.getPassword('1')).toBeNull();
    await store.setPassword('1', '{"a":1}');
    await store.setPassword('second', '{"b":2}');
    expect(await store.getPassword('1')).toBe('{"a":1}');
    const found = await store.findCredentials();
    expect(found.map((c) => c.account).sort()).toEqual(['1', 'second']);
    expect(await store.deletePassword('1')).toBe(true);
    expect(await store.getPassword('1')).toBeNull();
    expect(await store.deletePassword('1')).toBe(false);
  });

  it('replaces a secret instead of adding a second entry', async () => {
    await store.setPassword('1', 'old value');
    await store.setPassword('1', 'new value');
    expect(await store.getPassword('1')).toBe('new value');
    expect(await store.findCredentials()).toHaveLength(1);
  });

  it('keeps services apart', async () => {
    const other = createKeyringSecretStore({ service: `${service}-other` });
    await store.setPassword('1', 'mine');
    expect(await other.getPassword('1')).toBeNull();
  });
});
