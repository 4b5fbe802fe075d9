import { MAX_TARGET_POINTS } from '../../../shared/strategy/strategy-defaults.ts';
import Big from 'big.js';
import type {
  StrategyParamName,
  StrategyParamProblem,
  StrategyReasonOf,
} from '../../../shared/reasons/strategy-reason.ts';
import { StrategyError } from './strategy-error.ts';
import type { StrategyParams } from './strategy-types.ts';

export type { StrategyParamName, StrategyParamProblem };

export { MAX_TARGET_POINTS };

/** A parameter that cannot make a run; thrown before anything is read or placed. */
export class StrategyParamError extends StrategyError {
  declare readonly reason: StrategyReasonOf<'INVALID_PARAMS'>;

  constructor(
    readonly param: StrategyParamName,
    readonly problem: StrategyParamProblem,
    readonly value: string,
    /** For `out-of-range`: the bounds, e.g. `-100 < x < 100`. */
    readonly range: string | null = null,
  ) {
    super({
      code: 'INVALID_PARAMS',
      param,
      problem,
      value,
      ...(range === null ? {} : { range }),
    });
    this.name = 'StrategyParamError';
  }
}

function decimal(name: StrategyParamName, value: string): Big {
  try {
    return new Big(value.trim());
  } catch {
    throw new StrategyParamError(name, 'not-a-number', value);
  }
}

function positive(name: StrategyParamName, value: string): void {
  const v = decimal(name, value);
  if (v.lt(0)) throw new StrategyParamError(name, 'negative', value);
  if (v.eq(0)) throw new StrategyParamError(name, 'not-positive', value);
}

function offset(name: StrategyParamName, value: string): void {
  const v = decimal(name, value);
  if (v.lte(-100) || v.gte(100))
    throw new StrategyParamError(name, 'out-of-range', value, '-100 < x < 100 (%)');
}

/**
 * Checks every parameter of a run without touching the exchange: the CLI calls it before
 * connecting, the run again before its first read (the app's panel goes through it there).
 */
export function assertStrategyParams(params: StrategyParams): void {
  if (params.targetPoints !== undefined && params.targetPoints !== null) {
    const p = params.targetPoints;
    if (!Number.isFinite(p)) throw new StrategyParamError('points', 'not-a-number', String(p));
    if (p < 0) throw new StrategyParamError('points', 'negative', String(p));
    if (!Number.isInteger(p)) throw new StrategyParamError('points', 'not-whole', String(p));
    if (p < 1 || p > MAX_TARGET_POINTS)
      throw new StrategyParamError('points', 'out-of-range', String(p), `1..${MAX_TARGET_POINTS}`);
  } else {
    positive('volume', params.targetVolumeUsdt);
  }
  positive('amount', params.amountUsdt);
  offset('buy-offset', params.buyOffsetPct);
  offset('sell-offset', params.sellOffsetPct);
  const seconds = (name: StrategyParamName, ms: number, zeroOk: boolean) => {
    const shown = String(ms / 1000);
    if (!Number.isFinite(ms)) throw new StrategyParamError(name, 'not-a-number', shown);
    if (ms < 0) throw new StrategyParamError(name, 'negative', shown);
    if (ms === 0 && !zeroOk) throw new StrategyParamError(name, 'not-positive', shown);
  };
  seconds('interval', params.intervalMs, true);
  seconds('timeout', params.legTimeoutMs, false);
  if (params.maxLossUsdt !== null) positive('max-loss', params.maxLossUsdt);
  if (params.maxWearBps !== undefined && params.maxWearBps !== null) {
    if (decimal('max-wear-bps', params.maxWearBps).lt(0))
      throw new StrategyParamError('max-wear-bps', 'negative', params.maxWearBps);
  }
  if (params.maxMovePct !== undefined && params.maxMovePct !== null)
    positive('max-move-pct', params.maxMovePct);
  const failures = params.maxConsecutiveFailures;
  if (Number.isNaN(failures))
    throw new StrategyParamError('max-failures', 'not-a-number', String(failures));
  if (!Number.isInteger(failures))
    throw new StrategyParamError('max-failures', 'not-whole', String(failures));
  if (failures < 1)
    throw new StrategyParamError('max-failures', 'out-of-range', String(failures), '≥ 1');
}
