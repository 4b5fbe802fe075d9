import { CodedError } from '../../../shared/errors/coded-error.ts';
/**
 * The OS keychain, injected. The shape is keytar's (service + account → one secret string),
 * which `@napi-rs/keyring/keytar` implements on macOS Keychain, Windows Credential Manager and
 * the Linux Secret Service. Fakes live in test/fakes/memory-secret-store.ts.
 */
export interface SecretStore {
  /** The secret stored for `account`, or `null` when there is none. */
  getPassword(account: string): Promise<string | null>;
  /** Creates or replaces the secret for `account`. */
  setPassword(account: string, secret: string): Promise<void>;
  /** Deletes the secret; `false` when there was none. */
  deletePassword(account: string): Promise<boolean>;
  /** Every account that has a secret in this store's service. */
  findCredentials(): Promise<Array<{ account: string; password: string }>>;
}

/** Stable codes of {@link SecretStoreError}. */
export type SecretStoreErrorCode =
  /** No keychain to talk to (on Linux: no Secret Service on the session D-Bus). */
  | 'SECRET_STORE_UNAVAILABLE'
  /** The keychain is there but refused or failed the operation (locked, denied, ...). */
  | 'SECRET_STORE_FAILED';

/** A keychain failure. The message never contains a secret. */
export class SecretStoreError extends CodedError<SecretStoreErrorCode> {
  constructor(code: SecretStoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, { cause: options?.cause });
    this.name = 'SecretStoreError';
  }
}

/**
 * A SecretStore in memory, for this process only: what an app root uses for a secret it was
 * given no keychain for (its values are gone when the process ends).
 */
export function createMemorySecretStore(): SecretStore {
  const entries = new Map<string, string>();
  return {
    getPassword: async (account) => entries.get(account) ?? null,
    setPassword: async (account, secret) => void entries.set(account, secret),
    deletePassword: async (account) => entries.delete(account),
    findCredentials: async () => [...entries].map(([account, password]) => ({ account, password })),
  };
}
