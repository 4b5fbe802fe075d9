import { assertNever } from '../../shared/assert-never.ts';
import { Big, plain, stepDecimals, toFixedHalfUp } from './decimal.ts';
import type { Market } from './market.ts';
import type { SimFill, SimOrder } from './order-model.ts';

/**
 * REST views of orders and fills, in the captured shapes
 * (fixtures/rest/capture-2026-05-21/order-history-merge.rows.json, user-trades.*.json).
 * They are built from the same records the pushes were built from, so they agree.
 */

/** A get-order-history-merge / get-open-order row. Numbers as plain decimal strings. */
export function historyRow(order: SimOrder): Record<string, unknown> {
  const avg = order.executedQty.gt(0)
    ? plain(new Big(toFixedHalfUp(order.cumQuote.div(order.executedQty), 8)))
    : '0';
  return {
    kind: 'LIMIT',
    orderId: order.orderId,
    symbol: order.symbol,
    status: order.status,
    price: plain(order.price),
    avgPrice: avg,
    origQty: plain(order.origQty),
    executedQty: plain(order.executedQty),
    cumQuote: plain(order.cumQuote),
    type: 'LIMIT',
    side: order.side,
    stopPrice: '0',
    time: order.createdMs,
    updateTime: order.updatedMs,
    orderListId: order.orderListId,
    baseAsset: order.baseAsset,
    quoteAsset: order.quoteAsset,
    alphaId: order.baseAsset,
    contingencyType: order.position ? 'OTO' : null,
    contingencyOrderPosition: order.position ?? null,
    // Captured: 0 on a plain order; the leg's start (activation for the pending leg) on OTO.
    workingTime: order.position ? order.workingTimeMs : 0,
    targetStrategy: null,
  };
}

/** A get-user-trades row: price with the tick's decimals, qty with the lot step's. */
export function userTradeRow(
  order: SimOrder,
  fill: SimFill,
  market: Market,
): Record<string, unknown> {
  const rules = market.bySymbol(order.symbol)?.listing.rules;
  const priceDp = rules ? stepDecimals(new Big(rules.tickSize)) : 8;
  const qtyDp = rules ? stepDecimals(new Big(rules.stepSize)) : 8;
  return {
    symbol: order.symbol,
    id: fill.tradeId,
    orderId: order.orderId,
    tradeId: fill.tradeId,
    side: order.side,
    price: fill.price.toFixed(priceDp),
    qty: fill.qty.toFixed(qtyDp),
    quoteQty: fill.quote.toFixed(8),
    commission: fill.commission.toFixed(8),
    commissionAsset: fill.commissionAsset,
    time: fill.timeMs,
    pageId: fill.pageId,
    buyer: order.side === 'BUY',
    baseAsset: order.baseAsset,
    quoteAsset: order.quoteAsset,
    orderType: 'LIMIT',
    lastTrade: fill.lastTrade,
  };
}

export interface HistoryQuery {
  page: number;
  rows: number;
  statuses: Set<string> | undefined;
  startTimeMs: number | undefined;
  endTimeMs: number | undefined;
  side: string | undefined;
  baseAsset: string | undefined;
  symbol: string | undefined;
  kind: string | undefined;
  /** Which time startTime/endTime filter on (see HistoryTimeFilter). Default 'overlap'. */
  timeFilter?: HistoryTimeFilter;
}

/**
 * What history's startTime/endTime compare with. The real rule is unknown (ALPHA-PROTOCOL.md,
 * gap 6), so the simulator offers each: 'overlap' (the order's life [time, updateTime] meets the
 * window), 'created' (creation time in the window, as Spot's allOrders) and 'updated'.
 */
export type HistoryTimeFilter = 'overlap' | 'created' | 'updated';

function inWindow(o: SimOrder, query: HistoryQuery): boolean {
  const start = query.startTimeMs;
  const end = query.endTimeMs;
  const filter = query.timeFilter ?? 'overlap';
  switch (filter) {
    case 'overlap':
      return (
        (start === undefined || o.updatedMs >= start) && (end === undefined || o.createdMs <= end)
      );
    case 'created':
      return (
        (start === undefined || o.createdMs >= start) && (end === undefined || o.createdMs <= end)
      );
    case 'updated':
      return (
        (start === undefined || o.updatedMs >= start) && (end === undefined || o.updatedMs <= end)
      );
    default:
      return assertNever(filter, 'history time filter');
  }
}

/**
 * Filters and pages orders (newest first). Time filter: by default an order matches when its
 * life [time, updateTime] overlaps [startTime, endTime]; see HistoryTimeFilter for the others.
 */
export function queryHistory(
  orders: SimOrder[],
  query: HistoryQuery,
): { rows: SimOrder[]; total: number } {
  const matching = orders.filter(
    (o) =>
      (!query.statuses || query.statuses.has(o.status)) &&
      inWindow(o, query) &&
      (!query.side || o.side === query.side) &&
      (!query.baseAsset || o.baseAsset === query.baseAsset) &&
      (!query.symbol || o.symbol === query.symbol) &&
      (!query.kind || query.kind === 'LIMIT'),
  );
  const start = (query.page - 1) * query.rows;
  return { rows: matching.slice(start, start + query.rows), total: matching.length };
}
