import type { OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { OrderView } from '../../../shared/ipc/views-monitor.ts';

/**
 * Builds orders for the model tests and the table's scale check: a complete OrderUpdate with
 * the captured frames' shape (ALPHA-PROTOCOL.md §4), overridable per field.
 */
export function makeUpdate(overrides: Partial<OrderUpdate> = {}): OrderUpdate {
  return {
    eventTimeMs: 1_760_000_000_000,
    transactionTimeMs: 1_760_000_000_000,
    updateTimeMs: 1_760_000_000_000,
    orderCreationTimeMs: 1_760_000_000_000,
    symbol: 'ALPHA_22USDT',
    baseAsset: 'ALPHA_22',
    quoteAsset: 'USDT',
    clientOrderId: 'web_0123456789abcdef0123456789abcdef',
    side: 'BUY',
    orderType: 'LIMIT',
    originalOrderType: 'LIMIT',
    timeInForce: 'GTC',
    quantity: '0.2081',
    price: '48.03000000',
    stopPrice: '0',
    avgPrice: '0',
    executionType: 'NEW',
    status: 'NEW',
    orderId: '1',
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

export function makeOrder(
  overrides: Partial<OrderUpdate> = {},
  view: Partial<OrderView> = {},
): OrderView {
  const last = makeUpdate(overrides);
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
    ...view,
  };
}
