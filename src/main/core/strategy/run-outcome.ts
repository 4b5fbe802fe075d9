import type { Problem } from '../../../shared/reasons/reason.ts';
import { strategyReasonOf, type StrategyReason } from '../../../shared/reasons/strategy-reason.ts';
import { errorCodeOf, isAuthRejection, isInsufficientBalance } from './strategy-error.ts';
import type { StrategyOutcome } from './strategy-types.ts';
import { AuthStop } from './trade-executor.ts';

/**
 * How a run ended, with the stable code and the reason (code + parameters, translated by the
 * edges) when it did not reach its target.
 */
export type Finish = { outcome: StrategyOutcome; reasonCode?: string; reason?: StrategyReason };

/**
 * The end of a run that threw: a rejected session (expired, verification, risk challenge),
 * an order the balance cannot pay (481020), or a failure with the error's code.
 */
export function finishFor(error: unknown): Finish {
  if (error instanceof AuthStop) error = error.authError;
  const reason = strategyReasonOf(error);
  if (isInsufficientBalance(error)) {
    return { outcome: 'insufficient-balance', reasonCode: 'INSUFFICIENT_BALANCE', reason };
  }
  if (isAuthRejection(error)) {
    return { outcome: 'auth-rejected', reasonCode: errorCodeOf(error), reason };
  }
  return { outcome: 'failed', reasonCode: errorCodeOf(error), reason };
}

/** Outcomes after which nothing more may be sent for the account (no retry, no clean-up). */
export function isAccountStop(outcome: StrategyOutcome): boolean {
  return outcome === 'auth-rejected' || outcome === 'insufficient-balance';
}

/** The end of a run stopped by `failures` failed trades in a row, the last one's reason `last`. */
export function tooManyFailures(failures: number, last: StrategyReason): Finish {
  return {
    outcome: 'too-many-failures',
    reasonCode: 'TOO_MANY_FAILURES',
    reason: { code: 'TOO_MANY_FAILURES', failures, last },
  };
}

/**
 * A run that stopped because the session was lost for good did not stop on request: it
 * ends rejected (expired, verification needed) or failed, with the stream's reason.
 */
export function finishAfterSessionLoss(finish: Finish, sessionFailure: Problem | null): Finish {
  if (!sessionFailure || finish.outcome !== 'stopped') return finish;
  const { code, reason } = sessionFailure;
  return isAuthRejection({ code })
    ? { outcome: 'auth-rejected', reasonCode: code, reason }
    : { outcome: 'failed', reasonCode: code, reason: { code: 'STREAM_STOPPED', cause: reason } };
}
