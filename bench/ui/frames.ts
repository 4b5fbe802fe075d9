/**
 * The executionReports the UI bench pushes, built by the simulator's own frame builder so they
 * have exactly the captured key set and formatting. The orders exist only in these frames: the
 * bench drives the page at a fixed rate, not an exchange.
 */
import { buildExecutionReport, Big } from '../../src/main/sim/execution-report.ts';
import type { SimOrder } from '../../src/main/sim/order-model.ts';

const SYMBOL = { symbol: 'ALPHA_373USDT', baseAsset: 'ALPHA_373', quoteAsset: 'USDT' } as const;
const PRICE = new Big('0.00150000');

let nextEventId = 1_000_000_000;

/** A plain BUY limit order of `quantity` units, created at `createdMs`. */
export function benchOrder(orderId: string, quantity: number, createdMs: number): SimOrder {
  return {
    orderId,
    userId: 'bench',
    ...SYMBOL,
    side: 'BUY',
    price: PRICE,
    priceDecimals: 8,
    origQty: new Big(quantity),
    executedQty: new Big(0),
    cumQuote: new Big(0),
    status: 'NEW',
    clientOrderId: `web_${orderId.padStart(32, '0')}`,
    orderListId: '-1',
    position: undefined,
    linkedOrderId: undefined,
    createdMs,
    updatedMs: createdMs,
    workingTimeMs: createdMs,
    fills: [],
    locked: new Big(0),
  };
}

/** The NEW frame of `order`, stamped `nowMs`. */
export function newFrame(order: SimOrder, nowMs: number): Record<string, unknown> {
  return buildExecutionReport(order, {
    executionType: 'NEW',
    eventId: nextEventId++,
    eventTimeMs: nowMs,
    transactionTimeMs: nowMs,
  });
}

/**
 * Fills `qty` more units of `order` and returns the TRADE frame, stamped `nowMs`:
 * PARTIALLY_FILLED until the last unit, then FILLED.
 */
export function fillFrame(order: SimOrder, qty: number, nowMs: number): Record<string, unknown> {
  const fillQty = new Big(qty);
  const quote = fillQty.times(PRICE);
  order.executedQty = order.executedQty.plus(fillQty);
  order.cumQuote = order.cumQuote.plus(quote);
  order.status = order.executedQty.gte(order.origQty) ? 'FILLED' : 'PARTIALLY_FILLED';
  order.updatedMs = nowMs;
  const eventId = nextEventId++;
  return buildExecutionReport(order, {
    executionType: 'TRADE',
    eventId,
    eventTimeMs: nowMs,
    transactionTimeMs: nowMs,
    fill: {
      tradeId: String(eventId),
      pageId: String(eventId),
      qty: fillQty,
      price: PRICE,
      quote,
      commission: new Big(0),
      commissionAsset: SYMBOL.baseAsset,
      timeMs: nowMs,
      lastTrade: order.status === 'FILLED',
    },
  });
}
