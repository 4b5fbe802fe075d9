import type { Finish } from './run-outcome.ts';
import type { PendingLegs } from './pending-legs.ts';
import type {
  LeftoverSale,
  StrategyParams,
  StrategyPreparation,
  StrategyProgress,
  StrategySummary,
} from './strategy-types.ts';

/** The figures of a run that never started (its parameters could not even be read). */
export function emptyProgress(targetVolumeUsdt: string): StrategyProgress {
  return {
    targetVolumeUsdt,
    doneUsdt: '0',
    trades: 0,
    fills: 0,
    feesUsdt: '0',
    costUsdt: '0',
    countedVolumeUsdt: '0',
    wearUsdt: '0',
    wearBps: null,
    points: null,
    pointsGained: null,
    costPerPoint: null,
  };
}

/** The end of a run: how it ended, its figures, and what it left open or sold. */
export function summaryOf(
  finish: Finish,
  progress: StrategyProgress,
  run: {
    params: StrategyParams;
    prep: StrategyPreparation | undefined;
    pending: PendingLegs;
    leftovers: LeftoverSale | null;
  },
): StrategySummary {
  return {
    type: 'summary',
    outcome: finish.outcome,
    reasonCode: finish.reasonCode ?? null,
    reason: finish.reason ?? null,
    ...progress,
    volume: progress.doneUsdt,
    fees: progress.feesUsdt,
    cost: progress.costUsdt,
    token: run.prep?.token.tokenSymbol ?? null,
    symbol: run.prep?.token.symbol ?? null,
    openPendingOrders: run.pending.open,
    canceledPendingOrders: run.pending.canceled,
    leftovers: run.leftovers,
    targetPoints: run.params.targetPoints ?? null,
    dryRun: run.params.dryRun,
  };
}
