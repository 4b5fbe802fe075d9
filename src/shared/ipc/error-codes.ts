import type { StrategyReasonCode } from '../reasons/strategy-reason.ts';
import type { IpcErrorParams } from './result.ts';

/** Where an endpoint check failed (the engine's `InvalidEndpointReason`). */
export type EndpointProblem = 'not-a-url' | 'scheme' | 'plain-to-remote' | 'credentials-in-url';

/**
 * Every app-level error code that can reach the renderer, with the params its sentence needs.
 * The engine's and the strategy's reason codes (`src/shared/reasons`) are not repeated here:
 * an `IpcError` whose code and params form a `StrategyReason` (any `Reason` included) is said
 * by `describeStrategyReason`. The renderer's tables are typed
 * by this map (en and zh-CN), so a code without a sentence does not compile; the main side
 * builds these errors with `appError` (`src/main/app/app-error.ts`), typed by it too.
 */
export interface AppErrorParamsByCode {
  // The contract machinery (`result.ts`).
  INVALID_REQUEST: { channel?: string };
  UNKNOWN_CHANNEL: { channel: string };
  FORBIDDEN: Record<string, never>;
  DISCONNECTED: Record<string, never>;
  INTERNAL: { channel?: string };
  STARTING: Record<string, never>;
  SHUTTING_DOWN: Record<string, never>;
  /** The browser page was opened without the host's access token. */
  HOST_TOKEN_MISSING: Record<string, never>;

  // Accounts (the account store's codes, the paste check, verification outcomes).
  INVALID_ACCOUNT_ID: { accountId?: string };
  ACCOUNT_NOT_FOUND: { accountId?: string };
  CREDENTIALS_MISSING: { accountId?: string };
  CREDENTIALS_CORRUPT: { accountId?: string };
  ACCOUNTS_FILE_CORRUPT: { accountId?: string };
  ACCOUNTS_FILE_WRITE_FAILED: { accountId?: string };
  ACCOUNT_EXISTS: { accountId?: string };
  ACCOUNTS_LOCKED: { accountId?: string };
  NOT_REIMPORTABLE: Record<string, never>;
  /** Verification: Binance refused the session (risk control or an unknown error). */
  REJECTED: Record<string, never>;
  /** Verification: the exchange did not answer (the session itself may be fine). */
  UNREACHABLE: Record<string, never>;
  INVALID_ENDPOINT: { kind: 'rest' | 'ws'; reason: EndpointProblem };
  /** The paste box was empty (said by the renderer before anything is sent). */
  CURL_PARSE_ERROR: Record<string, never>;
  EMPTY_INPUT: { detail?: string };
  NOT_CURL: { detail?: string };
  MALFORMED_CURL: { detail?: string };
  NOT_BINANCE_REQUEST: { detail?: string };
  NO_COOKIE: { detail?: string };
  INCOMPLETE_CURL: { detail?: string };
  NO_CSRFTOKEN: { detail?: string };
  /** `detail`: the header's name, `cookie`, or `a header name`. */
  UNSENDABLE_CHARACTER: { detail?: string };
  /** Paste warnings (`AddAccountResult.warnings`): `names` comma-separated. */
  MISSING_SESSION_COOKIES: { names: string };
  MISSING_SESSION_HEADERS: { names: string };
  CSRF_MISMATCH: Record<string, never>;

  // The keychain and the data folder.
  SECRET_STORE_UNAVAILABLE: Record<string, never>;
  SECRET_STORE_FAILED: Record<string, never>;
  DISK_FULL: { path?: string };
  FILE_WRITE_FAILED: { path: string; osCode?: string };
  ALERT_SETTINGS_INVALID: { path: string; problem: string };
  EXPORT_FAILED: Record<string, never>;
  ENOSPC: Record<string, never>;
  NOT_A_DECIMAL: { text: string };

  // Sessions (journals) and the stream coming up.
  SESSION_LIVE: Record<string, never>;
  SESSION_NOT_FOUND: Record<string, never>;
  STREAM_NOT_LIVE: { ending: string; timeoutMs?: number };
  STOPPED: { ending?: string };

