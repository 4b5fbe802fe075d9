import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import { sampleOrderUpdate } from '../../../../test/fakes/order-updates.ts';
import type { OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { UpdateVerdict } from '../../../shared/domain/update-verdict.ts';
import type { AlertEvent } from '../alerts/alert-event.ts';
import { MonitorAlerts } from '../alerts/monitor-alerts.ts';
import { OrderBook } from '../book/order-book.ts';
import { nullLogger } from '../ports/logger.ts';
import type { OrderHistoryRow, UserTrade } from '../rest/alpha-types.ts';
import type { ReconcileApi } from './backfill.ts';
import {
  HOLE_ATTEMPTS,
  HOLED_ORDERS_PER_RUN,
  Reconciler,
  type ReconcileResult,
} from './reconciler.ts';

// An order of 10 filled in four fills of 1, 2, 3 and 4 at 0.8 (fee 0.0001 of the quantity,
// paid in the base asset): fill 3's frame is lost, fill 4 arrives live. The exchange's history
// then shows 10 filled, as the book does; only the order's own fills show what is missing.
const QTY = ['1', '2', '3', '4'];
const PRICE = '0.8';
const quoteOf = (qty: string) => new Big(qty).times(PRICE).toFixed();
const feeOf = (qty: string) => new Big(qty).times('0.0001').toFixed();

/** Fill `n` (1-based) of order `orderId` as the stream pushes it. */
function fillFrame(n: number, orderId = '1001'): OrderUpdate {
  const z = QTY.slice(0, n).reduce((s, q) => s.plus(q), new Big(0));
  const l = QTY[n - 1]!;
  return sampleOrderUpdate({
    orderId,
    quantity: '10',
    eventId: 1 + n,
    eventTimeMs: 1_750_000_000_000 + n,
    executionType: 'TRADE',
    status: z.eq(10) ? 'FILLED' : 'PARTIALLY_FILLED',
    lastFilledQty: l,
    cumulativeFilledQty: z.toFixed(),
    lastFilledPrice: PRICE,
    lastQuoteQty: quoteOf(l),
    cumulativeQuoteQty: quoteOf(z.toFixed()),
    commission: feeOf(l),
    commissionAsset: 'ALPHA_373',
    tradeId: String(700 + n),
  });
}

/** The order's fills as get-user-trades lists them: newest first (captured). */
function listedTrades(orderId = '1001', fills = QTY.length): UserTrade[] {
  return QTY.slice(0, fills)
    .map((qty, i) => ({
      symbol: 'ALPHA_373USDT',
      id: String(700 + i + 1),
      orderId,
      tradeId: String(700 + i + 1),
      side: 'BUY' as const,
      price: PRICE,
      qty,
      quoteQty: quoteOf(qty),
      commission: feeOf(qty),
      commissionAsset: 'ALPHA_373',
      time: 1_750_000_000_000 + i + 1,
      pageId: String(9_000 + i + 1),
      buyer: true,
      baseAsset: 'ALPHA_373',
      quoteAsset: 'USDT',
      orderType: 'LIMIT',
      lastTrade: i === QTY.length - 1,
    }))
    .reverse();
}

function historyRow(orderId = '1001', executedQty = '10'): OrderHistoryRow {
  return {
    orderId,
    symbol: 'ALPHA_373USDT',
    status: executedQty === '10' ? 'FILLED' : 'PARTIALLY_FILLED',
    price: '0.81234567',
    avgPrice: PRICE,
    origQty: '10',
    executedQty,
    cumQuote: quoteOf(executedQty),
    type: 'LIMIT',
    side: 'BUY',
    time: 1_750_000_000_000,
    updateTime: 1_750_000_000_004,
    orderListId: '-1',
    baseAsset: 'ALPHA_373',
    quoteAsset: 'USDT',
  };
}

function setup(intervalMs = 60_000) {
  const clock = new FakeClock(1_750_000_100_000);
  const book = new OrderBook();
  const exchange = {
    history: [] as OrderHistoryRow[],
    trades: [] as UserTrade[],
    tradeQueries: [] as string[],
    /** User-trades calls still to fail with no answer (a network error). */
    tradeFailures: 0,
  };
  const api: ReconcileApi = {
    getOpenOrders: () => Promise.resolve([]),
    getAllOrderHistory: () => Promise.resolve(exchange.history),
    getUserTrades: (q) => {
      exchange.tradeQueries.push(q.orderId ?? '');
      if (exchange.tradeFailures > 0) {
        exchange.tradeFailures--;
        return Promise.reject(Object.assign(new Error('socket hang up'), { code: 'NETWORK' }));
      }
      return Promise.resolve(exchange.trades);
    },
  };
  const results: ReconcileResult[] = [];
  const verdicts: Array<{ update: OrderUpdate; verdict: UpdateVerdict }> = [];
  let replaced = 0;
  const feed = (update: OrderUpdate, source: 'stream' | 'backfill' = 'stream') => {
    const verdict = book.apply(update, source);
    verdicts.push({ update, verdict });
    return verdict;
  };
  const reconciler = new Reconciler({
    api,
    book,
    clock,
    logger: nullLogger,
    apply: (update) => feed(update, 'backfill').outcome,
    isLive: () => true,
    replaceStream: () => void replaced++,
    onResult: (r) => void results.push(r),
    settings: { graceMs: 1_000, intervalMs, idleIntervalMs: intervalMs },
  });
  /** Places the order and streams fills 1, 2 and 4 (fill 3's frame lost). */
  const streamWithFill3Lost = (orderId = '1001') => {
    feed(sampleOrderUpdate({ orderId, quantity: '10' }));
    for (const n of [1, 2, 4]) feed(fillFrame(n, orderId));
  };
  const reconcile = async () => {
    reconciler.schedule('gap', clock.now(), clock.now());
    await clock.advance(0);
  };
  const counted = (what: 'base' | 'quote' | 'fee') =>
    verdicts
      .map((v) => v.verdict.counted?.[what] ?? '0')
      .reduce((s, v) => s.plus(v), new Big(0))
      .toFixed();
  return {
    clock,
    book,
    exchange,
    results,
    verdicts,
    reconciler,
    feed,
    streamWithFill3Lost,
    reconcile,
    counted,
    replaced: () => replaced,
  };
}

describe('reconciliation fills a hole below the counted quantity', () => {
  it("recovers a fill lost below a later one from the order's fills: volume and fees of every fill, once", async () => {
    const t = setup();
    t.streamWithFill3Lost();
    t.exchange.history = [historyRow()];
    t.exchange.trades = listedTrades();
    // Without the order's fills nothing looks missing: the book has the exchange's 10 filled.
    expect(t.book.ended('1001')).toMatchObject({ status: 'FILLED', countedFilledQty: '10' });
    expect(t.counted('base')).toBe('7');
    await t.reconcile();
    expect(t.exchange.tradeQueries).toEqual(['1001']);
    expect(t.counted('base')).toBe('10');
    expect(t.book.statistics()).toMatchObject({
      quoteVolumeByAsset: { USDT: quoteOf('10') },
      feesByAsset: { ALPHA_373: feeOf('10') },
    });
    expect(t.verdicts.at(-1)).toMatchObject({
      update: { lastFilledQty: '3', cumulativeFilledQty: '6', commission: feeOf('3') },
      verdict: { outcome: 'late', counted: { base: '3', quote: quoteOf('3'), fee: feeOf('3') } },
    });
    expect(t.results.at(-1)).toMatchObject({ backfilled: 1 });
    expect(t.book.ordersWithFillHoles()).toEqual([]);
    // The lost frame turning up after all counts nothing more; nor is the order asked again.
    expect(t.feed(fillFrame(3)).counted).toBeNull();
    await t.reconcile();
    expect(t.exchange.tradeQueries).toEqual(['1001']);
    expect(t.book.statistics().feesByAsset).toEqual({ ALPHA_373: feeOf('10') });
  });

  it('an open order: the recovered fill counts, the order stays as the stream left it', async () => {
    const t = setup();
    t.feed(sampleOrderUpdate({ quantity: '10' }));
    for (const n of [1, 2]) t.feed(fillFrame(n));
    // Fill 4 of a longer order: 10 of 20 filled so far.
    t.feed({ ...fillFrame(4), quantity: '20', status: 'PARTIALLY_FILLED' });
    t.exchange.history = [{ ...historyRow(), origQty: '20', status: 'PARTIALLY_FILLED' }];
    t.exchange.trades = listedTrades();
    await t.reconcile();
    expect(t.counted('base')).toBe('10');
    expect(t.verdicts.at(-1)!.verdict).toMatchObject({ outcome: 'late', reason: 'fill-behind' });
    expect(t.book.get('1001')!.current).toMatchObject({ eventId: 5, cumulativeFilledQty: '10' });
  });

  it('asks nothing when the late frame arrived before reconciliation', async () => {
    const t = setup();
    t.streamWithFill3Lost();
    t.feed(fillFrame(3));
    t.exchange.history = [historyRow()];
    t.exchange.trades = listedTrades();
    await t.reconcile();
    expect(t.exchange.tradeQueries).toEqual([]);
    expect(t.counted('base')).toBe('10');
  });

  it('leaves out fills of other orders and a fill listed twice', async () => {
    const t = setup();
    t.streamWithFill3Lost();
    t.exchange.history = [historyRow()];
    // An exchange that ignores orderId, and repeats a fill on overlapping pages.
    const [, , third] = listedTrades();
    t.exchange.trades = [...listedTrades('2002'), ...listedTrades(), third!];
    await t.reconcile();
    expect(t.counted('base')).toBe('10');
    expect(t.book.statistics().feesByAsset).toEqual({ ALPHA_373: feeOf('10') });
  });

  it(`fills that do not add up to what the book counted are not placed, and after ${HOLE_ATTEMPTS} reconciliations not asked again`, async () => {
    const t = setup();
    t.streamWithFill3Lost();
    t.exchange.history = [historyRow()];
    // A list cut short (a page limit, or a listing that lags): 6 of the 10 filled.
    t.exchange.trades = listedTrades('1001', 3);
    for (let i = 0; i < HOLE_ATTEMPTS + 2; i++) await t.reconcile();
    expect(t.exchange.tradeQueries).toHaveLength(HOLE_ATTEMPTS);
    expect(t.counted('base')).toBe('7');
    expect(t.book.ordersWithFillHoles()).toEqual([
      { orderId: '1001', symbol: 'ALPHA_373USDT', holes: [['3', '6']] },
    ]);
    // The user is told once, when it is left alone, and it stays counted while the hole is open.
    expect(t.results.map((r) => r.fillsNotRecovered)).toEqual([[], [], ['1001'], [], []]);
    expect(t.reconciler.fillsNotRecoveredOrders()).toEqual(['1001']);
  });

  it('an order left alone asks again once its holes change: a late frame closing part of them, then the rest recovered', async () => {
    const t = setup();
    // Fills 2 and 3 lost: a hole from 1 to 6; the exchange lists only the first 3 fills.
    t.feed(sampleOrderUpdate({ orderId: '1001', quantity: '10' }));
    for (const n of [1, 4]) t.feed(fillFrame(n));
    t.exchange.history = [historyRow()];
    t.exchange.trades = listedTrades('1001', 3);
    for (let i = 0; i < HOLE_ATTEMPTS + 1; i++) await t.reconcile();
    expect(t.exchange.tradeQueries).toHaveLength(HOLE_ATTEMPTS);
    expect(t.reconciler.fillsNotRecoveredOrders()).toEqual(['1001']);
    // Fill 2's frame comes late: what is left (3 to 6) is a hole the exchange was not asked about.
    t.feed(fillFrame(2));
    expect(t.book.ordersWithFillHoles()).toEqual([
      { orderId: '1001', symbol: 'ALPHA_373USDT', holes: [['3', '6']] },
    ]);
    expect(t.reconciler.fillsNotRecoveredOrders()).toEqual([]);
    t.exchange.trades = listedTrades();
    await t.reconcile();
    expect(t.exchange.tradeQueries).toHaveLength(HOLE_ATTEMPTS + 1);
    expect(t.book.ordersWithFillHoles()).toEqual([]);
    expect(t.counted('base')).toBe('10');
  });

  it('an order left alone with its hole is no longer counted once a late frame closes it', async () => {
    const t = setup();
    t.streamWithFill3Lost();
    t.exchange.history = [historyRow()];
    t.exchange.trades = listedTrades('1001', 3);
    for (let i = 0; i < HOLE_ATTEMPTS; i++) await t.reconcile();
    expect(t.reconciler.fillsNotRecoveredOrders()).toEqual(['1001']);
    t.feed(fillFrame(3, '1001'));
    expect(t.book.ordersWithFillHoles()).toEqual([]);
    expect(t.reconciler.fillsNotRecoveredOrders()).toEqual([]);
  });

  it(`asks the fills of at most ${HOLED_ORDERS_PER_RUN} orders per reconciliation; the rest the next time`, async () => {
    const t = setup();
    const ids = Array.from({ length: HOLED_ORDERS_PER_RUN + 2 }, (_, i) => String(3001 + i));
    for (const id of ids) t.streamWithFill3Lost(id);
    t.exchange.history = ids.map((id) => historyRow(id));
    t.exchange.trades = ids.flatMap((id) => listedTrades(id));
    await t.reconcile();
    expect(t.exchange.tradeQueries).toHaveLength(HOLED_ORDERS_PER_RUN);
    await t.reconcile();
    expect(t.exchange.tradeQueries.sort()).toEqual(ids);
    expect(t.counted('base')).toBe(String(10 * ids.length));
    expect(t.book.ordersWithFillHoles()).toEqual([]);
  });

  it('on the clock, a recovered fill is missed by the stream (stream replaced); a frame during the grace period is not', async () => {
    const t = setup();
    t.streamWithFill3Lost();
    t.exchange.history = [historyRow()];
    t.exchange.trades = listedTrades();
    t.reconciler.startClock();
    await t.clock.advance(60_000);
    await t.clock.advance(1_000); // the grace period
    expect(t.results.at(-1)).toMatchObject({ trigger: 'clock', backfilled: 1, missedByStream: 1 });
    expect(t.replaced()).toBe(1);

    const u = setup();
    u.streamWithFill3Lost();
    u.exchange.history = [historyRow()];
    u.exchange.trades = listedTrades();
    u.reconciler.startClock();
    await u.clock.advance(60_000);
    u.feed(fillFrame(3));
    await u.clock.advance(1_000);
    expect(u.results.at(-1)).toMatchObject({ trigger: 'clock', backfilled: 0, missedByStream: 0 });
    expect(u.exchange.tradeQueries).toEqual([]);
    expect(u.replaced()).toBe(0);
  });

  it('a journal read back (the verdicts followed) counts the recovered fill as live did', async () => {
    const t = setup();
    t.streamWithFill3Lost();
    t.exchange.history = [historyRow()];
    t.exchange.trades = listedTrades();
    await t.reconcile();
    const replayed = new OrderBook();
    for (const [i, { update, verdict }] of t.verdicts.entries()) {
      const source = i === t.verdicts.length - 1 ? 'backfill' : 'stream';
      replayed.replay(update, source, verdict, update.eventTimeMs);
    }
    expect(replayed.statistics()).toEqual(t.book.statistics());
    expect(replayed.ordersWithFillHoles()).toEqual([]);
  });
});

describe('the fee of a backfill beside a hole', () => {
  /** Places the order and streams fills 1 and 3 (fill 2's frame lost: a hole (1, 3]). */
  const streamWithFill2Lost = (t: ReturnType<typeof setup>) => {
    t.feed(sampleOrderUpdate({ orderId: '1001', quantity: '10' }));
    for (const n of [1, 3]) t.feed(fillFrame(n));
  };

  it("is the fee of the fills it brings, not the hole's too (fill 2 lost, fill 4 lost as well)", async () => {
    const t = setup();
    streamWithFill2Lost(t);
    t.exchange.history = [historyRow()];
    t.exchange.trades = listedTrades();
    await t.reconcile();
    // The order's fills asked once: for the history backfill's fee and for the hole.
    expect(t.exchange.tradeQueries).toEqual(['1001']);
    expect(t.book.ordersWithFillHoles()).toEqual([]);
    expect(t.counted('base')).toBe('10');
    expect(t.counted('fee')).toBe(feeOf('10'));
    expect(t.book.statistics()).toMatchObject({
      quoteVolumeByAsset: { USDT: quoteOf('10') },
      feesByAsset: { ALPHA_373: feeOf('10') },
    });
  });

  it('is not short after the hole was filled and its frame turned up late (fill 4 lost later)', async () => {
    const t = setup();
    streamWithFill2Lost(t);
    t.exchange.history = [historyRow('1001', '6')];
    t.exchange.trades = listedTrades('1001', 3);
    await t.reconcile();
    expect(t.book.ordersWithFillHoles()).toEqual([]);
    // The delayed frame of fill 2 after all: counts nothing.
    expect(t.feed(fillFrame(2)).counted).toBeNull();
    t.exchange.history = [historyRow()];
    t.exchange.trades = listedTrades();
    await t.reconcile();
    expect(t.book.ended('1001')).toMatchObject({ status: 'FILLED', countedFilledQty: '10' });
    expect(t.counted('fee')).toBe(feeOf('10'));
    expect(t.book.statistics().feesByAsset).toEqual({ ALPHA_373: feeOf('10') });
  });

  it('a fill that straddles the mark gives the fee of its part above it', async () => {
    const t = setup();
    t.feed(sampleOrderUpdate({ orderId: '1001', quantity: '10' }));
    t.feed(fillFrame(1));
    // The stream had 1 of fill 2's 2 (split there as two frames, the second lost); history and
    // user trades show the rest: 1 of fill 2 and fill 3 (whole fills 1, 2 and 3 listed).
    t.feed({
      ...fillFrame(2),
      lastFilledQty: '1',
      cumulativeFilledQty: '2',
      lastQuoteQty: quoteOf('1'),
      cumulativeQuoteQty: quoteOf('2'),
      commission: feeOf('1'),
    });
    t.exchange.history = [historyRow('1001', '6')];
    t.exchange.trades = listedTrades('1001', 3);
    await t.reconcile();
    expect(t.counted('base')).toBe('6');
    expect(t.counted('fee')).toBe(feeOf('6'));
  });

  it("is unknown (null) when the listed fills do not add up to the exchange's filled quantity", async () => {
    const t = setup();
    t.feed(sampleOrderUpdate({ orderId: '1001', quantity: '10' }));
    t.feed(fillFrame(1));
    t.exchange.history = [historyRow('1001', '6')];
    // The oldest fill cut off: fills 2 and 3 only.
    t.exchange.trades = listedTrades('1001', 3).slice(0, 2);
    await t.reconcile();
    expect(t.verdicts.at(-1)).toMatchObject({
      update: { lastFilledQty: '5', cumulativeFilledQty: '6', commission: null },
      verdict: { outcome: 'applied', counted: { base: '5', fee: null } },
    });
  });
});

describe('a list of fills that is not provably complete', () => {
  it('missing its oldest fill (a newer one listed instead) is not placed: the hole stays open until a complete list', async () => {
    const t = setup();
    t.feed(sampleOrderUpdate({ orderId: '1001', quantity: '10' }));
    for (const n of [1, 3]) t.feed(fillFrame(n)); // fill 2 lost: a hole (1, 3]
    t.exchange.history = [historyRow('1001', '6')];
    // Fills 2, 3 and 4 (fill 4 newer than the row), fill 1 cut off: placed from 0 they would
    // put fill 2 at (0, 2] and fill 3 at (2, 5] and close the hole with the wrong fills.
    t.exchange.trades = listedTrades().slice(0, 3);
    await t.reconcile();
    expect(t.book.ordersWithFillHoles()).toEqual([
      { orderId: '1001', symbol: 'ALPHA_373USDT', holes: [['1', '3']] },
    ]);
    expect(t.counted('base')).toBe('4');
    t.exchange.trades = listedTrades('1001', 3);
    await t.reconcile();
    expect(t.book.ordersWithFillHoles()).toEqual([]);
    expect(t.verdicts.at(-1)).toMatchObject({
      update: { lastFilledQty: '2', cumulativeFilledQty: '3', commission: feeOf('2') },
      verdict: { outcome: 'late', counted: { base: '2', fee: feeOf('2') } },
    });
  });
});

describe('a user-trades call that gets no answer', () => {
  it(`counts no attempt: after ${HOLE_ATTEMPTS} network errors the next reconciliation still asks and closes the hole`, async () => {
    const t = setup();
    t.streamWithFill3Lost();
    t.exchange.history = [historyRow()];
    t.exchange.trades = listedTrades();
    t.exchange.tradeFailures = HOLE_ATTEMPTS;
    for (let i = 0; i < HOLE_ATTEMPTS; i++) await t.reconcile();
    expect(t.book.ordersWithFillHoles()).toHaveLength(1);
    expect(t.results.map((r) => r.backfilled)).toEqual(Array(HOLE_ATTEMPTS).fill(0));
    await t.reconcile();
    expect(t.exchange.tradeQueries).toHaveLength(HOLE_ATTEMPTS + 1);
    expect(t.book.ordersWithFillHoles()).toEqual([]);
    expect(t.counted('base')).toBe('10');
    expect(t.results.at(-1)).toMatchObject({ backfilled: 1 });
  });
});

describe('alerts of a fill recovered into a hole', () => {
  it('one fill alert, for the quantity counted, with the status of the order (FILLED); none for its late frame', async () => {
    const t = setup();
    const events: AlertEvent[] = [];
    const alerts = new MonitorAlerts({
      clock: t.clock,
      publish: (event) => events.push(event),
      accountDownMs: () => 60_000,
    });
    const alertFrom = (from: number) => {
      for (const { update, verdict } of t.verdicts.slice(from))
        if (verdict.outcome !== 'duplicate')
          alerts.onUpdate('a', update, verdict, t.book.statusOf(update.orderId));
    };
    t.streamWithFill3Lost();
    t.exchange.history = [historyRow()];
    t.exchange.trades = listedTrades();
    const before = t.verdicts.length;
    await t.reconcile();
    t.feed(fillFrame(3)); // the lost frame after all
    alertFrom(before);
    expect(events).toEqual([
      expect.objectContaining({ kind: 'fill', orderId: '1001', quantity: '3', status: 'FILLED' }),
    ]);
  });
});

describe('fills newer than the row listed too (the order filled on between the two calls)', () => {
  it('a hole is filled: the fills up to the row end on its filled quantity and on the mark', async () => {
    const t = setup();
    // An order of 20 (the listed fills do not add up to its quantity).
    t.feed(sampleOrderUpdate({ orderId: '1001', quantity: '20' }));
    for (const n of [1, 3]) t.feed({ ...fillFrame(n), quantity: '20' }); // fill 2 lost
    t.exchange.history = [{ ...historyRow('1001', '6'), origQty: '20' }];
    t.exchange.trades = listedTrades(); // fill 4 happened after the row was read
    await t.reconcile();
    expect(t.book.ordersWithFillHoles()).toEqual([]);
    expect(t.counted('base')).toBe('6');
    expect(t.counted('fee')).toBe(feeOf('6'));
  });

  it('a history backfill keeps the fee of the fills it brings', async () => {
    const t = setup();
    t.feed(sampleOrderUpdate({ orderId: '1001', quantity: '20' }));
    t.feed({ ...fillFrame(1), quantity: '20' });
    t.exchange.history = [{ ...historyRow('1001', '6'), origQty: '20' }];
    t.exchange.trades = listedTrades();
    await t.reconcile();
    expect(t.verdicts.at(-1)).toMatchObject({
      update: { lastFilledQty: '5', cumulativeFilledQty: '6', commission: feeOf('5') },
    });
  });

  it('a targeted query of an order part-filled and no longer listed keeps the fee of its fills', async () => {
    const t = setup();
    t.feed(sampleOrderUpdate({ orderId: '1001', quantity: '10' }));
    t.exchange.trades = listedTrades('1001', 2); // 3 of 10 filled, then cancelled in a gap
    await t.reconcile();
    expect(t.verdicts.at(-1)).toMatchObject({
      update: { lastFilledQty: '3', cumulativeFilledQty: '3', commission: feeOf('3') },
      verdict: { counted: { base: '3', fee: feeOf('3') } },
    });
  });
});

describe('a targeted query', () => {
  it('counts a fill listed twice (overlapping pages) once', async () => {
    const t = setup();
    t.feed(sampleOrderUpdate({ orderId: '1001', quantity: '10' }));
    const listed = listedTrades('1001', 2);
    t.exchange.trades = [...listed, listed[0]!];
    await t.reconcile();
    expect(t.verdicts.at(-1)).toMatchObject({
      update: { lastFilledQty: '3', cumulativeFilledQty: '3', commission: feeOf('3') },
    });
  });
});

describe('a fill recovered into a hole of an order that ended FILLED, its row outside the window', () => {
  it('says FILLED and the order quantity (the app alerts it by its own status)', async () => {
    const t = setup();
    t.streamWithFill3Lost();
    t.exchange.history = []; // the order ended before the history window
    t.exchange.trades = listedTrades();
    await t.reconcile();
    expect(t.book.ordersWithFillHoles()).toEqual([]);
    const [recovered] = t.verdicts.slice(-1);
    expect(recovered).toMatchObject({
      update: { status: 'FILLED', quantity: '10', lastFilledQty: '3', cumulativeFilledQty: '6' },
      verdict: { outcome: 'late', reason: 'after-terminal' },
    });
    const events: AlertEvent[] = [];
    const alerts = new MonitorAlerts({
      clock: t.clock,
      publish: (event) => events.push(event),
      accountDownMs: () => 60_000,
    });
    alerts.onUpdate('a', recovered!.update, recovered!.verdict);
    expect(events).toEqual([expect.objectContaining({ kind: 'fill', status: 'FILLED' })]);
  });
});
