import type { SessionCredentials } from '../credentials/session-credentials.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { SecretStore } from '../ports/secret-store.ts';
import { AccountError, validateAccountId } from './account-errors.ts';
import { AccountMetadataFile } from './account-metadata-file.ts';
import type { AccountRecord, CopyWarningCode, VerificationRecord } from './account-record.ts';

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
  /** What the paste check found (see {@link copyWarningsOf}). */
  copyWarnings?: CopyWarningCode[];
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
   * Stores (or replaces) an account's session under `id`, whatever is there: the legacy import
   * and `--replace`. New accounts use {@link create} or {@link createWithFreeId}, which never
   * overwrite. The keychain is written first, so the list never shows an account whose secret
   * was not saved; both happen under the account list's lock.
   */
  async save(request: SaveAccountRequest): Promise<{ account: AccountRecord; replaced: boolean }> {
    const id = validateAccountId(request.id);
    return this.file.update(async (records) => this.put(records, id, request));
  }

  /** Adds a new account under `id`; ACCOUNT_EXISTS when that id is taken (nothing is changed). */
  async create(request: SaveAccountRequest): Promise<AccountRecord> {
    const id = validateAccountId(request.id);
    return this.file.update(async (records) => {
      if (records.some((record) => record.id === id)) throw exists(id);
      return this.put(records, id, request).then(({ records: next, result }) => ({
        records: next,
        result: result.account,
      }));
    });
  }

  /**
   * Adds a new account under the first free id made from `label` (`main`, `main-2`, ...),
   * chosen while holding the lock: two adds with the same label at once get two ids, each
   * with its own session.
   */
  async createWithFreeId(
    label: string | undefined,
    request: Omit<SaveAccountRequest, 'id'>,
  ): Promise<AccountRecord> {
    return this.file.update(async (records) => {
      const id = freeIdFor(label, new Set(records.map((record) => record.id)));
      const { records: next, result } = await this.put(records, id, request);
      return { records: next, result: result.account };
    });
  }

  /**
   * Re-import in place: a fresh session for an existing account. Its id, name and added time
   * (and so its journals and history) stay; ACCOUNT_NOT_FOUND when there is no such account.
   */
  async replace(request: SaveAccountRequest): Promise<AccountRecord> {
    const id = validateAccountId(request.id);
    return this.file.update(async (records) => {
      if (!records.some((record) => record.id === id)) throw notFound(id);
      const { records: next, result } = await this.put(records, id, request);
      return { records: next, result: result.account };
    });
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
    return this.file.update(async (records) => {
      const index = records.findIndex((record) => record.id === id);
      if (index < 0) throw notFound(id);
      const updated: AccountRecord = { ...records[index]!, lastVerification: verification };
      records[index] = updated;
      return { records, result: updated };
    });
  }

  /**
   * Removes an account: keychain entry first, then the metadata, so a failure half-way
   * leaves an account that can be removed again rather than a hidden secret.
   * Returns false when there was no such account (and no keychain entry of that name).
   */
  async remove(id: string): Promise<boolean> {
    return this.file.update(async (records) => {
      const deleted = await this.secrets.deletePassword(id);
      const remaining = records.filter((record) => record.id !== id);
      if (remaining.length === records.length) return { records: null, result: deleted };
      return { records: remaining, result: true };
    });
  }

  /**
   * Keychain entries (of this service) that no account lists: left by an add that died
   * half-way, or by an older version. Names only; the secrets are not read out.
   */
  async orphans(): Promise<string[]> {
    const listed = new Set((await this.file.read()).map((record) => record.id));
    return (await this.secrets.findCredentials())
      .map((entry) => entry.account)
      .filter((account) => !listed.has(account))
      .sort();
  }

  /** Deletes every orphaned keychain entry (under the lock, so an add in flight is never hit). */
  async pruneOrphans(): Promise<string[]> {
    return this.file.update(async (records) => {
      const listed = new Set(records.map((record) => record.id));
      const orphans = (await this.secrets.findCredentials())
        .map((entry) => entry.account)
        .filter((account) => !listed.has(account))
        .sort();
      for (const account of orphans) await this.secrets.deletePassword(account);
      return { records: null, result: orphans };
    });
  }

  /** Writes the secret, then returns the records with the account put in. Lock held by caller. */
  private async put(
    records: AccountRecord[],
    id: string,
    request: Omit<SaveAccountRequest, 'id'>,
  ): Promise<{ records: AccountRecord[]; result: { account: AccountRecord; replaced: boolean } }> {
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
      ...(request.copyWarnings && request.copyWarnings.length > 0
        ? { copyWarnings: request.copyWarnings }
        : {}),
    };
    return {
      records: existing ? records.map((r) => (r.id === id ? account : r)) : [...records, account],
      result: { account, replaced: existing !== undefined },
    };
  }

  private async require(id: string): Promise<AccountRecord> {
    const account = await this.get(id);
    if (!account) throw notFound(id);
    return account;
  }
}

function exists(id: string): AccountError {
  return new AccountError(
    'ACCOUNT_EXISTS',
    `An account "${id}" already exists. To give it a fresh session, re-import it: ` +
      `npx alpha-monitor accounts add --user ${id} --replace --from-curl <file|->`,
  );
}

/** `main`, `main-2`, ... from a label; `account` when the label has no usable character. */
export function freeIdFor(label: string | undefined, taken: ReadonlySet<string>): string {
  const base =
    (label ?? '')
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-._]+|[-.]+$/g, '')
      .slice(0, 40) || 'account';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function notFound(id: string): AccountError {
  return new AccountError(
    'ACCOUNT_NOT_FOUND',
    `No account "${id}". See the list with: npx alpha-monitor accounts list`,
    { accountId: id },
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
