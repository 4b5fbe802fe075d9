import { randomBytes } from 'node:crypto';
import type { AccountState } from './accounts.ts';
import { Big } from './decimal.ts';
import type { MarketToken } from './market.ts';
import type { Side, SimOrder } from './order-model.ts';

/** What differs between a plain order and the two legs of an OTO. */
export type OrderExtras = Pick<
  SimOrder,
  'orderListId' | 'position' | 'linkedOrderId' | 'createdMs' | 'locked'
>;

/** A new order record in status NEW (the caller marks a pending leg PENDING). */
export function createOrder(
  orderId: string,
  userId: string,
  token: MarketToken,
  side: Side,
  price: Big,
  qty: Big,
  extra: OrderExtras,
): SimOrder {
  return {
    orderId,
    userId,
    symbol: token.symbol,
    baseAsset: token.listing.alphaId,
    quoteAsset: token.listing.quoteAsset,
    side,
    price,
    priceDecimals: Math.max(8, token.listing.precision?.price ?? 8),
    origQty: qty,
    executedQty: new Big(0),
    cumQuote: new Big(0),
    status: 'NEW',
    // Captured: "web_" + 32 hex, made by the server (the prefix names the channel).
    clientOrderId: `web_${randomBytes(16).toString('hex')}`,
    updatedMs: extra.createdMs,
    workingTimeMs: extra.createdMs,
    fills: [],
    ...extra,
  };
}

/**
 * Locks what an order may spend: price × qty of quote for a BUY (rounded up, so a fill at the
 * limit never runs short), qty of base for a SELL. Rejects with insufficient balance.
 */
export function lockFor(
  account: AccountState,
  token: MarketToken,
  side: Side,
  price: Big,
  qty: Big,
): Big {
  const amount = side === 'BUY' ? price.times(qty).round(8, Big.roundUp) : qty;
  account.balances.lock(side === 'BUY' ? token.listing.quoteAsset : token.listing.alphaId, amount);
  return amount;
}
