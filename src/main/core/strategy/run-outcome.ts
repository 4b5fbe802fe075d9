import {
  errorCodeOf,
  errorMessageOf,
  isAuthRejection,
  isInsufficientBalance,
} from './strategy-error.ts';
import type { StrategyOutcome } from './strategy-types.ts';
import { AuthStop } from './trade-executor.ts';

/** How a run ended, with the reason when it did not reach its target. */
export type Finish = { outcome: StrategyOutcome; reasonCode?: string; reason?: string };

/**
 * The end of a run that threw: a rejected session (expired, verification, risk challenge),
 * an order the balance cannot pay (481020), or a failure with the error's code.
 */
export function finishFor(error: unknown): Finish {
  if (error instanceof AuthStop) error = error.authError;
  if (isInsufficientBalance(error)) {
    return {
      outcome: 'insufficient-balance',
      reasonCode: 'INSUFFICIENT_BALANCE',
      reason: errorMessageOf(error),
    };
  }
  if (isAuthRejection(error)) {
    return {
      outcome: 'auth-rejected',
      reasonCode: errorCodeOf(error),
      reason: errorMessageOf(error),
    };
  }
  return { outcome: 'failed', reasonCode: errorCodeOf(error), reason: errorMessageOf(error) };
}

/** Outcomes after which nothing more may be sent for the account (no retry, no clean-up). */
export function isAccountStop(outcome: StrategyOutcome): boolean {
  return outcome === 'auth-rejected' || outcome === 'insufficient-balance';
}

/** The end of a run stopped by `failures` failed trades in a row, the last one being `last`. */
export function tooManyFailures(failures: number, last: unknown): Finish {
  const message =
    typeof last === 'object' && last !== null && 'message' in last
      ? String(last.message)
      : errorMessageOf(last);
  return {
    outcome: 'too-many-failures',
    reasonCode: 'TOO_MANY_FAILURES',
    reason: `${failures} failed trades in a row; last: ${message}`,
  };
}

/**
 * A run that stopped because the session was lost for good did not stop on request: it
 * ends rejected (expired, verification needed) or failed, with the stream's reason.
 */
export function finishAfterSessionLoss(
  finish: Finish,
  sessionFailure: { code: string; reason: string } | null,
): Finish {
  if (!sessionFailure || finish.outcome !== 'stopped') return finish;
  const { code, reason } = sessionFailure;
  return isAuthRejection({ code })
    ? { outcome: 'auth-rejected', reasonCode: code, reason }
    : { outcome: 'failed', reasonCode: code, reason: `the order stream stopped: ${reason}` };
}
