import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AtomicFileSystem } from '../files/atomic-file-system.ts';
import { writeJsonFileAtomic } from '../files/atomic-json-file.ts';
import { AccountError } from './account-errors.ts';
import type { AccountRecord } from './account-record.ts';
import { withFileLock } from './file-lock.ts';

/** The file name inside the app data folder. */
export const ACCOUNTS_FILE_NAME = 'accounts.json';

interface AccountsFileV1 {
  version: 1;
  accounts: AccountRecord[];
}

/**
 * accounts.json: the non-secret half of each account (ids, names, times, last results).
 * Never a cookie or header value. Written atomically (temp file, fsync, rename) so a crash
 * or a full disk leaves the previous file whole.
 */
export class AccountMetadataFile {
  readonly path: string;
  private readonly fs: AtomicFileSystem | undefined;

  /** `io.fs` lets tests fill the disk or fail the rename, as a bad day would. */
  constructor(dataDir: string, io: { fs?: AtomicFileSystem } = {}) {
    this.path = join(dataDir, ACCOUNTS_FILE_NAME);
    this.fs = io.fs;
  }

  /** Every record; an absent file is an empty list. */
  async read(): Promise<AccountRecord[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new AccountError(
        'ACCOUNTS_FILE_CORRUPT',
        `Cannot read ${this.path}: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    const corrupt = (why: string) =>
      new AccountError(
        'ACCOUNTS_FILE_CORRUPT',
        `${this.path} is damaged (${why}). It was left as it is; move it away to start a fresh list ` +
          '(the sessions themselves stay in the keychain).',
      );
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw corrupt('not valid JSON');
    }
    const file = parsed as Partial<AccountsFileV1>;
    if (
      typeof file !== 'object' ||
      file === null ||
      file.version !== 1 ||
      !Array.isArray(file.accounts)
    ) {
      throw corrupt('unknown format');
    }
    for (const record of file.accounts) {
      if (
        typeof record?.id !== 'string' ||
        typeof record.name !== 'string' ||
        typeof record.addedAtMs !== 'number'
      ) {
        throw corrupt('an entry lacks id, name or addedAtMs');
      }
    }
    return file.accounts;
  }

  /**
   * Read-modify-write under `accounts.json.lock`, shared by every process (the app, `serve`,
   * two `accounts add` at once): nothing another writer saved in between is lost. `change`
   * returns the new records (or null to leave the file alone) and a result.
   */
  async update<T>(
    change: (records: AccountRecord[]) => Promise<{ records: AccountRecord[] | null; result: T }>,
  ): Promise<T> {
    return withFileLock(`${this.path}.lock`, async () => {
      const { records, result } = await change(await this.read());
      if (records !== null) await this.write(records);
      return result;
    });
  }

  /** Replaces the file with these records, atomically. Callers that read first use `update`. */
  async write(records: readonly AccountRecord[]): Promise<void> {
    const body: AccountsFileV1 = { version: 1, accounts: [...records] };
    try {
      await writeJsonFileAtomic(this.path, body, { fs: this.fs });
    } catch (error) {
      // The FileWriteError (cause) says DISK_FULL or which OS error; the list is the old one.
      throw new AccountError('ACCOUNTS_FILE_WRITE_FAILED', (error as Error).message, {
        cause: error,
      });
    }
  }
}
