import type { SessionCredentials } from '../credentials/session-credentials.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { SecretStore } from '../ports/secret-store.ts';
import { AccountError, validateAccountId } from './account-errors.ts';
import { AccountMetadataFile } from './account-metadata-file.ts';
import type { AccountRecord, VerificationRecord } from './account-record.ts';

export interface AccountStoreOptions {
  /** The keychain (service `alpha-monitor`); secrets live only here. */
  secrets: SecretStore;
  /** The app data folder; accounts.json goes inside. */
  dataDir: string;
  clock?: Clock;
  /** Default: accounts.json in `dataDir`. */
  metadataFile?: AccountMetadataFile;
}

export interface SaveAccountRequest {
  id: string;
  /** Display name; default: the existing name, else the id. */
  name?: string;
  credentials: SessionCredentials;
  /** Stored with the account when the caller verified before saving. */
  verification?: VerificationRecord | null;
}

/**
 * Accounts: a session per account in the keychain (JSON of SessionCredentials, one entry per
 * account id) and the non-secret metadata in accounts.json. Used by the CLI and the desktop
 * app alike.
 */
export class AccountStore {
  private readonly secrets: SecretStore;
  private readonly file: AccountMetadataFile;
  private readonly clock: Clock;

  constructor(options: AccountStoreOptions) {
    this.secrets = options.secrets;
    this.file = options.metadataFile ?? new AccountMetadataFile(options.dataDir);
    this.clock = options.clock ?? systemClock;
  }

  /** Where the metadata lives (for messages). */
  get metadataPath(): string {
    return this.file.path;
  }

  /** Every account, oldest first. Reads only accounts.json: no keychain access. */
  async list(): Promise<AccountRecord[]> {
    return (await this.file.read()).sort(
      (a, b) => a.addedAtMs - b.addedAtMs || a.id.localeCompare(b.id),
    );
  }

  /** One account's metadata, or undefined. */
  async get(id: string): Promise<AccountRecord | undefined> {
    return (await this.file.read()).find((record) => record.id === id);
  }

  /**
   * Stores (or replaces, after a new login) an account's session. The keychain is written
   * first, so the list never shows an account whose secret was not saved.
   */
  async save(request: SaveAccountRequest): Promise<{ account: AccountRecord; replaced: boolean }> {
    const id = validateAccountId(request.id);
    const records = await this.file.read();
    await this.secrets.setPassword(id, JSON.stringify(request.credentials));
    const nowMs = this.clock.now();
    const existing = records.find((record) => record.id === id);
    const account: AccountRecord = {
      id,
      name: request.name?.trim() || existing?.name || id,
      addedAtMs: existing?.addedAtMs ?? nowMs,
      updatedAtMs: nowMs,
      // A replaced session has not been checked unless the caller just did.
      lastVerification: request.verification ?? null,
    };
    await this.file.write(
      existing ? records.map((r) => (r.id === id ? account : r)) : [...records, account],
    );
    return { account, replaced: existing !== undefined };
  }

  /** The stored session of an account. */
  async getCredentials(id: string): Promise<SessionCredentials> {
    const account = await this.require(id);
    const secret = await this.secrets.getPassword(account.id);
    if (secret === null) {
      throw new AccountError(
        'CREDENTIALS_MISSING',
        `Account ${id} has no session in the keychain (was it deleted there?). Add it again.`,
      );
    }
    return parseStoredCredentials(secret, id);
  }

  /** Records the outcome of a verification. */
  async recordVerification(id: string, verification: VerificationRecord): Promise<AccountRecord> {
    const records = await this.file.read();
    const index = records.findIndex((record) => record.id === id);
    if (index < 0) throw notFound(id);
    const updated: AccountRecord = { ...records[index]!, lastVerification: verification };
    records[index] = updated;
    await this.file.write(records);
    return updated;
  }

  /**
   * Removes an account: keychain entry first, then the metadata, so a failure half-way
   * leaves an account that can be removed again rather than a hidden secret.
   * Returns false when there was no such account.
   */
  async remove(id: string): Promise<boolean> {
    const records = await this.file.read();
    const deleted = await this.secrets.deletePassword(id);
    const remaining = records.filter((record) => record.id !== id);
    if (remaining.length === records.length) return deleted;
    await this.file.write(remaining);
    return true;
  }

  private async require(id: string): Promise<AccountRecord> {
    const account = await this.get(id);
    if (!account) throw notFound(id);
    return account;
  }
}

function notFound(id: string): AccountError {
  return new AccountError(
    'ACCOUNT_NOT_FOUND',
    `No account "${id}". See the list with: alpha-monitor accounts list`,
  );
}

/** Validates a keychain entry; its content never reaches the message. */
export function parseStoredCredentials(secret: string, id: string): SessionCredentials {
  const corrupt = () =>
    new AccountError(
      'CREDENTIALS_CORRUPT',
      `The keychain entry of account ${id} is not a session we stored. Add it again.`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(secret);
  } catch {
    throw corrupt();
  }
  const { headers, cookies } = (parsed ?? {}) as { headers?: unknown; cookies?: unknown };
  if (typeof headers !== 'object' || headers === null || typeof cookies !== 'string')
    throw corrupt();
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string') throw corrupt();
    out[name] = value;
  }
  return { headers: out, cookies };
}
