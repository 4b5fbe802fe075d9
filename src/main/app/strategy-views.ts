import type {
  StrategyRequest,
  StrategyRunError,
  StrategyStatus,
} from '../../shared/ipc/views-app.ts';
import type { StrategyReason } from '../../shared/reasons/strategy-reason.ts';
import { describeStrategyReason } from '../../shared/reasons/strategy-reason-text.ts';
import {
  strategyParamsOf,
  type StrategyParams,
  type StrategySummary,
} from '../core/strategy/index.ts';

/**
 * The engine's parameters for the panel's: units converted (seconds → ms), everything the
 * panel leaves out from the engine's defaults (strategyParamsOf, as the CLI's flags).
 */
export function engineParamsOf(params: StrategyRequest): StrategyParams {
  return strategyParamsOf({
    token: params.token,
    chain: params.chain,
    targetVolumeUsdt: params.volumeUsdt,
    targetPoints: params.points ?? null,
    amountUsdt: params.amountUsdt,
    buyOffsetPct: params.buyOffsetPct,
    sellOffsetPct: params.sellOffsetPct,
    intervalMs: params.intervalSec * 1000,
    legTimeoutMs: params.timeoutSec !== undefined ? params.timeoutSec * 1000 : undefined,
    maxLossUsdt: params.maxLossUsdt,
    maxWearBps: params.maxWearBps,
    maxMovePct: params.maxMovePct,
    sellLeftovers: params.sellLeftovers,
    cancelPendingAtEnd: params.cancelPending,
    dryRun: params.dryRun,
  });
}

/** A run that stopped the account (`shared/reasons/account-stop.ts`; the notice says what to do). */
export interface StrategyAccountStop {
  accountId: string;
  code: string;
}

export function wearOf(p: {
  wearUsdt: string;
  wearBps: string | null;
  points: number | null;
  costPerPoint: string | null;
}) {
  return {
    wearUsdt: p.wearUsdt,
    wearBps: p.wearBps,
    points: p.points,
    costPerPoint: p.costPerPoint,
  };
}

/** The last line of a finished run; a failed one says its reason in its error instead. */
export function finishedStatus(summary: StrategySummary): StrategyStatus {
  switch (summary.outcome) {
    case 'target-reached':
      return { code: 'TARGET_REACHED', trades: summary.trades };
    case 'dry-run':
      return { code: 'DRY_RUN' };
    case 'stopped':
      return { code: 'STOPPED' };
    default:
      return { code: 'FAILED' };
  }
}

/** The error of a run that did not reach its target (null for one that did, or stopped). */
export function runErrorOf(summary: StrategySummary): StrategyRunError | null {
  if (['target-reached', 'dry-run', 'stopped'].includes(summary.outcome)) return null;
  const reason: StrategyReason = summary.reason ?? {
    code: 'UNEXPECTED',
    detail: summary.outcome,
  };
  return {
    code: summary.reasonCode ?? summary.outcome.toUpperCase(),
    reason,
    message: describeStrategyReason('en', reason),
  };
}
