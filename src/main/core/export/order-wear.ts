import Big from 'big.js';
import type { OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { CountedFill } from '../../../shared/domain/update-verdict.ts';
import { computeWear, wearFillOfUpdate } from '../points/wear.ts';

/** The points and wear columns of one order row (empty strings become empty CSV fields). */
export interface OrderPointsColumns {
  /** The token's mulPoint used for counted volume; null when not known at export. */
  mulPoint: number | null;
  /** BUY: filled quote × mulPoint; SELL: 0; null when the mulPoint is not known. */
  countedVolumeUsdt: string | null;
  /** Wear of the trade this order closes; null on an OTO pair's first (buy) leg. */
  tradeWearUsdt: string | null;
  tradeWearBps: string | null;
}

/**
 * Collects each order's fills (what the book counted of each update), then says per order its counted volume
 * and the wear of its trade. A trade is an OTO pair (same order-list id) or a lone order; its
 * wear (same rule as everywhere: buy quote − sell quote + fees at the fill price, what is still
 * held valued at its last fill price) is written once, on the order that closes it (the pair's
 * SELL leg), so the column sums to the session's wear.
 */
export class OrderWear {
  private readonly fills = new Map<string, Array<{ update: OrderUpdate; counted: CountedFill }>>();

  /** `mulPoints`: alphaId → the token's live mulPoint; without it, counted volume stays empty. */
  constructor(private readonly mulPoints: Readonly<Record<string, number>> | null = null) {}

  /** An accepted update with what its verdict counted (null: it added no fill). */
  add(update: OrderUpdate, counted: CountedFill | null): void {
    if (!counted || !(Number(counted.base) > 0)) return;
    const list = this.fills.get(update.orderId) ?? [];
    list.push({ update, counted });
    this.fills.set(update.orderId, list);
  }

  /** The columns of every order, given each order's last state. */
  columns(orders: ReadonlyArray<OrderUpdate>): Map<string, OrderPointsColumns> {
    const trades = new Map<string, OrderUpdate[]>();
    for (const order of orders) {
      const key =
        order.orderListId !== null ? `list:${order.orderListId}` : `order:${order.orderId}`;
      trades.set(key, [...(trades.get(key) ?? []), order]);
    }
    const out = new Map<string, OrderPointsColumns>();
    for (const legs of trades.values()) {
      const closing = legs.find((o) => o.side === 'SELL') ?? legs[legs.length - 1]!;
      const mulKnown = legs.every((o) => this.mulPointOf(o.baseAsset) !== null);
      const wear = computeWear(
        legs.flatMap((o) =>
          (this.fills.get(o.orderId) ?? []).map((f) =>
            wearFillOfUpdate(f.update, f.counted, this.mulPointOf(o.baseAsset) ?? 1),
          ),
        ),
      );
      for (const order of legs) {
        const mulPoint = this.mulPointOf(order.baseAsset);
        const filledQuote = (this.fills.get(order.orderId) ?? []).reduce(
          (s, f) => s.plus(f.counted.quote),
          new Big(0),
        );
        const isClosing = order === closing;
        out.set(order.orderId, {
          mulPoint,
          countedVolumeUsdt:
            mulPoint === null
              ? null
              : order.side === 'BUY'
                ? filledQuote.times(mulPoint).toFixed()
                : '0',
          tradeWearUsdt: isClosing ? wear.wearUsdt : null,
          tradeWearBps: isClosing && mulKnown ? wear.wearBps : null,
        });
      }
    }
    return out;
  }

  private mulPointOf(alphaId: string): number | null {
    if (!this.mulPoints) return null;
    const m = this.mulPoints[alphaId];
    return m !== undefined && m > 0 ? m : null;
  }
}
