import type { ListenKeyApi } from '../../src/main/core/listen-key/listen-key-service.ts';
import type { ReconcileApi } from '../../src/main/core/monitor/backfill.ts';
import type { OrderHistoryRow, UserTrade } from '../../src/main/core/rest/alpha-types.ts';
import { receivedStatus, type OrderUpdate } from '../../src/shared/domain/order-update.ts';

const OPEN_STATUSES = new Set(['NEW', 'PARTIALLY_FILLED', 'PENDING']);

/**
 * The REST side of an exchange in memory, for the monitor's virtual-time tests: listen keys
 * (re-POST answers the same key, as nbstream does, or a new one with `keyRepost: 'rotate'`)
 * and the orders that reconciliation reads. Answers at once; no timer, no socket.
 */
export class MemoryExchange implements ListenKeyApi, ReconcileApi {
  /** What a POST answers while a key is alive: the same key (`extend`) or a new one (`rotate`). */
  keyRepost: 'extend' | 'rotate' = 'extend';
  /** Every key handed out, in order. */
  readonly issuedKeys: string[] = [];
  /** The next key requests fail with these, one each, first one first. */
  readonly keyFailures: Error[] = [];
  private readonly orders = new Map<string, OrderHistoryRow>();
  private readonly trades: UserTrade[] = [];
  // In an object, not fields: the monitor wraps this API with Object.create (rest budget), and
  // an assignment through the wrapper would land on the wrapper.
  private readonly keys = { current: null as string | null, requests: 0 };

  /** Key requests so far (failed ones included). */
  get keyRequests(): number {
    return this.keys.requests;
  }

  getListenKey(): Promise<string> {
    this.keys.requests++;
    const failure = this.keyFailures.shift();
    if (failure) return Promise.reject(failure);
    if (this.keys.current === null || this.keyRepost === 'rotate') {
      const n = this.issuedKeys.length + 1;
      this.keys.current = n.toString(16).padStart(4, '0').padEnd(32, 'c');
      this.issuedKeys.push(this.keys.current);
    }
    return Promise.resolve(this.keys.current);
  }

  /** The current key dies (the next POST answers a new one). */
  expireListenKey(): string | null {
    const key = this.keys.current;
    this.keys.current = null;
    return key;
  }

  /** The exchange now holds the order as `update` says (its row in open orders or history). */
  setOrder(update: OrderUpdate): void {
    this.orders.set(update.orderId, historyRowOf(update));
  }

  /** A fill of an order, as `get-user-trades` lists it. */
  addTrade(update: OrderUpdate): void {
    this.trades.push({
      symbol: update.symbol,
      id: String(this.trades.length + 1),
      orderId: update.orderId,
      tradeId: update.tradeId,
      side: update.side,
      price: update.lastFilledPrice,
      qty: update.lastFilledQty,
      quoteQty: update.lastQuoteQty,
      commission: update.commission ?? '0',
      commissionAsset: update.commissionAsset ?? update.baseAsset,
      time: update.transactionTimeMs,
      pageId: String(this.trades.length + 1),
      buyer: update.side === 'BUY',
      baseAsset: update.baseAsset,
      quoteAsset: update.quoteAsset,
      orderType: update.orderType,
      lastTrade: true,
    });
  }

  getOpenOrders(): Promise<OrderHistoryRow[]> {
    return Promise.resolve([...this.orders.values()].filter((o) => OPEN_STATUSES.has(o.status)));
  }

  getAllOrderHistory(query: {
    startTimeMs?: number;
    endTimeMs?: number;
  }): Promise<OrderHistoryRow[]> {
    const start = query.startTimeMs ?? -Infinity;
    const end = query.endTimeMs ?? Infinity;
    return Promise.resolve(
      [...this.orders.values()].filter(
        (o) =>
          !OPEN_STATUSES.has(o.status) &&
          (o.updateTime ?? 0) >= start &&
          (o.updateTime ?? 0) <= end,
      ),
    );
  }

  getUserTrades(query: { orderId?: string }): Promise<UserTrade[]> {
    return Promise.resolve(this.trades.filter((t) => t.orderId === query.orderId));
  }
}

/** The order-history row the exchange lists for an order whose last update is `update`. */
export function historyRowOf(update: OrderUpdate): OrderHistoryRow {
  return {
    orderId: update.orderId,
    symbol: update.symbol,
    // As the exchange sent it: the value for a status Alpha Monitor does not know.
    status: receivedStatus(update),
    price: update.price,
    avgPrice: update.avgPrice,
    origQty: update.quantity,
    executedQty: update.cumulativeFilledQty,
    cumQuote: update.cumulativeQuoteQty,
    type: update.orderType,
    side: update.side,
    time: update.orderCreationTimeMs,
    updateTime: update.updateTimeMs,
    orderListId: update.orderListId ?? '-1',
    baseAsset: update.baseAsset,
    quoteAsset: update.quoteAsset,
    contingencyType: update.contingencyType,
    contingencyOrderPosition: update.contingencyPosition,
  };
}
