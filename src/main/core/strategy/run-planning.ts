import Big from 'big.js';
import { volumePoints, volumeThreshold } from '../points/points-rules.ts';
import { assertStrategyParams } from './params-check.ts';
import { StrategyError } from './strategy-error.ts';
import type { StrategyRestPort } from './strategy-ports.ts';
import type { StrategyParams, StrategyPreparation } from './strategy-types.ts';
import { readSymbolFilters, type SymbolFilters } from './symbol-filters.ts';
import { resolveToken, type ResolvedToken } from './token-resolver.ts';
import { planTrade, type TradePlan } from './trade-plan.ts';
import {
  expectedTradeVolume,
  readTokenVolume,
  tradesNeeded,
  type TokenVolume,
} from './volume-accounting.ts';

/** Fee rate per leg seen on every captured fill (0.01 %, ALPHA-PROTOCOL.md §4): estimates only. */
const ESTIMATED_FEE_RATE = new Big('0.0001');

/**
 * Most trades one run may place: a larger target is refused up front (a dry run of 1e9 USDT
 * would otherwise plan 100 million trades). 10,000 trades of 10 USDT is 100,000 USDT.
 */
export const MAX_TRADES_PER_RUN = 10_000;

/** What the exchange says before the first order: the token, its rules, today's volume. */
export interface RunStart {
  /** Target in traded USDT of this token (derived from the points target when there is one). */
  target: Big;
  token: ResolvedToken;
  filters: SymbolFilters;
  volume: TokenVolume;
  /** Today's counted volume of the account, all tokens (user-score), or null when unknown. */
  todayCounted: Big | null;
}

/**
 * Checks the parameters, then reads the token, its filters and today's volume. A points
 * target becomes a volume: (2^points − today's counted volume) ÷ the token's live mulPoint,
 * on top of what the token has today.
 */
export async function readRunStart(
  rest: StrategyRestPort,
  params: StrategyParams,
  todayCounted: Big | null,
): Promise<RunStart> {
  assertStrategyParams(params);
  const points = params.targetPoints ?? null;
  if (points !== null && todayCounted === null) {
    throw new StrategyError({ code: 'POINTS_UNAVAILABLE' });
  }
  const [items, info, userVolume] = await Promise.all([
    rest.getAggTicker24(),
    rest.getExchangeInfo(),
    rest.getUserVolume(),
  ]);
  const token = resolveToken(items, params);
  const filters = readSymbolFilters(info, token.symbol);
  const volume = readTokenVolume(userVolume, token.tokenSymbol, params.volumeRule, token.mulPoint);
  let target: Big;
  if (points !== null) {
    const missing = volumeThreshold(points).minus(todayCounted!);
    const traded = missing.gt(0)
      ? missing.div(token.mulPoint > 0 ? token.mulPoint : 1).round(8, Big.roundUp)
      : new Big(0);
    target = new Big(volume.counted).plus(traded);
  } else {
    target = new Big(params.targetVolumeUsdt);
  }
  return { target, token, filters, volume, todayCounted };
}

/** The estimate shown before a run: trades needed, the first trade, and the cost. */
export function estimateRun(params: StrategyParams, start: RunStart): StrategyPreparation {
  const { target, token, filters, volume } = start;
  const remaining = target.minus(volume.counted);
  const firstTrade = planNextTrade(params, filters, token.price, remaining);
  const tradesEstimated = tradesNeeded(
    target.toFixed(),
    volume.counted,
    params.amountUsdt,
    params.buyOffsetPct,
  );
  if (tradesEstimated > MAX_TRADES_PER_RUN) {
    throw new StrategyError({
      code: 'TOO_MANY_TRADES',
      trades: tradesEstimated,
      amountUsdt: params.amountUsdt,
      maxTrades: MAX_TRADES_PER_RUN,
    });
  }
  // Full trades pay `amount` for each expectedTradeVolume; the last pays only for what
  // remains, so the USDT paid in all is about remaining × amount / expectedTradeVolume.
  const paid = remaining.gt(0)
    ? remaining
        .times(params.amountUsdt)
        .div(expectedTradeVolume(params.amountUsdt, params.buyOffsetPct))
    : new Big(0);
  // What the estimate assumes: each leg's limit is marketable when placed, so it fills at the
  // market price, not at its offset (the simulator fills a BUY at the market when limit ≥
  // market, a SELL when limit ≤ market, as the captured fills did); the offsets are head room,
  // not a cost. What a trade surely costs is the fee on both legs; the price moves between
  // the two fills go either way and average out, so they are not counted (one run's wear can
  // be a few bps above or below this).
  const costRate = ESTIMATED_FEE_RATE.times(2);
  return {
    token,
    filters,
    volume,
    targetVolumeUsdt: target.toFixed(),
    doneUsdt: volume.counted,
    tradesEstimated,
    firstTrade,
    estimatedCostUsdt: paid.times(costRate).round(4, Big.roundUp).toFixed(),
    targetMet: remaining.lte(0),
    targetPoints: params.targetPoints ?? null,
    todayCountedUsdt: start.todayCounted?.toFixed() ?? null,
    pointsToday: start.todayCounted === null ? null : volumePoints(start.todayCounted),
  };
}

/** The next trade: full size, or sized down to `remaining` when that is less (the last). */
export function planNextTrade(
  params: StrategyParams,
  filters: SymbolFilters,
  marketPrice: string,
  remaining: Big,
): TradePlan {
  const { amountUsdt, buyOffsetPct, sellOffsetPct } = params;
  return planTrade({
    filters,
    marketPrice,
    amountUsdt,
    buyOffsetPct,
    sellOffsetPct,
    remainingVolumeUsdt: remaining.gt(0) ? remaining.toFixed() : undefined,
  });
}

/**
 * The trades a dry run shows: the estimated number at today's price, the last sized down.
 * One at a time, so a long plan can be stopped part-way.
 */
export function* dryRunPlans(
  params: StrategyParams,
  prep: StrategyPreparation,
): Generator<TradePlan, void, void> {
  const perTrade = expectedTradeVolume(params.amountUsdt, params.buyOffsetPct);
  let remaining = new Big(prep.targetVolumeUsdt).minus(prep.doneUsdt);
  for (let trade = 1; trade <= prep.tradesEstimated; trade++) {
    yield planNextTrade(params, prep.filters, prep.token.price, remaining);
    remaining = remaining.minus(perTrade);
  }
}
