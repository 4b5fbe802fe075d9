import { assertNever } from '../../../shared/assert-never.ts';
import { CodedError } from '../../../shared/errors/coded-error.ts';

/**
 * Stable error codes of the Alpha REST client. Callers switch on `code`, never on messages.
 * - SESSION_EXPIRED: `100002001` (登录状态已经失效): the replayed web session is dead.
 * - VERIFICATION_REQUIRED: "补充认证" (supplementary verification) or a pending face/phone
 *   step (`100001003`, "step flows have not finish"); the user must act in the Binance app.
 * - RISK_CHALLENGE: the response carried `risk_challenge_*` headers (2FA on an order).
 * - BUSINESS_ERROR: any other `success:false` envelope (e.g. below min notional).
 * - HTTP_ERROR: a non-2xx status without a recognisable envelope.
 * - TIMEOUT, NETWORK, ABORTED: the request did not complete.
 * - BAD_RESPONSE: the body is not the envelope we know.
 * - UNEXPECTED_REPLY: the envelope is fine but its `data` does not have the endpoint's shape
 *   (params `path` and `field`, the first field that failed, e.g. `data[0].price`).
 * - INVALID_CREDENTIALS: a header or cookie of the session has a character no HTTP client can
 *   send (nothing was sent); only a fresh copy of the session fixes it.
 */
export const ALPHA_API_ERROR_CODES = [
  'SESSION_EXPIRED',
  'VERIFICATION_REQUIRED',
  'RISK_CHALLENGE',
  'BUSINESS_ERROR',
  'HTTP_ERROR',
  'TIMEOUT',
  'NETWORK',
  'ABORTED',
  'BAD_RESPONSE',
  'UNEXPECTED_REPLY',
  'INVALID_CREDENTIALS',
] as const;
export type AlphaApiErrorCode = (typeof ALPHA_API_ERROR_CODES)[number];

export interface AlphaApiErrorDetails {
  /** The endpoint path (no query string, no secrets). */
  path?: string;
  /** HTTP status, when a response arrived. */
  httpStatus?: number;
  /** The envelope `code` (e.g. `100002001`), when there was one. */
  apiCode?: string;
  /** The envelope `message` as the server sent it (Chinese on the real exchange). */
  apiMessage?: string;
  /** `risk_challenge_biz_no` of a RISK_CHALLENGE (needed to run the challenge flow). */
  riskChallengeBizNo?: string;
  /** The first field of `data` that did not match the endpoint's schema (UNEXPECTED_REPLY). */
  field?: string;
  /** The request timeout that ran out (TIMEOUT). */
  timeoutMs?: number;
  /** The exchange that could not be reached (NETWORK). */
  baseUrl?: string;
  /** The operating system's or HTTP stack's own words (NETWORK), e.g. `connect ECONNREFUSED`. */
  detail?: string;
  /** Which part of the session cannot be sent (INVALID_CREDENTIALS): `cookie`, a header name. */
  header?: string;
  cause?: unknown;
}

/** What an edge may quote when it says an AlphaApiError in the user's language. */
export interface AlphaApiErrorParams {
  readonly [key: string]: string | number | undefined;
  readonly path?: string;
  readonly httpStatus?: number;
  readonly apiCode?: string;
  readonly apiMessage?: string;
  readonly field?: string;
  readonly timeoutMs?: number;
  readonly baseUrl?: string;
  readonly detail?: string;
  readonly header?: string;
}

/** An Alpha REST failure with a stable `code`. Its message never contains a secret. */
export class AlphaApiError extends CodedError<AlphaApiErrorCode, AlphaApiErrorParams> {
  readonly path?: string;
  readonly httpStatus?: number;
  readonly apiCode?: string;
  readonly apiMessage?: string;
  readonly riskChallengeBizNo?: string;
  readonly field?: string;

  constructor(code: AlphaApiErrorCode, message: string, details: AlphaApiErrorDetails = {}) {
    super(code, message, {
      params: withoutUndefined({
        path: details.path,
        httpStatus: details.httpStatus,
        apiCode: details.apiCode,
        apiMessage: details.apiMessage,
        field: details.field,
        timeoutMs: details.timeoutMs,
        baseUrl: details.baseUrl,
        detail: details.detail,
        header: details.header,
      }),
      cause: details.cause,
    });
    this.name = 'AlphaApiError';
    this.path = details.path;
    this.httpStatus = details.httpStatus;
    this.apiCode = details.apiCode;
    this.apiMessage = details.apiMessage;
    this.riskChallengeBizNo = details.riskChallengeBizNo;
    this.field = details.field;
  }
}

function withoutUndefined(params: AlphaApiErrorParams): AlphaApiErrorParams {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}

/**
 * True for the errors that retrying cannot fix: the session is expired, needs the user's
 * verification, or cannot even be sent. A monitor stops (state `failed`) instead of
 * reconnecting on these.
 */
export function isFatalAuthError(error: unknown): error is AlphaApiError {
  return (
    error instanceof AlphaApiError &&
    (error.code === 'SESSION_EXPIRED' ||
      error.code === 'VERIFICATION_REQUIRED' ||
      error.code === 'INVALID_CREDENTIALS')
  );
}

/** True for failures worth retrying later (network trouble, timeouts, 5xx). */
export function isTransientApiError(error: unknown): boolean {
  if (!(error instanceof AlphaApiError)) return false;
  switch (error.code) {
    case 'TIMEOUT':
    case 'NETWORK':
      return true;
    case 'HTTP_ERROR':
      return error.httpStatus === undefined || error.httpStatus >= 500 || error.httpStatus === 429;
    case 'SESSION_EXPIRED':
    case 'VERIFICATION_REQUIRED':
    case 'RISK_CHALLENGE':
    case 'BUSINESS_ERROR':
    case 'ABORTED':
    case 'BAD_RESPONSE':
    case 'UNEXPECTED_REPLY':
    case 'INVALID_CREDENTIALS':
      return false;
    default:
      return assertNever(error.code, 'AlphaApiErrorCode');
  }
}
