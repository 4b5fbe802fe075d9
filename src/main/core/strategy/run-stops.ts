import Big from 'big.js';
import type { Logger } from '../ports/logger.ts';
import type { Finish } from './run-outcome.ts';
import { errorCodeOf, isAuthRejection } from './strategy-error.ts';
import type { StrategyRestPort } from './strategy-ports.ts';
import type { StrategyParams } from './strategy-types.ts';
import { resolveToken } from './token-resolver.ts';

/**
 * `--max-wear-bps`: the run stops when one trade's wear, or the run's average so far, is
 * above the limit (bps of counted volume). Null when neither is, or no limit is set.
 */
export function wearStop(
  maxWearBps: string | null | undefined,
  trade: number,
  tradeWearBps: string | null,
  runWearBps: string | null,
): Finish | null {
  if (maxWearBps === null || maxWearBps === undefined) return null;
  if (tradeWearBps !== null && new Big(tradeWearBps).gt(maxWearBps)) {
    return {
      outcome: 'max-wear',
      reasonCode: 'MAX_WEAR_TRADE',
      reason: { code: 'MAX_WEAR_TRADE', trade, wearBps: tradeWearBps, maxWearBps },
    };
  }
  if (runWearBps !== null && new Big(runWearBps).gt(maxWearBps)) {
    return {
      outcome: 'max-wear',
      reasonCode: 'MAX_WEAR_RUN',
      reason: { code: 'MAX_WEAR_RUN', wearBps: runWearBps, maxWearBps },
    };
  }
  return null;
}

/** The price move between two prices, in % of the first, 2 dp (always ≥ 0). */
export function movePct(before: string, after: string): string {
  const b = new Big(before);
  if (b.lte(0)) return '0.00';
  return new Big(after).minus(b).abs().div(b).times(100).round(2, Big.roundHalfUp).toFixed(2);
}

/**
 * `--max-move-pct`: the run stops when the price moved more than the limit between placing
 * a trade and its end (a fast market makes every trade wear more than planned).
 */
export function moveStop(
  maxMovePct: string | null | undefined,
  trade: number,
  before: string,
  after: string,
): Finish | null {
  if (maxMovePct === null || maxMovePct === undefined) return null;
  const moved = movePct(before, after);
  if (!new Big(moved).gt(maxMovePct)) return null;
  return {
    outcome: 'price-moved',
    reasonCode: 'PRICE_MOVED',
    reason: { code: 'PRICE_MOVED', trade, movedPct: moved, before, after, maxMovePct },
  };
}

/**
 * `--max-move-pct` after a trade: the price now against the one it was planned at. A price
 * that cannot be read is logged and does not stop the run; a rejected session does.
 */
export async function priceMoveStop(
  deps: { rest: StrategyRestPort; logger: Logger },
  params: StrategyParams,
  trade: number,
  before: string,
): Promise<Finish | null> {
  if (params.maxMovePct === null || params.maxMovePct === undefined) return null;
  try {
    const now = resolveToken(await deps.rest.getAggTicker24(), params);
    return moveStop(params.maxMovePct, trade, before, now.price);
  } catch (error) {
    if (isAuthRejection(error)) throw error;
    deps.logger.warn('price could not be re-read for --max-move-pct', {
      code: errorCodeOf(error),
    });
    return null;
  }
}
