import Big from 'big.js';
import { TERMINAL, feeQuoteOf, totalsOf, type TrackedOrder } from './order-tracker.ts';
import { errorCodeOf, isAuthRejection } from './strategy-error.ts';
import { DEFAULT_STRATEGY_PARAMS, type LeftoverSale } from './strategy-types.ts';
import { roundDownToStep, type SymbolFilters } from './symbol-filters.ts';
import { resolveToken } from './token-resolver.ts';
import type { TradeExecutorDeps } from './trade-executor.ts';
import { cancelAndConfirm, warnUnvalued } from './trade-executor.ts';

/** What a leftover sale needs beyond the trade executor's ports. */
export interface LeftoverSaleInput {
  token: { tokenSymbol: string; chain: string; alphaId: string };
  filters: SymbolFilters;
  sellOffsetPct: string;
  /** Tokens the run bought and did not sell: never more than this is sold. */
  heldQuantity: Big;
}

/** How far below the price a leftover is offered when the sell offset is not positive. */
const LEFTOVER_FALLBACK_OFFSET_PCT = DEFAULT_STRATEGY_PARAMS.sellOffsetPct;

/**
 * Sells what the run left of the traded token (`--sell-leftovers`): a timed-out SELL leaves
 * tokens behind, the most common complaint about peer tools. Only the run's own tokens are
 * sold (what it bought and did not sell, at most the free balance), never what the account
 * held before. Below the symbol's minimum order (quantity or notional) it is dust and is left.
 * The SELL is a LIMIT at price × (1 − sell offset) (1 % below when the offset is not
 * positive, so that it is marketable), waited for up to the leg timeout, then cancelled.
 */
export async function sellLeftovers(
  deps: TradeExecutorDeps,
  input: LeftoverSaleInput,
): Promise<LeftoverSale> {
  const { rest } = deps;
  const none = (
    outcome: LeftoverSale['outcome'],
    quantity: string,
    code: string | null = null,
  ) => ({
    outcome,
    quantity,
    quoteUsdt: null,
    soldQuantity: '0',
    feeUsdt: null,
    orderId: null,
    code,
  });
  if (!rest.getAlphaWallet || !rest.placeOrder) return none('failed', '0', 'UNSUPPORTED');
  let free: Big;
  let price: Big;
  try {
    const wallet = await rest.getAlphaWallet();
    const row = wallet.list.find((r) => r.tokenId === input.token.alphaId);
    free = new Big(row?.free ?? '0');
    const live = resolveToken(await rest.getAggTicker24(), {
      token: input.token.tokenSymbol,
      chain: input.token.chain,
    });
    price = new Big(live.price);
  } catch (error) {
    if (isAuthRejection(error)) throw error;
    return none('failed', '0', errorCodeOf(error));
  }
  const { filters } = input;
  const mine = input.heldQuantity.lt(free) ? input.heldQuantity : free;
  if (mine.lte(0)) return none('none', '0');
  const quantity = roundDownToStep(mine, filters.stepSize ?? '0.00000001');
  const offset = new Big(input.sellOffsetPct).gt(0)
    ? input.sellOffsetPct
    : LEFTOVER_FALLBACK_OFFSET_PCT;
  const sellRaw = price.times(new Big(100).minus(offset).div(100));
  const sellPrice = filters.tickSize
    ? roundDownToStep(sellRaw, filters.tickSize)
    : sellRaw.round(8, Big.roundDown);
  const belowMin =
    quantity.lte(0) ||
    (filters.minQty !== null && quantity.lt(filters.minQty)) ||
    (filters.minNotional !== null && quantity.times(sellPrice).lt(filters.minNotional));
  if (belowMin) return none('dust', mine.toFixed());
  let orderId: string;
  try {
    orderId = await rest.placeOrder({
      baseAsset: filters.baseAsset,
      quoteAsset: filters.quoteAsset,
      side: 'SELL',
      price: sellPrice.toFixed(),
      quantity: quantity.toFixed(),
    });
  } catch (error) {
    if (isAuthRejection(error)) throw error;
    return none('failed', quantity.toFixed(), errorCodeOf(error));
  }
  const seen = await deps.tracker.waitForStatus(orderId, TERMINAL, deps.legTimeoutMs);
  // Not filled in time: cancelled, unless it filled while the cancel was on its way.
  const cancel =
    seen.kind === 'reached' ? null : await cancelAndConfirm(deps, 0, orderId, filters.symbol);
  // What sold, as the stream (or a backfill) reported it: all of it, or part before the cancel.
  const order = deps.tracker.get(orderId);
  const totals = totalsOf(order);
  warnUnvalued(deps.logger, totals.unvaluedFeeAssets);
  const unvaluedFees = unvaluedFeesOf(order);
  const sold = {
    soldQuantity: totals.quantity.toFixed(),
    quoteUsdt: totals.quantity.gt(0) ? totals.quote.toFixed() : null,
    feeUsdt: totals.quantity.gt(0) ? totals.feeQuote.toFixed() : null,
    ...(unvaluedFees.length > 0 ? { unvaluedFees } : {}),
  };
  const status = seen.kind === 'reached' ? seen.order.latest.status : null;
  if (status === 'FILLED' || cancel === 'FILLED')
    return { outcome: 'sold', quantity: totals.quantity.toFixed(), ...sold, orderId, code: null };
  return {
    outcome: 'unsold',
    quantity: quantity.toFixed(),
    ...sold,
    orderId,
    code: cancel === null ? `SELL_${status}` : unsoldCode(cancel),
  };
}

/**
 * The fees of an order's counted fills charged in an asset that is neither its base nor its
 * quote, summed per asset in that asset (`feeQuoteOf` cannot value them in USDT).
 */
export function unvaluedFeesOf(
  order: TrackedOrder | undefined,
): Array<{ asset: string; amount: string }> {
  const byAsset = new Map<string, Big>();
  for (const fill of order?.fills ?? []) {
    const asset = fill.update.commissionAsset;
    if (!asset || feeQuoteOf(fill) !== null) continue;
    byAsset.set(asset, (byAsset.get(asset) ?? new Big(0)).plus(fill.counted.fee ?? '0'));
  }
  return [...byAsset].map(([asset, amount]) => ({ asset, amount: amount.toFixed() }));
}

/**
 * Why a leftover SELL is not sold: it ended otherwise (`SELL_<status>`), did not fill in time
 * and was cancelled (`SELL_TIMEOUT`), or its end is not known: open orders no longer list it
 * but no frame said how it ended (`SELL_ENDED_UNSEEN`: it may have filled), or the cancel was
 * not confirmed (`SELL_CANCEL_UNCONFIRMED`: it may still be open). The last two never say the
 * tokens are in the wallet.
 */
function unsoldCode(end: 'CANCELED' | 'GONE' | 'UNCONFIRMED'): string {
  switch (end) {
    case 'CANCELED':
      return 'SELL_TIMEOUT';
    case 'GONE':
      return 'SELL_ENDED_UNSEEN';
    case 'UNCONFIRMED':
      return 'SELL_CANCEL_UNCONFIRMED';
  }
}
