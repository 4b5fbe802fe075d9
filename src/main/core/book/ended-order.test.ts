import { describe, expect, it } from 'vitest';
import { EndedArchive, type EndedOrder } from './ended-order.ts';

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

describe('the archive of ended orders', () => {
  it('keeps every order of a long session (more than 23 chunks: 100,000 orders, then a sweep)', () => {
    const archive = new EndedArchive();
    const put = (order: EndedOrder) =>
      archive.put(order, order.status, order.eventId, order.peerOrderId);
    const orderN = (n: number, eventIds: number[]) =>
      ended({
        orderId: String(70_000_000_000 + n),
        eventId: eventIds.at(-1) ?? base.eventId,
        eventIds,
        updateCount: eventIds.length,
      });
    for (let n = 0; n < 100_000; n++) put(orderN(n, [base.eventId + 2 * n]));
    // Orders of many partial fills use up a chunk's event ids before its rows.
    const sweep = Array.from({ length: 12 }, (_, i) => base.eventId + 1_000_000 + i);
    for (let n = 100_000; n < 130_000; n++) put(orderN(n, sweep));
    for (const n of [0, 81_663, 81_664, 99_999, 129_999]) {
      const order = orderN(n, n < 100_000 ? [base.eventId + 2 * n] : sweep);
      expect(archive.read(order.orderId, archive.rowOf(order.orderId))).toEqual(order);
    }
  });

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
    ['an order id with leading zeros', { orderId: '0070000000123' }],
    ['an order id of 16 digits', { orderId: '7000000000000123' }],
    ['a peer far away', { peerOrderId: '9' }],
    ['from a backfill', { lastSource: 'backfill' as const, status: 'CANCELED' as const }],
    ['nothing counted', { countedFilledQty: '0' }],
    ['a whole quantity', { countedFilledQty: '1000' }],
    ['a quantity without trailing zeros', { countedFilledQty: '0.12345678' }],
    ['ten zeros and more', { countedFilledQty: '1.00000000000' }],
    ['a quantity below one with zeros', { countedFilledQty: '0.00010000' }],
    ['zero with decimals', { countedFilledQty: '0.00000000' }],
    ['a quantity of more than 15 digits', { countedFilledQty: '123456789.123456789' }],
    ['a quantity with a leading zero', { countedFilledQty: '0869.47' }],
    ['a quantity in exponent form', { countedFilledQty: '1e-7' }],
    ['an order list id with a separator', { orderListId: '8986|3105' }],
    ['an empty order list id', { orderListId: '' }],
    ['times that are not integers', { firstSeenAtMs: 1.5, lastReceivedAtMs: 2.25 }],
    ['many event ids', { updateCount: 40, eventIds: Array.from({ length: 40 }, (_, i) => i) }],
    ['a rejected order', { status: 'REJECTED' as const, updateCount: 1 }],
    ['an expired order', { status: 'EXPIRED' as const }],
  ])('comes back the same: %s', (_, over) => {
    const archive = new EndedArchive();
    const order = ended(over);
    archive.put(order, order.status, order.eventId, order.peerOrderId);
    const row = archive.rowOf(order.orderId);
    expect(row).not.toBe(-1);
    expect(archive.read(order.orderId, row)).toEqual(order);
    expect(archive.status(row)).toBe(order.status);
    expect(archive.peer(row)).toBe(order.peerOrderId);
    expect(archive.hasEventId(row, base.eventId + 3_106)).toBe(
      order.eventIds.includes(base.eventId + 3_106),
    );
    expect(archive.size).toBe(1);
  });

  it('finds each of many orders, in any order of ids, and a peer learnt later', () => {
    const archive = new EndedArchive();
    const ids = Array.from({ length: 10_000 }, (_, i) =>
      String(70_000_000_000 + ((i * 7919) % 10_000)),
    );
    ids.push('abc', '007');
    for (const [i, orderId] of ids.entries())
      archive.put(ended({ orderId, updateCount: i, peerOrderId: null }), 'FILLED', i, null);
    expect(archive.size).toBe(ids.length);
    for (const [i, orderId] of ids.entries())
      expect(archive.read(orderId, archive.rowOf(orderId))).toMatchObject({
        orderId,
        updateCount: i,
      });
    expect(archive.rowOf('70000010000')).toBe(-1);
    expect(archive.rowOf('7')).toBe(-1);
    expect(archive.has('abd')).toBe(false);
    const row = archive.rowOf('70000000005');
    archive.setPeer(row, '70000000006');
    expect(archive.peer(row)).toBe('70000000006');
    archive.setPeer(archive.rowOf('abc'), 'peer|odd');
    expect(archive.read('abc', archive.rowOf('abc')).peerOrderId).toBe('peer|odd');
  });

  it('keeps the newer values when an order is put again, and forgets a deleted one', () => {
    const archive = new EndedArchive();
    archive.put(ended({}), 'FILLED', base.eventId + 3_108, '70000000122');
    const later = ended({
      updateCount: 4,
      lastSource: 'backfill',
      eventIds: [...ended({}).eventIds, base.eventId + 3_200],
      countedFilledQty: '900.1',
      peerOrderId: 'x-7',
    });
    archive.put(later, 'FILLED', later.eventId, later.peerOrderId);
    expect(archive.size).toBe(1);
    expect(archive.read(later.orderId, archive.rowOf(later.orderId))).toEqual(later);
    archive.delete(later.orderId);
    expect(archive.size).toBe(0);
    expect(archive.rowOf(later.orderId)).toBe(-1);
    archive.put(ended({}), 'CANCELED', base.eventId, null);
    expect(archive.size).toBe(1);
    expect(archive.status(archive.rowOf('70000000123'))).toBe('CANCELED');
  });
});
