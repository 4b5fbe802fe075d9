import { describe, expect, it } from 'vitest';
import {
  sampleOrderUpdate,
  sampleOtoPair,
  sampleOrderView,
} from '../../../test/fakes/order-updates.ts';
import { packLongLists, PACK_MIN_RECORDS, unpackLongLists } from './packed-records.ts';

const noPause = () => Promise.resolve();

/** What the page gets: the packed value through JSON text, unpacked. */
async function roundTrip(value: unknown): Promise<{ back: unknown; packedChars: number }> {
  const packed = await packLongLists(value, noPause);
  const text = JSON.stringify(packed ?? value);
  return { back: unpackLongLists(JSON.parse(text)), packedChars: text.length };
}

/** Orders as a long session has them: ids and times rising, fills, OTO legs, marks. */
function sessionOrders(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const t = 1_747_800_000_000 + i * 997;
    const id = String(7_000_000_000 + i * 3);
    const filled = i % 3 === 0;
    return sampleOrderView(
      {
        orderId: id,
        clientOrderId: `web_${id.padStart(32, '0')}`,
        eventTimeMs: t + 250,
        orderCreationTimeMs: t,
        status: filled ? 'FILLED' : 'CANCELED',
        cumulativeFilledQty: filled ? '12.34' : '0',
        price: `0.8${i % 17}`,
        commission: filled ? '0.0000123' : null,
        tradeId: filled ? String(90_000 + i) : '0',
        eventId: 5_000_000 + i * 2,
        orderListId: i % 10 === 0 ? String(400 + i) : null,
      },
      {
        updateCount: 1 + (i % 4),
        firstSeenAtMs: t + 3,
        lastReceivedAtMs: t + 260.5,
        statusUnknown: i % 50 === 7 ? { code: 'NOT_OPEN_ON_EXCHANGE', sinceMs: t + 9_000 } : null,
        placedByStrategy: i % 5 === 0,
      },
    );
  });
}

describe('packed records', () => {
  it('gives back every order of a long snapshot as it was, in a small part of its JSON', async () => {
    const orders = sessionOrders(2_000);
    const [working, pending] = sampleOtoPair('77', '9000000001');
    orders.push(
      sampleOrderView(working, { otoPeerOrderId: pending.orderId }),
      sampleOrderView(pending, { otoPeerOrderId: working.orderId }),
    );
    const snapshot = {
      connection: { accountId: 'a1', state: 'live' },
      orders,
      fills: orders.map((o) => ({ orderId: o.last.orderId, qty: '1', price: o.last.price })),
      stats: { updatesReceived: 4_000 },
    };
    const { back, packedChars } = await roundTrip(snapshot);
    expect(back).toEqual(snapshot);
    // Same keys, same order, as the page's code and its tests expect of a view.
    const first = (back as typeof snapshot).orders[0]!;
    expect(Object.keys(first)).toEqual(Object.keys(orders[0]!));
    expect(Object.keys(first.last)).toEqual(Object.keys(orders[0]!.last));
    expect(packedChars).toBeLessThan(JSON.stringify(snapshot).length / 5);
  });

  it('keeps values exactly: ids with leading zeros or past 15 digits, floats, -1, mixed types, nulls', async () => {
    const rows = Array.from({ length: PACK_MIN_RECORDS * 2 }, (_, i) => ({
      id: i % 2 === 0 ? String(i) : `0${i}`,
      big: String(10n ** 17n + BigInt(i)),
      float: i / 3,
      negative: -1 - i,
      mixed: i % 3 === 0 ? 'x' : i % 3 === 1 ? 1 : null,
      unique: `u${i}`,
      nested: i % 2 === 0 ? { a: i } : null,
      list: [i, 'a'],
      flag: true,
      huge: i === 5 ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER,
    }));
    expect((await roundTrip(rows)).back).toEqual(rows);
  });

  it('leaves short lists, lists of other shapes and lists with an undefined field as plain JSON', async () => {
    const short = { orders: [sampleOrderView()] };
    expect(await packLongLists(short, noPause)).toBeNull();
    const shapes = Array.from({ length: PACK_MIN_RECORDS }, (_, i) =>
      i === 9 ? { a: 1, b: 2 } : { a: i },
    );
    expect(await packLongLists(shapes, noPause)).toBeNull();
    const holes = Array.from({ length: PACK_MIN_RECORDS }, (_, i) => ({
      a: i === 3 ? undefined : i,
    }));
    expect(await packLongLists(holes, noPause)).toBeNull();
    const numbers = Array.from({ length: 500 }, (_, i) => i);
    expect(await packLongLists({ numbers }, noPause)).toBeNull();
  });

  it('finds long lists inside a reply and packs only them', async () => {
    const updates = Array.from({ length: PACK_MIN_RECORDS }, (_, i) =>
      sampleOrderUpdate({ orderId: String(i + 1) }),
    );
    const reply = { sessions: [{ id: 's1', replay: { updates } }], note: 'kept' };
    const packed = (await packLongLists(reply, noPause)) as typeof reply;
    expect(packed.note).toBe('kept');
    expect(Array.isArray(packed.sessions[0]!.replay.updates)).toBe(false);
    expect(reply.sessions[0]!.replay.updates).toBe(updates);
    expect((await roundTrip(reply)).back).toEqual(reply);
  });

  it('pauses between columns, so a host can serve other work while it packs', async () => {
    let pauses = 0;
    await packLongLists(sessionOrders(PACK_MIN_RECORDS), async () => void pauses++);
    // Every column of the order and of its last update.
    expect(pauses).toBeGreaterThan(Object.keys(sampleOrderUpdate()).length);
  });
});
