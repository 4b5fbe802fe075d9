import { describe, expect, it } from 'vitest';
import type { OrderUpdate } from '../../../shared/domain/order-update.ts';
import { readFixture } from '../../../../test/fakes/fixture-http-server.ts';
import { parseFrame } from '../parser/index.ts';
import { ConnectionCounter, OrderBook } from './index.ts';

const updates: OrderUpdate[] = readFixture('ws/oto-buy-fill-then-sell-fill.jsonl')
  .trim()
  .split('\n')
  .map((line) => {
    const parsed = parseFrame(line);
    if (parsed.kind !== 'order-update') throw new Error('fixture frame is not an update');
    return parsed.update;
  });
const [buyNew, sellPending, buyFilled, sellNew, sellPartial, sellFilled] = updates as [
  OrderUpdate,
  OrderUpdate,
  OrderUpdate,
  OrderUpdate,
  OrderUpdate,
  OrderUpdate,
];

describe('OrderBook', () => {
  it('follows the captured OTO life cycle to two FILLED legs linked by il', () => {
    const book = new OrderBook();
    expect(updates.map((u) => book.apply(u).outcome)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
    expect(book.statusOf('51481849')).toBe('FILLED');
    expect(book.ended('51481850')).toMatchObject({
      status: 'FILLED',
      countedFilledQty: '869.47000000',
    });
    expect(book.peerOf('51481849')).toBe('51481850');
    // Both legs ended: neither is an open record any more.
    expect(book.get('51481849')).toBeUndefined();
    expect(book.linkedOrders('51481849')).toEqual([]);
    const stats = book.statistics();
    expect(stats).toMatchObject({
      updates: 6,
      orders: 2,
      byStatus: { NEW: 2, PENDING: 1, FILLED: 2, PARTIALLY_FILLED: 1 },
      ordersByStatus: { FILLED: 2 },
      duplicates: 0,
      late: 0,
      fills: 3,
    });
    // Exact decimal sums: 869.56 bought; 200 + 669.47 sold; quote 197.30724223 + 45.380936 + 151.90587611.
    expect(stats.volumeBySymbol.ALPHA_373USDT).toEqual({
      fills: 3,
      base: '1739.03',
      quote: '394.59405434',
    });
    expect(stats.quoteVolumeByAsset).toEqual({ USDT: '394.59405434' });
    expect(stats.feesByAsset).toEqual({ ALPHA_373: '0.086956', USDT: '0.01972868' });
  });

  it('drops and counts duplicates (same event id)', () => {
    const book = new OrderBook();
    book.apply(buyNew);
    expect(book.apply(buyNew).outcome).toBe('duplicate');
    expect(book.apply({ ...buyNew }).outcome).toBe('duplicate');
    expect(book.statistics()).toMatchObject({
      updates: 1,
      duplicates: 1 + 1,
      byStatus: { NEW: 1 },
    });
  });

  it('keeps a late event in history but never moves the state backwards', () => {
    const book = new OrderBook();
    book.apply(buyFilled);
    expect(book.apply(buyNew).outcome).toBe('late');
    expect(book.ended('51481849')).toMatchObject({ status: 'FILLED', updateCount: 2 });
    expect(book.statistics()).toMatchObject({ updates: 2, late: 1, ordersByStatus: { FILLED: 1 } });
  });

  it('never leaves a terminal status even for a higher event id', () => {
    const book = new OrderBook();
    book.apply(sellFilled);
    expect(book.apply({ ...sellPartial, eventId: sellFilled.eventId + 10 })).toMatchObject({
      outcome: 'late',
      reason: 'after-terminal',
    });
    expect(book.apply({ ...sellPartial, eventId: sellFilled.eventId - 10 })).toMatchObject({
      outcome: 'late',
      reason: 'older-event',
    });
    expect(book.statusOf('51481850')).toBe('FILLED');
  });

  it('counts a late fill toward volume once', () => {
    const book = new OrderBook();
    book.apply(sellNew);
    book.apply(sellFilled);
    expect(book.apply(sellPartial).outcome).toBe('late');
    expect(book.apply(sellPartial).outcome).toBe('duplicate');
    expect(book.statistics().volumeBySymbol.ALPHA_373USDT).toEqual({
      fills: 2,
      base: '869.47',
      quote: '197.28681211',
    });
  });

  it('applies a backfill only when it moves the order forward', () => {
    const book = new OrderBook();
    book.apply(buyNew);
    book.apply(sellPending);
    const backfill: OrderUpdate = { ...buyFilled, eventId: buyNew.eventId };
    expect(book.apply(backfill, 'backfill').outcome).toBe('applied');
    expect(book.apply(backfill, 'backfill').outcome).toBe('duplicate');
    expect(book.apply({ ...sellPending }, 'backfill').outcome).toBe('duplicate');
    expect(book.apply({ ...sellNew, eventId: 0 }, 'backfill').outcome).toBe('applied');
    expect(book.statistics()).toMatchObject({
      updates: 4,
      backfilled: 2,
      ordersByStatus: { FILLED: 1, NEW: 1 },
    });
  });

  it('a backfill in a known status moves an order whose status from the stream it could not read', () => {
    const book = new OrderBook();
    book.apply(buyNew);
    const unread: OrderUpdate = {
      ...buyNew,
      eventId: buyNew.eventId + 1,
      status: 'UNRECOGNIZED',
      rawStatus: 'HALTED',
    };
    book.apply(unread);
    // The same unknown value from REST adds nothing; the known status it lists moves it.
    expect(book.apply({ ...unread }, 'backfill').outcome).toBe('duplicate');
    expect(book.apply({ ...buyNew }, 'backfill').outcome).toBe('applied');
    expect(book.statusOf(buyNew.orderId)).toBe('NEW');
  });

  it('counts a fill once when a backfill recorded it before the stream frame arrived', () => {
    const book = new OrderBook();
    book.apply(buyNew);
    // After a reconnect, REST reconciliation records the missed fill as one TRADE...
    expect(book.apply({ ...buyFilled, eventId: buyNew.eventId }, 'backfill').outcome).toBe(
      'applied',
    );
    // ...and then the stream's own frame for that fill arrives after all.
    expect(book.apply(buyFilled).outcome).toBe('late');
    expect(book.statusOf('51481849')).toBe('FILLED');
    const stats = book.statistics();
    expect(stats).toMatchObject({ fills: 1, ordersByStatus: { FILLED: 1 } });
    expect(stats.volumeBySymbol.ALPHA_373USDT).toEqual({
      fills: 1,
      base: '869.56',
      quote: '197.30724223',
    });
    expect(stats.feesByAsset).toEqual({ ALPHA_373: '0.086956' });
  });

  it('does not count older stream fills that a backfill already covered', () => {
    const book = new OrderBook();
    book.apply(sellNew);
    const backfill: OrderUpdate = {
      ...sellFilled,
      eventId: sellNew.eventId,
      lastFilledQty: '869.47',
      lastQuoteQty: '197.28681211',
      commission: '0.01972868',
    };
    expect(book.apply(backfill, 'backfill').outcome).toBe('applied');
    expect(book.apply(sellPartial).outcome).toBe('late');
    expect(book.apply(sellFilled).outcome).toBe('late');
    const stats = book.statistics();
    expect(stats.volumeBySymbol.ALPHA_373USDT).toEqual({
      fills: 1,
      base: '869.47',
      quote: '197.28681211',
    });
    expect(stats.feesByAsset).toEqual({ USDT: '0.01972868' });
  });

  it('counts only the part of a stream fill above what a backfill covered, fees in proportion', () => {
    const book = new OrderBook();
    book.apply(sellNew);
    const halfway: OrderUpdate = {
      ...sellPartial,
      eventId: sellNew.eventId,
      lastFilledQty: '100',
      cumulativeFilledQty: '100',
      lastQuoteQty: '22.690468',
      cumulativeQuoteQty: '22.690468',
      commission: '0.00226905',
    };
    book.apply(halfway, 'backfill');
    expect(book.apply(sellPartial).outcome).toBe('applied');
    expect(book.apply(sellFilled).outcome).toBe('applied');
    const stats = book.statistics();
    // Same totals as without the gap: 869.47 sold for 197.28681211 USDT.
    expect(stats.volumeBySymbol.ALPHA_373USDT).toEqual({
      fills: 3,
      base: '869.47',
      quote: '197.28681211',
    });
    expect(stats.feesByAsset).toEqual({ USDT: '0.019728685' });
  });

  it('links OTO legs whichever arrives first', () => {
    const book = new OrderBook();
    book.apply(sellPending);
    book.apply(buyNew);
    expect(book.linkedOrders('51481850').map((o) => o.orderId)).toEqual(['51481849']);
    expect(book.linkedOrders('nope')).toEqual([]);
    expect(book.peerOf('nope')).toBeNull();
  });

  it('says why: each verdict carries a reason code and what it counted', () => {
    const book = new OrderBook();
    expect(book.apply(buyNew)).toEqual({ outcome: 'applied', reason: 'first-seen', counted: null });
    expect(book.apply(buyNew)).toEqual({
      outcome: 'duplicate',
      reason: 'repeated-event',
      counted: null,
    });
    const backfill = book.apply({ ...buyFilled, eventId: buyNew.eventId }, 'backfill');
    expect(backfill).toMatchObject({ outcome: 'applied', reason: 'moves-forward' });
    expect(backfill.counted?.base).toBe('869.56000000');
    expect(book.apply({ ...buyFilled }, 'backfill')).toMatchObject({ reason: 'adds-nothing' });
    // The stream's own FILLED after the backfill's: late, and its fill is not counted twice.
    expect(book.apply(buyFilled)).toEqual({
      outcome: 'late',
      reason: 'after-terminal',
      counted: null,
    });
    expect(book.statistics()).toMatchObject({ updates: 3, duplicates: 2, late: 1, fills: 1 });
  });
});

describe('ConnectionCounter', () => {
  it('counts a reconnect per return to live and a gap per lost live stream, once each', () => {
    const counter = new ConnectionCounter();
    for (const state of [
      'connecting',
      'subscribing',
      'live',
      'live', // re-announced (listen key renewed): nothing
      'reconnecting',
      'connecting',
      'reconnecting', // a failed attempt: still the same gap
      'subscribing',
      'live',
      'stopping',
      'stopped',
    ] as const)
      counter.onState(state);
    expect(counter.counts()).toEqual({ reconnects: 1, gaps: 1 });
  });
});

describe('OrderBook keeps of an ended order only what judging and the live view need', () => {
  it('keeps counts, times, source, OTO ids and the counted quantity; the journal keeps the rest', () => {
    const book = new OrderBook();
    for (const u of updates) book.apply(u, 'stream', u.eventTimeMs + 5);
    expect(book.ended('51481850')).toEqual({
      orderId: '51481850',
      status: 'FILLED',
      updateCount: 4,
      firstSeenAtMs: sellPending.eventTimeMs + 5,
      lastReceivedAtMs: sellFilled.eventTimeMs + 5,
      lastSource: 'stream',
      eventId: sellFilled.eventId,
      eventIds: [sellPending, sellNew, sellPartial, sellFilled].map((u) => u.eventId),
      countedFilledQty: '869.47000000',
      orderListId: '89863105',
      peerOrderId: '51481849',
    });
    expect(book.ended('51481849')).toMatchObject({ updateCount: 2, peerOrderId: '51481850' });
    expect(book.openOrders()).toEqual([]);
    expect(book.size).toBe(2);
    expect(book.ended('nope')).toBeUndefined();
    expect(book.statusOf('nope')).toBeUndefined();
  });

  it('an open order is a full record until it ends', () => {
    const book = new OrderBook();
    book.apply(sellNew, 'stream', 1_000);
    book.apply(sellPartial, 'stream', 2_000);
    expect(book.ended('51481850')).toBeUndefined();
    expect(book.get('51481850')).toMatchObject({
      current: sellPartial,
      updateCount: 2,
      commissions: [sellPartial.commission],
      firstSeenAtMs: 1_000,
      lastReceivedAtMs: 2_000,
    });
    expect(book.openOrders().map((r) => r.orderId)).toEqual(['51481850']);
  });

  it('still tells a repeat from a late frame of an ended order, and counts its late fill once', () => {
    const book = new OrderBook();
    book.apply(sellNew);
    book.apply(sellFilled);
    expect(book.apply(sellFilled).outcome).toBe('duplicate');
    expect(book.apply(sellNew).outcome).toBe('duplicate');
    expect(book.apply(sellPartial).outcome).toBe('late');
    expect(book.apply(sellPartial).outcome).toBe('duplicate');
    expect(book.apply({ ...sellPartial }, 'backfill').outcome).toBe('duplicate');
    expect(book.ended('51481850')).toMatchObject({ status: 'FILLED', updateCount: 3 });
    expect(book.statistics()).toMatchObject({ updates: 3, late: 1, duplicates: 4 });
  });

  it('counts a late fill above what was counted when the order ended (exact decimals)', () => {
    const book = new OrderBook();
    book.apply(sellNew);
    // A FILLED frame whose own fill is only the first 200: 669.47 above it not counted yet.
    book.apply({
      ...sellFilled,
      lastFilledQty: '200',
      cumulativeFilledQty: '200',
      lastQuoteQty: '45.380936',
    });
    const late = book.apply({
      ...sellFilled,
      eventId: sellFilled.eventId + 1,
      cumulativeFilledQty: '869.47000000',
    });
    expect(late).toMatchObject({ outcome: 'late', counted: { base: '669.47000000' } });
    expect(book.ended('51481850')!.countedFilledQty).toBe('869.47000000');
    expect(book.statistics().volumeBySymbol.ALPHA_373USDT).toEqual({
      fills: 2,
      base: '869.47',
      quote: '197.28681211',
    });
  });

  it('an OTO leg that ended before its peer appeared learns the peer when it does', () => {
    const book = new OrderBook();
    book.apply(buyNew);
    book.apply(buyFilled);
    expect(book.peerOf('51481849')).toBeNull();
    book.apply(sellNew);
    expect(book.peerOf('51481849')).toBe('51481850');
    expect(book.ended('51481849')!.peerOrderId).toBe('51481850');
    expect(book.linkedOrders('51481849').map((o) => o.orderId)).toEqual(['51481850']);
  });

  it('follows a journal read back the same way (replay), ended orders included', () => {
    const live = new OrderBook();
    const replayed = new OrderBook();
    for (const u of [...updates, sellPartial, buyNew]) {
      const verdict = live.apply(u, 'stream', u.eventTimeMs);
      replayed.replay(u, 'stream', verdict, u.eventTimeMs);
    }
    expect(replayed.statistics()).toEqual(live.statistics());
    expect(replayed.ended('51481850')).toEqual(live.ended('51481850'));
    expect(replayed.ended('51481849')).toEqual(live.ended('51481849'));
  });

  it('a replayed book counts a late fill into a hole as the live book does (holes rebuilt on replay)', () => {
    const live = new OrderBook();
    const replayed = new OrderBook();
    const fill = (eventId: number, l: string, z: string): OrderUpdate => ({
      ...sellPartial,
      eventId,
      lastFilledQty: l,
      cumulativeFilledQty: z,
      lastQuoteQty: l,
    });
    // Fill 200 → 500 is seen after 500 → 600: a hole below the counted mark.
    for (const u of [
      sellNew,
      fill(sellNew.eventId + 1, '200', '200'),
      fill(sellNew.eventId + 3, '100', '600'),
    ])
      replayed.replay(u, 'stream', live.apply(u), u.eventTimeMs);
    const late = fill(sellNew.eventId + 2, '300', '500');
    const liveVerdict = live.apply(late);
    expect(liveVerdict.counted).toMatchObject({ base: '300' });
    expect(replayed.apply(late)).toEqual(liveVerdict);
    expect(replayed.statistics()).toEqual(live.statistics());
  });

  it('keeps the values of an ended order exactly when they are not plain numbers', () => {
    const book = new OrderBook();
    const odd = { ...buyFilled, orderId: 'x-0051481849', orderListId: '8986|3105' };
    book.apply(odd, 'stream', 1.5);
    expect(book.get(odd.orderId)).toBeUndefined();
    expect(book.ended(odd.orderId)).toMatchObject({
      status: 'FILLED',
      orderListId: '8986|3105',
      firstSeenAtMs: 1.5,
      lastReceivedAtMs: 1.5,
      countedFilledQty: '869.56000000',
    });
    expect(book.apply(odd).outcome).toBe('duplicate');
  });
});
