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

/** What the adapter needs of `@napi-rs/keyring`; tests pass a fake to script failures. */
export interface KeyringModules {
  keytar: Pick<Keytar, 'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'>;
  keyring: Pick<Keyring, 'AsyncEntry'>;
}

/**
 * Waits before each retry of an operation the Secret Service dropped (see {@link isDropped}).
 * About 7.5 s in all: long enough for a desktop's socket-activated gnome-keyring to come back
 * after a crash, short enough that a keychain gone for good is reported while the user waits.
 */
export const DROPPED_RETRY_DELAYS_MS: readonly number[] = [250, 500, 1_000, 2_000, 4_000];
/** No retry starts later than this after the first attempt, however long the attempts took. */
const DROPPED_RETRY_BUDGET_MS = 10_000;

/**
 * The real keychain, through `@napi-rs/keyring`'s keytar-compatible API (ADR 002).
 *
 * On Linux that API silently falls back to the kernel keyutils store when no Secret Service is
 * running; keyutils lives in kernel memory and is gone after a reboot, so a user would be told
 * "saved" and lose the session. Before each operation we therefore require the Secret Service
 * (an entry pinned to it throws at once when none is reachable) and report
 * SECRET_STORE_UNAVAILABLE instead.
 */
export function createKeyringSecretStore(
  options: {
    service?: string;
    /** Tests only: a scripted keyring instead of the native one. */
    loadModules?: () => Promise<KeyringModules>;
    /** Tests only: the waits between retries of a dropped operation. */
    retryDelaysMs?: readonly number[];
    /** Tests only: how to wait (a fake clock). */
    sleep?: (ms: number) => Promise<void>;
  } = {},
): SecretStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const retryDelaysMs = options.retryDelaysMs ?? DROPPED_RETRY_DELAYS_MS;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let modules: Promise<KeyringModules> | undefined;

  // Loaded lazily: a missing native binary becomes a clear error at first use instead of
  // breaking every command at start-up.
  const load = () => (modules ??= (options.loadModules ?? loadNativeModules)());

  /** `retried`: an earlier attempt of this call was dropped (it may have been carried out). */
  async function withKeychain<T>(
    operation: (keytar: KeyringModules['keytar'], retried: boolean) => Promise<T>,
  ): Promise<T> {
    let loaded: KeyringModules;
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
    // Every operation here may be repeated: get and find only read, set writes the same value
    // again, and a delete whose dropped call already removed the entry finds none (see below).
    const startedMs = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        if (process.platform === 'linux') requireSecretService(loaded.keyring, service);
        return await operation(loaded.keytar, attempt > 0);
      } catch (error) {
        // Only a call the Secret Service dropped is tried again, and only after one did: a
        // machine with no keychain at all is told so at once.
        const dropped = attempt > 0 ? isDropped(error) || isUnreachable(error) : isDropped(error);
        const outOfTime = Date.now() - startedMs > DROPPED_RETRY_BUDGET_MS;
        if (!dropped || attempt >= retryDelaysMs.length || outOfTime)
          throw error instanceof SecretStoreError ? error : classify(error);
        await sleep(retryDelaysMs[attempt]!);
      }
    }
  }

  return {
    getPassword: (account) => withKeychain((k) => k.getPassword(service, account)),
    setPassword: (account, secret) => withKeychain((k) => k.setPassword(service, account, secret)),
    // Repeated after a dropped call, "none" most likely means the dropped call deleted it.
    deletePassword: (account) =>
      withKeychain(async (k, retried) => (await k.deletePassword(service, account)) || retried),
    findCredentials: () => withKeychain((k) => k.findCredentials(service)),
  };
}

async function loadNativeModules(): Promise<KeyringModules> {
  const [keytar, keyring] = await Promise.all([
    import('@napi-rs/keyring/keytar.js'),
    import('@napi-rs/keyring'),
  ]);
  return { keytar, keyring };
}

/**
 * The Secret Service took the call and went away without answering ("Message recipient
 * disconnected from message bus without replying"). gnome-keyring-daemon has been seen to abort
 * mid-call under load; a desktop session starts it again at once (socket activation), so the
 * call is worth repeating. A call that timed out is not: that is a keychain waiting on something
 * (an unlock prompt), and asking again would only make the user wait longer.
 */
function isDropped(error: unknown): boolean {
  if (error instanceof SecretStoreError) return false;
  return /disconnected from message bus without replying/i.test(describe(error));
}

/** The Secret Service is not on the bus (yet): while it restarts, after a dropped call. */
function isUnreachable(error: unknown): boolean {
  return error instanceof SecretStoreError && error.code === 'SECRET_STORE_UNAVAILABLE';
}

function requireSecretService(keyring: KeyringModules['keyring'], service: string): void {
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
