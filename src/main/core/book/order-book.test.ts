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
    expect(book.get('51481849')!.current.status).toBe('FILLED');
    expect(book.get('51481850')!.current).toMatchObject({
      status: 'FILLED',
      cumulativeFilledQty: '869.47000000',
    });
    expect(book.linkedOrders('51481849').map((o) => o.orderId)).toEqual(['51481850']);
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
    const record = book.get('51481849')!;
    expect(record.current.status).toBe('FILLED');
    expect(record.statuses).toEqual(['FILLED', 'NEW']);
    expect(book.statistics()).toMatchObject({ updates: 2, late: 1, ordersByStatus: { FILLED: 1 } });
  });

  it('never leaves a terminal status even for a higher event id', () => {
    const book = new OrderBook();
    book.apply(sellFilled);
    expect(book.apply({ ...sellPartial, eventId: sellFilled.eventId + 10 }).outcome).toBe('late');
    expect(book.get('51481850')!.current.status).toBe('FILLED');
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

  it('counts a fill once when a backfill recorded it before the stream frame arrived', () => {
    const book = new OrderBook();
    book.apply(buyNew);
    // After a reconnect, REST reconciliation records the missed fill as one TRADE...
    expect(book.apply({ ...buyFilled, eventId: buyNew.eventId }, 'backfill').outcome).toBe(
      'applied',
    );
    // ...and then the stream's own frame for that fill arrives after all.
    expect(book.apply(buyFilled).outcome).toBe('late');
    expect(book.get('51481849')!.current.status).toBe('FILLED');
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

describe('OrderBook keeps ended orders compactly', () => {
  it('gives an ended order back exactly as its last update, with its history of statuses', () => {
    const book = new OrderBook();
    for (const u of updates) book.apply(u, 'stream', u.eventTimeMs + 5);
    const sell = book.get('51481850')!;
    expect(sell.current).toEqual(sellFilled);
    expect(sell.statuses).toEqual(['PENDING', 'NEW', 'PARTIALLY_FILLED', 'FILLED']);
    expect(sell.commissions).toEqual([sellPartial.commission, sellFilled.commission]);
    expect(sell).toMatchObject({
      orderListId: '89863105',
      countedFilledQty: '869.47000000',
      lastSource: 'stream',
      firstSeenAtMs: sellPending.eventTimeMs + 5,
      lastReceivedAtMs: sellFilled.eventTimeMs + 5,
    });
    expect(book.openOrders()).toEqual([]);
    expect(book.list().map((r) => r.current)).toEqual([buyFilled, sellFilled]);
  });

  it('still tells a repeat from a late frame of an ended order', () => {
    const book = new OrderBook();
    book.apply(sellNew);
    book.apply(sellFilled);
    expect(book.apply(sellFilled).outcome).toBe('duplicate');
    expect(book.apply(sellPartial).outcome).toBe('late');
    expect(book.apply(sellPartial).outcome).toBe('duplicate');
    expect(book.get('51481850')!.current).toEqual(sellFilled);
    expect(book.openOrders()).toEqual([]);
  });

  it('keeps text with a separator character whole', () => {
    const book = new OrderBook();
    const odd = { ...buyFilled, clientOrderId: 'web_\u001f_odd' };
    book.apply(odd);
    expect(book.get(odd.orderId)!.current).toEqual(odd);
  });
});
