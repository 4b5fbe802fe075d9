import Big from 'big.js';
import { StrategyError } from './strategy-error.ts';
import type { StrategyRestPort } from './strategy-ports.ts';
import type { StrategyParams, StrategyPreparation } from './strategy-types.ts';
import { readSymbolFilters, type SymbolFilters } from './symbol-filters.ts';
import { resolveToken, type ResolvedToken } from './token-resolver.ts';
import { assertTradeInputs, planTrade, type TradePlan } from './trade-plan.ts';
import {
  expectedTradeVolume,
  readTokenVolume,
  tradesNeeded,
  type TokenVolume,
} from './volume-accounting.ts';

/** Fee rate per leg seen on every captured fill (0.01 %, ALPHA-PROTOCOL.md §4): estimates only. */
const ESTIMATED_FEE_RATE = new Big('0.0001');

/** What the exchange says before the first order: the token, its rules, today's volume. */
export interface RunStart {
  target: Big;
  token: ResolvedToken;
  filters: SymbolFilters;
  volume: TokenVolume;
}

/** Checks the parameters, then reads the token, its filters and today's volume. */
export async function readRunStart(
  rest: StrategyRestPort,
  params: StrategyParams,
): Promise<RunStart> {
  assertTradeInputs(params);
  let target: Big;
  try {
    target = new Big(params.targetVolumeUsdt);
  } catch {
    throw new StrategyError(
      'INVALID_PARAMS',
      `volume must be a number, got "${params.targetVolumeUsdt}"`,
    );
  }
  if (target.lte(0)) throw new StrategyError('INVALID_PARAMS', 'volume must be above 0 USDT');
  const [items, info, userVolume] = await Promise.all([
    rest.getAggTicker24(),
    rest.getExchangeInfo(),
    rest.getUserVolume(),
  ]);
  const token = resolveToken(items, params);
  const filters = readSymbolFilters(info, token.symbol);
  const volume = readTokenVolume(userVolume, token.tokenSymbol, params.volumeRule, token.mulPoint);
  return { target, token, filters, volume };
}

/** The estimate shown before a run: trades needed, the first trade, and the cost. */
export function estimateRun(params: StrategyParams, start: RunStart): StrategyPreparation {
  const { target, token, filters, volume } = start;
  const remaining = target.minus(volume.counted);
  const firstTrade = planNextTrade(params, filters, token.price, remaining);
  const tradesEstimated = tradesNeeded(
    params.targetVolumeUsdt,
    volume.counted,
    params.amountUsdt,
    params.buyOffsetPct,
  );
  // Full trades pay `amount` for each expectedTradeVolume; the last pays only for what
  // remains, so the USDT paid in all is about remaining × amount / expectedTradeVolume.
  const paid = remaining.gt(0)
    ? remaining
        .times(params.amountUsdt)
        .div(expectedTradeVolume(params.amountUsdt, params.buyOffsetPct))
    : new Big(0);
  // Offsets that favour us (negative) are not counted as a gain: whether such orders fill
  // at all depends on the market.
  const spreadFraction = new Big(params.buyOffsetPct).plus(params.sellOffsetPct).div(100);
  const costRate = (spreadFraction.gt(0) ? spreadFraction : new Big(0)).plus(
    ESTIMATED_FEE_RATE.times(2),
  );
  return {
    token,
    filters,
    volume,
    targetVolumeUsdt: target.toFixed(),
    doneUsdt: volume.counted,
    tradesEstimated,
    firstTrade,
    estimatedCostUsdt: paid.times(costRate).round(4, Big.roundUp).toFixed(),
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

/** The trades a dry run shows: the estimated number at today's price, the last sized down. */
export function dryRunPlans(params: StrategyParams, prep: StrategyPreparation): TradePlan[] {
  const perTrade = expectedTradeVolume(params.amountUsdt, params.buyOffsetPct);
  let remaining = new Big(prep.targetVolumeUsdt).minus(prep.doneUsdt);
  const plans: TradePlan[] = [];
  for (let trade = 1; trade <= prep.tradesEstimated; trade++) {
    plans.push(planNextTrade(params, prep.filters, prep.token.price, remaining));
    remaining = remaining.minus(perTrade);
  }
  return plans;
}
