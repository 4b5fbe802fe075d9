import type { Big } from './decimal.ts';

export type Side = 'BUY' | 'SELL';

/** Statuses as the history filter names them, plus PENDING for an OTO leg not yet activated. */
export type SimOrderStatus =
  'NEW' | 'PENDING' | 'PARTIALLY_FILLED' | 'FILLED' | 'CANCELED' | 'EXPIRED' | 'REJECTED';

export type OtoPosition = 'OTO_WORKING' | 'OTO_PENDING';

/** One fill. Fills of one order at one instant share `tradeId` (captured), not `pageId`. */
export interface SimFill {
  readonly tradeId: string;
  readonly pageId: string;
  readonly qty: Big;
  readonly price: Big;
  /** qty × price, rounded down to 8 dp (as captured). */
  readonly quote: Big;
  readonly commission: Big;
  readonly commissionAsset: string;
  readonly timeMs: number;
  /** Marks the fill that completed the order (`lastTrade` in get-user-trades). */
  lastTrade: boolean;
}

/** An order as the exchange keeps it. */
export interface SimOrder {
  readonly orderId: string;
  readonly userId: string;
  readonly symbol: string;
  readonly baseAsset: string;
  readonly quoteAsset: string;
  readonly side: Side;
  readonly price: Big;
  /** Decimals of `p`/`L` in frames: 8 as captured, more for a finer tick. */
  readonly priceDecimals: number;
  /** Zero for a pending OTO leg until it is activated. */
  origQty: Big;
  executedQty: Big;
  cumQuote: Big;
  status: SimOrderStatus;
  readonly clientOrderId: string;
  /** `"-1"` for a plain order, as in the history rows. */
  readonly orderListId: string;
  readonly position: OtoPosition | undefined;
  /** The other leg of an OTO pair. */
  readonly linkedOrderId: string | undefined;
  readonly createdMs: number;
  updatedMs: number;
  /** When the order started working (activation for a pending leg); 0 before that. */
  workingTimeMs: number;
  readonly fills: SimFill[];
  /** What the order still holds locked: quote for a BUY, base for a SELL. */
  locked: Big;
}

export const FINAL_STATUSES: ReadonlySet<SimOrderStatus> = new Set([
  'FILLED',
  'CANCELED',
  'EXPIRED',
  'REJECTED',
]);

export function isFinal(order: SimOrder): boolean {
  return FINAL_STATUSES.has(order.status);
}

/** Live and able to trade: NEW or PARTIALLY_FILLED (a PENDING leg waits for its working leg). */
export function isWorking(order: SimOrder): boolean {
  return order.status === 'NEW' || order.status === 'PARTIALLY_FILLED';
}
