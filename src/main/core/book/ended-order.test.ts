import { describe, expect, it } from 'vitest';
import { packEnded, packedStatus, unpackEnded, type EndedOrder } from './ended-order.ts';

const base = { timeMs: 1_764_000_000_000, eventId: 20_000_000_000 };

function ended(over: Partial<EndedOrder>): EndedOrder {
  return {
    orderId: '70000000123',
    status: 'FILLED',
    updateCount: 3,
    firstSeenAtMs: base.timeMs + 82_924,
    lastReceivedAtMs: base.timeMs + 84_100,
    lastSource: 'stream',
    eventId: base.eventId + 3_108,
    eventIds: [base.eventId + 3_104, base.eventId + 3_106, base.eventId + 3_108],
    countedFilledQty: '869.47000000',
    orderListId: '80000000061',
    peerOrderId: '70000000122',
    ...over,
  };
}

describe('an ended order packed in one string', () => {
  it.each([
    ['an OTO leg', {}],
    ['the other leg', { orderId: '70000000122', peerOrderId: '70000000123' }],
    ['a plain order', { orderListId: null, peerOrderId: null, eventIds: [] }],
    ['a peer id that is not a plain integer', { peerOrderId: 'x-7' }],
    ['a peer id with leading zeros', { peerOrderId: '0070000000122' }],
    [
      'an order id that is not a plain integer',
      { orderId: 'abc', status: 'EXPIRED_IN_MATCH' as const },
    ],
    ['a peer far away', { peerOrderId: '9' }],
    ['from a backfill', { lastSource: 'backfill' as const, status: 'CANCELED' as const }],
    ['nothing counted', { countedFilledQty: '0' }],
    ['a whole quantity', { countedFilledQty: '1000' }],
    ['a quantity without trailing zeros', { countedFilledQty: '0.12345678' }],
    ['ten zeros and more', { countedFilledQty: '1.00000000000' }],
  ])('comes back the same: %s', (_, over) => {
    const order = ended(over);
    const packed = packEnded(order, base)!;
    expect(packed).not.toBeNull();
    expect(unpackEnded(order.orderId, packed, base)).toEqual(order);
    expect(packedStatus(packed)).toBe(order.status);
  });

  it('keeps the full record (null) for values that would not come back the same', () => {
    expect(packEnded(ended({ orderListId: 'a|b' }), base)).toBeNull();
    expect(packEnded(ended({ firstSeenAtMs: 1.5 }), base)).toBeNull();
  });
});