  // Points.
  POINTS_NOT_RUNNING: Record<string, never>;
  POINTS_READ_FAILED: Record<string, never>;

  // Alerts delivery (HTTP_ERROR, NETWORK, TIMEOUT are reason codes).
  REFUSED: Record<string, never>;
  WEBHOOK_URL_MISSING: Record<string, never>;
  TELEGRAM_CHAT_MISSING: Record<string, never>;
  TELEGRAM_TOKEN_MISSING: Record<string, never>;

  // The strategy: its own codes are strategy reasons (`src/shared/reasons/strategy-reason.ts`).
  AUTH_REJECTED: Record<string, never>;
  STRATEGY_ALREADY_RUNNING: Record<string, never>;
  STRATEGY_FAILED: Record<string, never>;
}

export type AppErrorCode = keyof AppErrorParamsByCode;

/** The params of one app code. */
export type AppErrorParams<C extends AppErrorCode> = AppErrorParamsByCode[C];

/** An app code and a reason code never share a name (a code has one sentence). */
type Overlap = Extract<AppErrorCode, StrategyReasonCode>;
const noOverlap: [Overlap] extends [never] ? true : Overlap = true;
void noOverlap;

/** The codes of the map (kept complete by the `Record`), for the renderer's lookup. */
const CODES: Record<AppErrorCode, true> = {
  INVALID_REQUEST: true,
  UNKNOWN_CHANNEL: true,
  FORBIDDEN: true,
  DISCONNECTED: true,
  INTERNAL: true,
  STARTING: true,
  SHUTTING_DOWN: true,
  HOST_TOKEN_MISSING: true,
  INVALID_ACCOUNT_ID: true,
  ACCOUNT_NOT_FOUND: true,
  CREDENTIALS_MISSING: true,
  CREDENTIALS_CORRUPT: true,
  ACCOUNTS_FILE_CORRUPT: true,
  ACCOUNTS_FILE_WRITE_FAILED: true,
  ACCOUNT_EXISTS: true,
  ACCOUNTS_LOCKED: true,
  NOT_REIMPORTABLE: true,
  REJECTED: true,
  UNREACHABLE: true,
  INVALID_ENDPOINT: true,
  CURL_PARSE_ERROR: true,
  EMPTY_INPUT: true,
  NOT_CURL: true,
  MALFORMED_CURL: true,
  NOT_BINANCE_REQUEST: true,
  NO_COOKIE: true,
  INCOMPLETE_CURL: true,
  NO_CSRFTOKEN: true,
  UNSENDABLE_CHARACTER: true,
  MISSING_SESSION_COOKIES: true,
  MISSING_SESSION_HEADERS: true,
  CSRF_MISMATCH: true,
  SECRET_STORE_UNAVAILABLE: true,
  SECRET_STORE_FAILED: true,
  DISK_FULL: true,
  FILE_WRITE_FAILED: true,
  ALERT_SETTINGS_INVALID: true,
  EXPORT_FAILED: true,
  ENOSPC: true,
  NOT_A_DECIMAL: true,
  SESSION_LIVE: true,
  SESSION_NOT_FOUND: true,
  STREAM_NOT_LIVE: true,
  STOPPED: true,
  POINTS_NOT_RUNNING: true,
  POINTS_READ_FAILED: true,
  REFUSED: true,
  WEBHOOK_URL_MISSING: true,
  TELEGRAM_CHAT_MISSING: true,
  TELEGRAM_TOKEN_MISSING: true,
  AUTH_REJECTED: true,
  STRATEGY_ALREADY_RUNNING: true,
  STRATEGY_FAILED: true,
};

/** Every app code. */
export const APP_ERROR_CODES = Object.keys(CODES) as AppErrorCode[];

/** True for a code of the map. */
export function isAppErrorCode(code: string): code is AppErrorCode {
  return Object.hasOwn(CODES, code);
}

/** A coded thing as it crosses: an `IpcError`, a points problem, a paste warning. */
export interface CodedView {
  code: string;
  params: IpcErrorParams;
}
