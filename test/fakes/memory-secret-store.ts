import { SecretStoreError, type SecretStore } from '../../src/main/core/ports/secret-store.ts';

/**
 * An in-memory keychain for unit tests that are not about the keychain itself (the keychain
 * adapter is tested against a real Secret Service). `unavailable` makes every call fail the
 * way a machine without a keychain does.
 */
export class MemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>();
  unavailable = false;

  async getPassword(account: string): Promise<string | null> {
    this.check();
    return this.entries.get(account) ?? null;
  }

  async setPassword(account: string, secret: string): Promise<void> {
    this.check();
    this.entries.set(account, secret);
  }

  async deletePassword(account: string): Promise<boolean> {
    this.check();
    return this.entries.delete(account);
  }

  async findCredentials(): Promise<Array<{ account: string; password: string }>> {
    this.check();
    return [...this.entries].map(([account, password]) => ({ account, password }));
  }

  private check(): void {
    if (this.unavailable)
      throw new SecretStoreError('SECRET_STORE_UNAVAILABLE', 'no keychain (fake)');
  }
}
