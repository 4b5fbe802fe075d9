import type { OrderUpdate } from '../../../shared/domain/order-update.ts';

/**
 * A valid OrderUpdate with sensible defaults (shaped like the captured OTO frames in
 * test/fixtures/protocol/ws), for app, journal and export tests.
 */
export function sampleUpdate(overrides: Partial<OrderUpdate> = {}): OrderUpdate {
  return {
    eventTimeMs: 1_747_800_000_000,
    transactionTimeMs: 1_747_800_000_000,
    updateTimeMs: 1_747_800_000_000,
    orderCreationTimeMs: 1_747_800_000_000,
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

/** The NEW → TRADE(FILLED) pair of one order. */
export function filledOrder(orderId: string, eventId: number, overrides: Partial<OrderUpdate> = {}): OrderUpdate[] {
  const base = { orderId, ...overrides };
  return [
    sampleUpdate({ ...base, eventId, executionType: 'NEW', status: 'NEW' }),
    sampleUpdate({
      ...base,
      eventId: eventId + 1,
      eventTimeMs: (overrides.eventTimeMs ?? 1_747_800_000_000) + 1000,
      executionType: 'TRADE',
      status: 'FILLED',
      lastFilledQty: overrides.quantity ?? '12.34',
      cumulativeFilledQty: overrides.quantity ?? '12.34',
      lastFilledPrice: overrides.price ?? '0.81234567',
      lastQuoteQty: '10.02433556',
      cumulativeQuoteQty: '10.02433556',
      commission: '0.01234',
      commissionAsset: 'ALPHA_373',
      tradeId: String(5000 + eventId),
    }),
  ];
}
