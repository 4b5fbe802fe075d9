import {
  ORDER_STATUSES,
  type OrderStatus,
  type OrderUpdate,
} from '../../src/shared/domain/order-update.ts';
import type { OrderView, SessionStatsView } from '../../src/shared/ipc/views-monitor.ts';

// Pure TypeScript importing only src/shared: main, renderer (tsconfig.web.json) and e2e
// tests all build their orders here, so a new OrderUpdate field is added in one place.

/** Every time field of a default sample update, ms since epoch. */
export const SAMPLE_TIME_MS = 1_747_800_000_000;

/**
 * A valid OrderUpdate: a plain (non-OTO) LIMIT BUY of ALPHA_373USDT just placed, shaped like
 * the captured frames (test/fixtures/protocol/ws), with any field overridden.
 */
export function sampleOrderUpdate(overrides: Partial<OrderUpdate> = {}): OrderUpdate {
  return {
    eventTimeMs: SAMPLE_TIME_MS,
    transactionTimeMs: SAMPLE_TIME_MS,
    updateTimeMs: SAMPLE_TIME_MS,
    orderCreationTimeMs: SAMPLE_TIME_MS,
    symbol: 'ALPHA_373USDT',
    baseAsset: 'ALPHA_373',
    quoteAsset: 'USDT',
    clientOrderId: 'web_0123456789abcdef0123456789abcdef',
    side: 'BUY',
    orderType: 'LIMIT',
    originalOrderType: 'LIMIT',
    timeInForce: 'GTC',
    quantity: '12.34',
    price: '0.81234567',
    stopPrice: '0',
    avgPrice: '0',
    executionType: 'NEW',
    status: 'NEW',
    orderId: '1001',
    lastFilledQty: '0',
    cumulativeFilledQty: '0',
    lastFilledPrice: '0',
    commission: null,
    commissionAsset: null,
    tradeId: '0',
    isMaker: false,
    cumulativeQuoteQty: '0',
    lastQuoteQty: '0',
    quoteOrderQty: '0',
    eventId: 1,
    orderListId: null,
    contingencyType: null,
    contingencyPosition: null,
    st: 1,
    ...overrides,
  };
}

/**
 * The NEW → TRADE(FILLED) pair of one order: event ids `eventId` and `eventId + 1`, the fill
 * one second later, filled in full at the order price, fee `0.01234` in the base asset (a BUY).
 */
export function sampleFilledOrder(
  orderId: string,
  eventId: number,
  overrides: Partial<OrderUpdate> = {},
): [created: OrderUpdate, filled: OrderUpdate] {
  const created = sampleOrderUpdate({
    ...overrides,
    orderId,
    eventId,
    executionType: 'NEW',
    status: 'NEW',
  });
  const filled = sampleOrderUpdate({
    ...overrides,
    orderId,
    eventId: eventId + 1,
    eventTimeMs: created.eventTimeMs + 1000,
    executionType: 'TRADE',
    status: 'FILLED',
    lastFilledQty: created.quantity,
    cumulativeFilledQty: created.quantity,
    lastFilledPrice: created.price,
    lastQuoteQty: '10.02433556',
    cumulativeQuoteQty: '10.02433556',
    commission: '0.01234',
    commissionAsset: created.baseAsset,
    tradeId: String(5000 + eventId),
  });
  return [created, filled];
}

/**
 * The `data` of the executionReport push that parses to `update` (the inverse of the
 * parser's field map, key names as captured), for in-memory streams.
 */
export function executionReportData(update: OrderUpdate): Record<string, unknown> {
  return {
    e: 'executionReport',
    E: update.eventTimeMs,
    T: update.transactionTimeMs,
    u: update.updateTimeMs,
    O: update.orderCreationTimeMs,
    s: update.symbol,
    ba: update.baseAsset,
    qa: update.quoteAsset,
    c: update.clientOrderId,
    S: update.side,
    o: update.orderType,
    ot: update.originalOrderType,
    f: update.timeInForce,
    q: update.quantity,
    p: update.price,
    P: update.stopPrice,
    ap: update.avgPrice,
    // As the exchange sent them (an UNRECOGNIZED one keeps its raw value).
    x: update.rawExecutionType ?? update.executionType,
    X: update.rawStatus ?? update.status,
    i: update.orderId,
    l: update.lastFilledQty,
    z: update.cumulativeFilledQty,
    L: update.lastFilledPrice,
    ...(update.commission === null ? {} : { n: update.commission, N: update.commissionAsset }),
    t: update.tradeId,
    m: update.isMaker,
    Z: update.cumulativeQuoteQty,
    Y: update.lastQuoteQty,
    Q: update.quoteOrderQty,
    id: update.eventId,
    il: update.orderListId ?? '-1',
    ct: update.contingencyType,
    cp: update.contingencyPosition,
    st: update.st,
  };
}

/**
 * The two legs one OTO call places, as first pushed: a working BUY (NEW) and its pending SELL
 * (PENDING, quantity `"0"` until activated) with the next order id. `overrides` apply to both
 * legs, except that the pending leg's own id, side, status, quantity and position win;
 * `pendingOverrides` change the pending leg only.
 */
export function sampleOtoPair(
  orderListId: string,
  workingOrderId: string,
  overrides: Partial<OrderUpdate> = {},
  pendingOverrides: Partial<OrderUpdate> = {},
): [working: OrderUpdate, pending: OrderUpdate] {
  const common = { ...overrides, orderListId, contingencyType: 'OTO' };
  const working = sampleOrderUpdate({
    side: 'BUY',
    ...common,
    orderId: workingOrderId,
    contingencyPosition: 'OTO_WORKING',
  });
  const pending = sampleOrderUpdate({
    ...common,
    orderId: String(Number(workingOrderId) + 1),
    side: 'SELL',
    status: 'PENDING',
    quantity: '0',
    contingencyPosition: 'OTO_PENDING',
    ...pendingOverrides,
  });
  return [working, pending];
}

/** An order as the renderer receives it (account `a1`, seen once on the stream). */
export function sampleOrderView(
  overrides: Partial<OrderUpdate> = {},
  view: Partial<OrderView> = {},
): OrderView {
  const last = sampleOrderUpdate(overrides);
  return {
    accountId: 'a1',
    last,
    updateCount: 1,
    firstSeenAtMs: last.eventTimeMs,
    lastReceivedAtMs: last.eventTimeMs,
    lastSource: 'stream',
    otoPeerOrderId: null,
    otoLeg: last.contingencyPosition,
    placedByStrategy: false,
    statusUnknown: null,
    ...view,
  };
}

/** Session statistics with nothing counted yet, with any field overridden. */
export function sampleSessionStats(overrides: Partial<SessionStatsView> = {}): SessionStatsView {
  const zeros = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<
    OrderStatus,
    number
  >;
  return {
    updatesReceived: 0,
    updatesAccepted: 0,
    updatesIgnored: 0,
    updatesLate: 0,
    updatesBackfilled: 0,
    orders: 0,
    updatesByStatus: zeros,
    ordersByStatus: { ...zeros },
    fills: 0,
    filledQuoteByAsset: {},
    feesByAsset: {},
    reconnects: 0,
    gaps: 0,
    malformedFrames: 0,
    liveMs: 0,
    startedAtMs: null,
    missedByStream: 0,
    statusUnknown: 0,
    fillsNotRecovered: 0,
    ...overrides,
  };
}
