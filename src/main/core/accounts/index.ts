/** Accounts: import from here. */
export {
  AccountStore,
  freeIdFor,
  parseStoredCredentials,
  type AccountStoreOptions,
  type SaveAccountRequest,
} from './account-store.ts';
export { AccountError, validateAccountId, type AccountErrorCode } from './account-errors.ts';
export { ACCOUNTS_FILE_NAME } from './account-metadata-file.ts';
export {
  VERIFICATION_OUTCOMES,
  type AccountRecord,
  type CopyWarningCode,
  type VerificationOutcome,
  type VerificationRecord,
} from './account-record.ts';
export {
  CLIENT_HEADERS,
  copyWarningsOf,
  csrfMatchesCr00,
  CurlImportError,
  LONG_TERM_COOKIES,
  parseCurl,
  SESSION_HEADERS,
  type CurlImport,
  type CurlImportErrorCode,
  type CurlImportWarning,
} from './curl-import.ts';
export {
  createKeyringSecretStore,
  KEYCHAIN_SERVICE,
  KEYCHAIN_SERVICE_ENV_VAR,
  keychainServiceFromEnv,
} from './keyring-secret-store.ts';
export {
  LegacyExportError,
  parseLegacyExport,
  type LegacyAccount,
  type LegacyExportErrorCode,
  type LegacyRowProblem,
  type LegacyRowProblemCode,
} from './legacy-import.ts';
export {
  isSessionUnusable,
  outcomeOf,
  verifyAccount,
  verifySession,
  type VerificationResult,
  type VerifyOptions,
} from './verify-session.ts';
