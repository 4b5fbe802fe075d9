import { SecretStoreError, type SecretStore } from '../core/ports/secret-store.ts';
import type { Logger } from '../core/ports/logger.ts';

/**
 * The keychain, or — on a headless machine with no Secret Service — memory, so `serve` still
 * works (demo, or accounts pasted for this run only). The switch is announced once through
 * `onFallback` (the translated line for the person) and logged at info level (a log file's
 * record), because accounts added then are forgotten when the host stops.
 */
export function withMemoryFallback(
  primary: SecretStore,
  logger: Logger,
  onFallback: () => void,
): SecretStore & { readonly inMemory: boolean } {
  const memory = new Map<string, string>();
  let useMemory = false;
  const run = async <T>(real: () => Promise<T>, fallback: () => T): Promise<T> => {
    if (useMemory) return fallback();
    try {
      return await real();
    } catch (error) {
      if (!(error instanceof SecretStoreError) || error.code !== 'SECRET_STORE_UNAVAILABLE')
        throw error;
      useMemory = true;
      // A record for a log file; the person is told by `onFallback`, in their language.
      logger.info('no keychain: accounts are kept in memory for this run only', {
        code: error.code,
      });
      onFallback();
      return fallback();
    }
  };
  return {
    get inMemory() {
      return useMemory;
    },
    getPassword: (account) =>
      run(
        () => primary.getPassword(account),
        () => memory.get(account) ?? null,
      ),
    setPassword: (account, secret) =>
      run(
        () => primary.setPassword(account, secret),
        () => void memory.set(account, secret),
      ),
    deletePassword: (account) =>
      run(
        () => primary.deletePassword(account),
        () => memory.delete(account),
      ),
    findCredentials: () =>
      run(
        () => primary.findCredentials(),
        () => [...memory].map(([account, password]) => ({ account, password })),
      ),
  };
}
