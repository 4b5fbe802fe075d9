import { describe, expect, it } from 'vitest';
import { createKeyringSecretStore, type KeyringModules } from './keyring-secret-store.ts';

// What @napi-rs/keyring threw in CI when gnome-keyring-daemon went away mid-call (stop 21).
const DROPPED =
  'Platform failure: DBus error: Message recipient disconnected from message bus without replying';
const NO_SERVICE =
  'Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files';

/** A keychain whose calls fail as scripted, then work; it records every wait. */
function scripted(
  failures: Array<'ok' | 'dropped' | 'done, then dropped' | 'no service' | 'denied'>,
) {
  const entries = new Map<string, string>();
  const waits: number[] = [];
  let calls = 0;
  /** Runs the call; a 'done, then dropped' one is carried out and its answer lost. */
  const step = <T>(call: () => T): T => {
    const failure = failures[calls++];
    if (failure === 'dropped') throw new Error(DROPPED);
    if (failure === 'done, then dropped') {
      call();
      throw new Error(DROPPED);
    }
    if (failure === 'denied') throw new Error('Platform failure: the user denied access');
    return call();
  };
  const modules: KeyringModules = {
    keyring: {
      AsyncEntry: class {
        constructor() {
          // The store checks the service before each call; "no service" fails that check.
          if (failures[calls] === 'no service') {
            calls++;
            throw new Error(NO_SERVICE);
          }
        }
      } as unknown as KeyringModules['keyring']['AsyncEntry'],
    },
    keytar: {
      getPassword: async (_service, account) => step(() => entries.get(account) ?? null),
      setPassword: async (_service, account, secret) =>
        void step(() => entries.set(account, secret)),
      deletePassword: async (_service, account) => step(() => entries.delete(account)),
      findCredentials: async () =>
        step(() => [...entries].map(([account, password]) => ({ account, password }))),
    },
  };
  const store = createKeyringSecretStore({
    service: 'test',
    loadModules: async () => modules,
    retryDelaysMs: [10, 20, 40],
    sleep: async (ms) => void waits.push(ms),
  });
  return { store, waits, calls: () => calls };
}

describe.runIf(process.platform === 'linux')('keyring secret store: a dropped call', () => {
  it('is tried again, also while the restarted keychain is not on the bus yet', async () => {
    const { store, waits } = scripted(['dropped', 'no service', 'no service']);
    await store.setPassword('a', 'secret');
    expect(waits).toEqual([10, 20, 40]);
    expect(await store.getPassword('a')).toBe('secret');
  });

  it('a delete the keychain carried out before dropping its answer still says it deleted', async () => {
    const { store, waits } = scripted(['ok', 'done, then dropped']);
    await store.setPassword('a', 'secret');
    expect(await store.deletePassword('a')).toBe(true);
    expect(waits).toEqual([10]);
    expect(await store.getPassword('a')).toBeNull();
    // Without a drop, a delete of nothing still says so.
    expect(await store.deletePassword('a')).toBe(false);
  });

  it('a dropped listing is asked again', async () => {
    const { store, waits } = scripted(['ok', 'dropped']);
    await store.setPassword('a', 'secret');
    expect(await store.findCredentials()).toEqual([{ account: 'a', password: 'secret' }]);
    expect(waits).toEqual([10]);
  });

  it('says the keychain is unavailable once the retries are spent', async () => {
    const { store, waits } = scripted(['dropped', 'dropped', 'dropped', 'dropped']);
    await expect(store.getPassword('a')).rejects.toMatchObject({
      code: 'SECRET_STORE_UNAVAILABLE',
      message: DROPPED,
    });
    expect(waits).toEqual([10, 20, 40]);
  });

  it('is not retried when no keychain was there to begin with, nor when it refused', async () => {
    const absent = scripted(['no service']);
    await expect(absent.store.getPassword('a')).rejects.toMatchObject({
      code: 'SECRET_STORE_UNAVAILABLE',
    });
    expect(absent.waits).toEqual([]);

    const denied = scripted(['denied']);
    await expect(denied.store.setPassword('a', 'x')).rejects.toMatchObject({
      code: 'SECRET_STORE_FAILED',
    });
    expect(denied.waits).toEqual([]);
    expect(denied.calls()).toBe(1);
  });
});
