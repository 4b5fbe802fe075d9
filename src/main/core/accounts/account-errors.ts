import { CodedError } from '../../../shared/errors/coded-error.ts';
/** Stable codes of {@link AccountError}. */
export type AccountErrorCode =
  /** An id that is empty, too long, or has characters other than letters, digits, `.`, `_`, `-`. */
  | 'INVALID_ACCOUNT_ID'
  /** No account with that id in accounts.json. */
  | 'ACCOUNT_NOT_FOUND'
  /** The account is listed but its keychain entry is gone (deleted outside the app). */
  | 'CREDENTIALS_MISSING'
  /** The keychain entry is not the JSON of a session (edited outside the app). */
  | 'CREDENTIALS_CORRUPT'
  /** accounts.json exists but cannot be read as ours; it is left untouched. */
  | 'ACCOUNTS_FILE_CORRUPT'
  /** accounts.json could not be written (full disk, permissions); the old file is intact. */
  | 'ACCOUNTS_FILE_WRITE_FAILED'
  /** Adding under an id that is taken (re-import with `replace` instead). */
  | 'ACCOUNT_EXISTS'
  /** Another process held the account list's lock for too long. */
  | 'ACCOUNTS_LOCKED';

/**
 * An account-store failure. Messages name ids and paths, never a secret; `accountId` is the
 * id it is about (when there is one), so an edge can say it in the user's language.
 */
export class AccountError extends CodedError<AccountErrorCode, { accountId?: string }> {
  readonly accountId: string | undefined;
  constructor(
    code: AccountErrorCode,
    message: string,
    options?: { cause?: unknown; accountId?: string },
  ) {
    super(code, message, {
      params: options?.accountId !== undefined ? { accountId: options.accountId } : {},
      cause: options?.cause,
    });
    this.name = 'AccountError';
    this.accountId = options?.accountId;
  }
}

const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Account ids: the old scripts' numeric `--user` ids (`1`, `42`) or a short label
 * (`main`, `alice-2`). They appear in file names and keychain entries, hence the charset.
 */
export function validateAccountId(id: string): string {
  if (!ACCOUNT_ID.test(id)) {
    throw new AccountError(
      'INVALID_ACCOUNT_ID',
      `Invalid account id "${id.slice(0, 70)}": use 1-64 letters, digits, ".", "_" or "-" (e.g. 1 or main).`,
    );
  }
  return id;
}
