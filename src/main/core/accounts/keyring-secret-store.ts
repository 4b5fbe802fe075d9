import { SecretStoreError, type SecretStore } from '../ports/secret-store.ts';

/** The keychain service every Alpha Monitor entry lives under. */
export const KEYCHAIN_SERVICE = 'alpha-monitor';

/**
 * Overrides the keychain service name. Tests use it so they never touch a developer's real
 * accounts; side-by-side installs may use it too.
 */
export const KEYCHAIN_SERVICE_ENV_VAR = 'ALPHA_MONITOR_KEYCHAIN_SERVICE';

/** The service name to use in this environment. */
export function keychainServiceFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[KEYCHAIN_SERVICE_ENV_VAR];
  return override !== undefined && override.trim() !== '' ? override : KEYCHAIN_SERVICE;
}

type Keytar = typeof import('@napi-rs/keyring/keytar.js');
type Keyring = typeof import('@napi-rs/keyring');

/**
 * The real keychain, through `@napi-rs/keyring`'s keytar-compatible API (ADR 002).
 *
 * On Linux that API silently falls back to the kernel keyutils store when no Secret Service is
 * running; keyutils lives in kernel memory and is gone after a reboot, so a user would be told
 * "saved" and lose the session. Before each operation we therefore require the Secret Service
 * (an entry pinned to it throws at once when none is reachable) and report
 * SECRET_STORE_UNAVAILABLE instead.
 */
export function createKeyringSecretStore(options: { service?: string } = {}): SecretStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  let modules: Promise<{ keytar: Keytar; keyring: Keyring }> | undefined;

  // Loaded lazily: a missing native binary becomes a clear error at first use instead of
  // breaking every command at start-up.
  const load = () =>
    (modules ??= Promise.all([
      import('@napi-rs/keyring/keytar.js'),
      import('@napi-rs/keyring'),
    ]).then(([keytar, keyring]) => ({ keytar, keyring })));

  async function withKeychain<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    let loaded: { keytar: Keytar; keyring: Keyring };
    try {
      loaded = await load();
    } catch (error) {
      modules = undefined;
      throw new SecretStoreError(
        'SECRET_STORE_UNAVAILABLE',
        `The keychain library could not be loaded: ${describe(error)}`,
        { cause: error },
      );
    }
    if (process.platform === 'linux') requireSecretService(loaded.keyring, service);
    try {
      return await operation(loaded.keytar);
    } catch (error) {
      throw classify(error);
    }
  }

  return {
    getPassword: (account) => withKeychain((k) => k.getPassword(service, account)),
    setPassword: (account, secret) => withKeychain((k) => k.setPassword(service, account, secret)),
    deletePassword: (account) => withKeychain((k) => k.deletePassword(service, account)),
    findCredentials: () => withKeychain((k) => k.findCredentials(service)),
  };
}

function requireSecretService(keyring: Keyring, service: string): void {
  try {
    // Only the constructor matters: with the store pinned it connects to the Secret Service
    // and throws when there is none, instead of falling back to keyutils.
    new keyring.AsyncEntry(service, 'availability-probe', { linux: { store: 'secret-service' } });
  } catch (error) {
    throw new SecretStoreError(
      'SECRET_STORE_UNAVAILABLE',
      `No Secret Service is reachable on the D-Bus session bus (${describe(error)})`,
      { cause: error },
    );
  }
}

function classify(error: unknown): SecretStoreError {
  const text = describe(error);
  // "no result found" is what the Secret Service answers when it has no default collection
  // (a gnome-keyring started by D-Bus activation without a login keyring): as good as absent.
  const unavailable =
    /dbus|secret service: no result found|platform storage: (no such|not available)/i.test(text);
  return new SecretStoreError(
    unavailable ? 'SECRET_STORE_UNAVAILABLE' : 'SECRET_STORE_FAILED',
    text,
    {
      cause: error,
    },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
