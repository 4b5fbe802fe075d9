import { CodedError, plainParamsOf } from '../../../shared/errors/coded-error.ts';
import type { StrategyReason } from '../../../shared/reasons/strategy-reason.ts';
import { describeStrategyReason } from '../../../shared/reasons/strategy-reason-text.ts';

/**
 * Why a strategy could not go on. Stable codes: the CLI maps them to exit codes and
 * messages, the desktop app to its panel, tests assert them.
 */
export type StrategyErrorCode =
  /** No token with that symbol on that chain in aggTicker24. */
  | 'TOKEN_NOT_FOUND'
  /** Several tokens share the symbol and chain (so the chain does not tell them apart). */
  | 'TOKEN_AMBIGUOUS'
  /** The token is listed but `offline`. */
  | 'TOKEN_OFFLINE'
  /** The token is listed but `offsell`: the pending SELL could never be placed. */
  | 'TOKEN_SELL_SUSPENDED'
  /** The trading symbol is missing from get-exchange-info, or not TRADING. */
  | 'SYMBOL_NOT_TRADING'
  /** The order would break an exchange filter; it was not sent. */
  | 'FILTER_VIOLATION'
  /** Parameters out of range (negative amount, offset ≥ 100 %, ...). */
  | 'INVALID_PARAMS'
  /** An exchange reply did not have the shape we rely on (as the REST client's code). */
  | 'UNEXPECTED_REPLY'
  /** The session was rejected (expired, verification or risk challenge needed). */
  | 'AUTH_REJECTED'
  /** The target needs more trades than one run may place (MAX_TRADES_PER_RUN). */
  | 'TOO_MANY_TRADES'
  /** A points target, but today's points (user-score) could not be read. */
  | 'POINTS_UNAVAILABLE';

/** The reason a StrategyError carries: one per code, with its parameters. */
export type StrategyErrorReason = Extract<StrategyReason, { code: StrategyErrorCode }>;

/**
 * An error of the strategy engine: a stable `code`, the `reason` the edges translate (its
 * plain fields and lists of flat items, e.g. every broken rule, are also the `params`), and the English message for logs.
 */
export class StrategyError extends CodedError<StrategyErrorCode> {
  readonly reason: StrategyErrorReason;

  constructor(reason: StrategyErrorReason) {
    const { code, ...fields } = reason;
    super(code, describeStrategyReason('en', reason), { params: plainParamsOf(fields) });
    this.reason = reason;
    this.name = 'StrategyError';
  }
}

/**
 * The REST client's error codes that mean "a person must act before anything else can
 * work" (ALPHA-PROTOCOL.md §1). Read by duck typing on `code` so the strategy does not care
 * which class threw.
 */
const AUTH_CODES = new Set(['SESSION_EXPIRED', 'VERIFICATION_REQUIRED', 'RISK_CHALLENGE']);

/** True for an error that must stop the run at once (no retry helps). */
export function isAuthRejection(error: unknown): error is Error & { code: string } {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (AUTH_CODES.has(code) || code === 'AUTH_REJECTED');
}

/** Binance's business code for an order the funding wallet cannot pay (ALPHA-PROTOCOL.md §9). */
export const INSUFFICIENT_BALANCE_API_CODE = '481020';

/**
 * True for an order refused for lack of balance: retrying cannot help (and peers stop the
 * account too), so the run stops at once.
 */
export function isInsufficientBalance(error: unknown): error is Error & { code: string } {
  if (typeof error !== 'object' || error === null) return false;
  return (error as { apiCode?: unknown }).apiCode === INSUFFICIENT_BALANCE_API_CODE;
}

/** The error's stable code when it has one, else `UNKNOWN`. */
export function errorCodeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return 'UNKNOWN';
}
