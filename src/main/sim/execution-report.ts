import { Big, plain, toFixedDown } from './decimal.ts';
import type { SimFill, SimOrder } from './order-model.ts';

/** `x` of an executionReport. Only NEW and TRADE were captured. */
export type ExecutionType = 'NEW' | 'TRADE' | 'CANCELED' | 'EXPIRED' | 'REJECTED';

export interface ExecutionReportContext {
  executionType: ExecutionType;
  /** Per-event id, strictly increasing across everything the sim pushes. */
  eventId: number;
  /** `E` */
  eventTimeMs: number;
  /** `T` and `u` */
  transactionTimeMs: number;
  /** The fill this frame reports (TRADE only). */
  fill?: SimFill;
}

const fixed8 = (value: Big) => value.toFixed(8);

/**
 * Builds the `data` of an executionReport with exactly the captured key set, key order and
 * JSON types (fixtures/ws/oto-buy-fill-then-sell-fill.jsonl): `i`, `t`, `il` strings, `id` a
 * number, prices and quantities strings. `n`/`N` appear on TRADE frames only, as captured.
 *
 * Formatting follows the capture: quantities and prices with 8 decimals, `ap` with 9, and on
 * a PARTIALLY_FILLED frame `l` and `z` without trailing zeros (captured `"200"`).
 *
 * inferred: CANCELED, EXPIRED and REJECTED frames were never captured. They use the same key
 * set as a NEW frame, with `x` = `X` = the new status, `T`/`u` = the time it happened, and `z`,
 * `Z`, `ap` still carrying what was filled before.
 * inferred: plain (non-OTO) orders were never captured on WS. They carry `il:"-1"` as history
 * rows do, and `ct`/`cp` as empty strings (history has null there; WS keeps the string type).
 */
export function buildExecutionReport(
  order: SimOrder,
  context: ExecutionReportContext,
): Record<string, unknown> {
  const { fill } = context;
  const unpadded = order.status === 'PARTIALLY_FILLED';
  const qtyText = (value: Big) => (unpadded ? plain(value) : fixed8(value));
  const hasFills = order.executedQty.gt(0);
  const pendingUnactivated = order.status === 'PENDING' || order.origQty.eq(0);
  const frame: Record<string, unknown> = {
    s: order.symbol,
    c: order.clientOrderId,
    S: order.side,
    o: 'LIMIT',
    f: 'GTC',
    q: pendingUnactivated ? '0' : fixed8(order.origQty),
    p: order.price.toFixed(order.priceDecimals),
    // Captured: 197.30724223 / 869.56 = 0.22690468999… was reported as 0.226904689 (down).
    ap: hasFills
      ? toFixedDown(order.cumQuote.div(order.executedQty), order.priceDecimals + 1)
      : '0',
    P: '0',
    x: context.executionType,
    X: order.status,
    i: order.orderId,
    l: fill ? qtyText(fill.qty) : '0',
    z: hasFills ? qtyText(order.executedQty) : '0',
    L: fill ? fill.price.toFixed(order.priceDecimals) : '0',
  };
  if (fill) {
    frame.n = fixed8(fill.commission);
    frame.N = fill.commissionAsset;
  }
  Object.assign(frame, {
    t: fill ? fill.tradeId : '0',
    // Captured: false on the BUY fill, true on the SELL fill ("buyer is maker" as in aggTrade).
    m: order.side === 'SELL' && fill !== undefined,
    ot: 'LIMIT',
    st: 1,
    O: order.createdMs,
    Z: hasFills ? fixed8(order.cumQuote) : '0',
    Y: fill ? fixed8(fill.quote) : '0',
    Q: '0',
    ba: order.baseAsset,
    qa: order.quoteAsset,
    id: context.eventId,
    il: order.orderListId,
    ct: order.position ? 'OTO' : '',
    cp: order.position ?? '',
    e: 'executionReport',
    T: context.transactionTimeMs,
    u: context.transactionTimeMs,
    E: context.eventTimeMs,
  });
  return frame;
}

/** The optional expiry notice (Spot's shape; never seen on Alpha, see ALPHA-PROTOCOL.md §2). */
export function buildListenKeyExpired(
  listenKey: string,
  eventTimeMs: number,
): Record<string, unknown> {
  return { e: 'listenKeyExpired', E: eventTimeMs, listenKey };
}

export { Big };
