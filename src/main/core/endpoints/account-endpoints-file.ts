import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withFileLock } from '../accounts/file-lock.ts';
import { writeJsonFileAtomic } from '../files/atomic-json-file.ts';

/** Where one account connects; absent for an account on the real exchange's defaults. */
export interface AccountEndpoint {
  restUrl: string;
  wsUrl: string;
  environment: 'binance' | 'demo' | 'custom';
}

/**
 * `app-endpoints.json` in the data folder: which exchange each account uses (non-secret).
 * The desktop app, the browser host and the CLI read and write the same file, so an account
 * added against a simulator is verified and watched there by all of them.
 */
export class AccountEndpointsFile {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, 'app-endpoints.json');
  }

  /** Every account's endpoint; an unreadable file counts as none. */
  async read(): Promise<Record<string, AccountEndpoint>> {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as Record<string, AccountEndpoint>;
    } catch {
      return {};
    }
  }

  /** One account's endpoint, or undefined (the real exchange). */
  async get(accountId: string): Promise<AccountEndpoint | undefined> {
    return (await this.read())[accountId];
  }

  /** Sets (or with null, forgets) one account's endpoint, atomically, under a lock shared by every process. */
  async set(accountId: string, endpoint: AccountEndpoint | null): Promise<void> {
    await withFileLock(`${this.path}.lock`, async () => {
      const endpoints = await this.read();
      if (endpoint) endpoints[accountId] = endpoint;
      else delete endpoints[accountId];
      await writeJsonFileAtomic(this.path, endpoints);
    });
  }
}
