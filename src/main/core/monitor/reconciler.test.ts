import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import { sampleOrderUpdate } from '../../../../test/fakes/order-updates.ts';
import { OrderBook } from '../book/order-book.ts';
import { nullLogger } from '../ports/logger.ts';
import type { OrderHistoryRow, UserTrade } from '../rest/alpha-types.ts';
import type { ReconcileApi } from './backfill.ts';
import { Reconciler, type ReconcileResult, type ReconcilerSettings } from './reconciler.ts';

/** An exchange answering from lists the test sets, recording every query. */
function fakeExchange() {
  const state = {
    open: [] as OrderHistoryRow[],
    history: [] as OrderHistoryRow[],
    trades: [] as UserTrade[],
    historyQueries: [] as Array<{ startTimeMs?: number; endTimeMs?: number }>,
    tradeQueries: [] as string[],
  };
  const api: ReconcileApi = {
    getOpenOrders: () => Promise.resolve(state.open),
    getAllOrderHistory: (q) => {
      state.historyQueries.push({ startTimeMs: q.startTimeMs, endTimeMs: q.endTimeMs });
      return Promise.resolve(state.history);
    },
    getUserTrades: (q) => {
      state.tradeQueries.push(q.orderId ?? '');
      return Promise.resolve(state.trades.filter((t) => t.orderId === q.orderId));
    },
  };
  return { api, state };
}

function row(overrides: Partial<OrderHistoryRow>): OrderHistoryRow {
  return {
    orderId: '1001',
    symbol: 'ALPHA_373USDT',
    status: 'NEW',
    price: '0.81234567',
    avgPrice: '0',
    origQty: '12.34',
    executedQty: '0',
    cumQuote: '0',
    type: 'LIMIT',
    side: 'BUY',
    time: 1_750_000_000_000 - 600_000,
    updateTime: 1_750_000_000_000,
    orderListId: '-1',
    baseAsset: 'ALPHA_373',
    quoteAsset: 'USDT',
    ...overrides,
  };
}

function trade(orderId: string, qty: string): UserTrade {
  return {
    symbol: 'ALPHA_373USDT',
    id: '1',
    orderId,
    tradeId: '1',
    side: 'BUY',
    price: '0.8',
    qty,
    quoteQty: '9.872',
    commission: '0.001234',
    commissionAsset: 'ALPHA_373',
    time: 1_750_000_000_000,
    pageId: '1',
    buyer: true,
    baseAsset: 'ALPHA_373',
    quoteAsset: 'USDT',
    orderType: 'LIMIT',
    lastTrade: true,
  };
}

function setup(settings: ReconcilerSettings = {}) {
  const clock = new FakeClock();
  const book = new OrderBook();
  const exchange = fakeExchange();
  const results: ReconcileResult[] = [];
  let replaced = 0;
  let live = true;
  const reconciler = new Reconciler({
    api: exchange.api,
    book,
    clock,
    logger: nullLogger,
    apply: (update) => book.apply(update, 'backfill').outcome,
    isLive: () => live,
    replaceStream: () => void replaced++,
    onResult: (r) => void results.push(r),
    settings: { graceMs: 1_000, ...settings },
  });
  return {
    clock,
    book,
    exchange,
    results,
    reconciler,
    replaced: () => replaced,
    setLive: (v: boolean) => (live = v),
  };
}

/** An order the book holds as NEW, created 10 minutes before the fake clock's start. */
function openOrder(t: ReturnType<typeof setup>, orderId = '1001') {
  t.book.apply(
    sampleOrderUpdate({ orderId, orderCreationTimeMs: t.clock.now() - 600_000 }),
    'stream',
  );
}

/** An open order whose last stream frame had `X=raw`, a status Alpha Monitor does not know. */
function unrecognizedOrder(t: ReturnType<typeof setup>, raw = 'CANCELLED', orderId = '1001') {
  openOrder(t, orderId);
  t.book.apply(
    sampleOrderUpdate({
      orderId,
      orderCreationTimeMs: t.clock.now() - 600_000,
      eventId: 2,
      status: 'UNRECOGNIZED',
      rawStatus: raw,
      executionType: 'UNRECOGNIZED',
      rawExecutionType: raw,
    }),
    'stream',
  );
}

describe('Reconciler', () => {
  it('at start, reads history from 00:00 UTC when the monitor started later that day', async () => {
    const t = setup();
    const startedAtMs = t.clock.now();
    t.reconciler.schedule('start', startedAtMs, startedAtMs);
    await t.clock.advance(0);
    const midnight = new Date(startedAtMs);
    midnight.setUTCHours(0, 0, 0, 0);
    expect(t.exchange.state.historyQueries[0]!.startTimeMs).toBeLessThanOrEqual(midnight.getTime());
  });

  it('after a gap, starts the history window no later than the oldest open order was created', async () => {
    const t = setup({ marginMs: 1_000 });
    openOrder(t);
    // Cancelled during a 5-second gap; a creation-time filter would hide it from a gap window.
    t.exchange.state.history = [row({ status: 'CANCELED' })];
    t.reconciler.schedule('gap', t.clock.now() - 5_000, t.clock.now());
    await t.clock.advance(0);
    expect(t.exchange.state.historyQueries[0]!.startTimeMs).toBeLessThanOrEqual(
      t.clock.now() - 600_000,
    );
    expect(t.book.statusOf('1001')).toBe('CANCELED');
    expect(t.results[0]).toMatchObject({ trigger: 'gap', backfilled: 1, missedByStream: 0 });
  });

  it('asks the fills of an open order no list shows: covering fills prove FILLED', async () => {
    const t = setup();
    openOrder(t);
    t.exchange.state.trades = [trade('1001', '12.34')];
    t.reconciler.schedule('gap', t.clock.now(), t.clock.now());
    await t.clock.advance(0);
    expect(t.exchange.state.tradeQueries).toEqual(['1001']);
    expect(t.book.ended('1001')).toMatchObject({
      status: 'FILLED',
      countedFilledQty: '12.34',
    });
    expect(t.reconciler.statusUnknownOf('1001')).toBeNull();
  });

  it('marks an open order the exchange cannot place as "status unknown: not open on the exchange"', async () => {
    const t = setup();
    openOrder(t);
    t.reconciler.schedule('gap', t.clock.now(), t.clock.now());
    await t.clock.advance(0);
    expect(t.reconciler.statusUnknownOf('1001')).toMatchObject({ code: 'NOT_OPEN_ON_EXCHANGE' });
    expect(t.results[0]!.statusUnknown).toEqual(['1001']);
    // The next update that moves the order clears the mark.
    t.book.apply(sampleOrderUpdate({ status: 'CANCELED', executionType: 'CANCELED', eventId: 2 }));
    expect(t.reconciler.statusUnknownOf('1001')).toBeNull();
  });

  it('on the clock, a difference counts as missed by the stream and replaces the stream', async () => {
    const t = setup({ intervalMs: 60_000 });
    openOrder(t);
    t.exchange.state.history = [row({ status: 'CANCELED' })];
    t.reconciler.startClock();
    await t.clock.advance(60_000);
    await t.clock.advance(1_000); // the grace period
    expect(t.results.at(-1)).toMatchObject({ trigger: 'clock', backfilled: 1, missedByStream: 1 });
    expect(t.replaced()).toBe(1);
  });

  it('on the clock, a push that lands during the grace period is not blamed on the stream', async () => {
    const t = setup({ intervalMs: 60_000 });
    openOrder(t);
    t.exchange.state.history = [row({ status: 'CANCELED' })];
    t.reconciler.startClock();
    await t.clock.advance(60_000);
    t.book.apply(sampleOrderUpdate({ status: 'CANCELED', executionType: 'CANCELED', eventId: 2 }));
    await t.clock.advance(1_000);
    expect(t.results.at(-1)).toMatchObject({ trigger: 'clock', backfilled: 0, missedByStream: 0 });
    expect(t.replaced()).toBe(0);
  });

  it('an order in a status it does not know ends as history shows it (CANCELED), not blamed on the stream', async () => {
    const t = setup({ intervalMs: 60_000 });
    unrecognizedOrder(t);
    t.exchange.state.history = [row({ status: 'CANCELED' })];
    t.reconciler.startClock();
    await t.clock.advance(60_000);
    await t.clock.advance(1_000); // the grace period
    expect(t.book.ended('1001')).toMatchObject({ status: 'CANCELED', lastSource: 'backfill' });
    expect(t.book.openOrders()).toEqual([]);
    // The stream did deliver the cancel, in a form Alpha Monitor does not know.
    expect(t.results.at(-1)).toMatchObject({ trigger: 'clock', backfilled: 1, missedByStream: 0 });
    expect(t.replaced()).toBe(0);
  });

  it('an order in a status it does not know takes the known status open orders list it in', async () => {
    const t = setup();
    unrecognizedOrder(t, 'HALTED');
    t.exchange.state.open = [row({ status: 'NEW' })];
    t.reconciler.schedule('gap', t.clock.now(), t.clock.now());
    await t.clock.advance(0);
    expect(t.book.get('1001')?.current.status).toBe('NEW');
    expect(t.book.get('1001')?.current.rawStatus).toBeUndefined();
    expect(t.reconciler.statusUnknownOf('1001')).toBeNull();
    expect(t.exchange.state.tradeQueries).toEqual([]);
  });

  it('marks "status unknown" an order history still shows in the unknown status and open orders do not list', async () => {
    const t = setup({ intervalMs: 60_000 });
    unrecognizedOrder(t);
    t.exchange.state.history = [row({ status: 'CANCELLED' })];
    t.reconciler.startClock();
    await t.clock.advance(60_000);
    await t.clock.advance(1_000);
    expect(t.exchange.state.tradeQueries).toEqual(['1001']);
    expect(t.reconciler.statusUnknownOf('1001')).toMatchObject({ code: 'NOT_OPEN_ON_EXCHANGE' });
    expect(t.results.at(-1)).toMatchObject({ statusUnknown: ['1001'], missedByStream: 0 });
    expect(t.replaced()).toBe(0);
    // Marked, it is not asked about again by the next reconciliation.
    t.reconciler.schedule('gap', t.clock.now(), t.clock.now());
    await t.clock.advance(0);
    expect(t.results).toHaveLength(2);
    expect(t.exchange.state.tradeQueries).toEqual(['1001']);
  });

  it('an open order the stream never said more of, shown in history in an unknown status, is marked and counted as missed', async () => {
    const t = setup({ intervalMs: 60_000 });
    openOrder(t);
    t.exchange.state.history = [row({ status: 'CANCELLED' })];
    t.reconciler.startClock();
    await t.clock.advance(60_000);
    await t.clock.advance(1_000);
    expect(t.reconciler.statusUnknownOf('1001')).toMatchObject({ code: 'NOT_OPEN_ON_EXCHANGE' });
    expect(t.results.at(-1)).toMatchObject({ statusUnknown: ['1001'], missedByStream: 1 });
    expect(t.replaced()).toBe(1);
  });

  it('an order history shows in an unknown status whose fills cover its quantity ends FILLED', async () => {
    const t = setup();
    unrecognizedOrder(t);
    t.exchange.state.history = [row({ status: 'CANCELLED' })];
    t.exchange.state.trades = [trade('1001', '12.34')];
    t.reconciler.schedule('gap', t.clock.now(), t.clock.now());
    await t.clock.advance(0);
    expect(t.book.ended('1001')).toMatchObject({ status: 'FILLED', countedFilledQty: '12.34' });
    expect(t.reconciler.statusUnknownOf('1001')).toBeNull();
  });

  it('leaves open an order open orders list in a status it does not know', async () => {
    const t = setup();
    unrecognizedOrder(t, 'HALTED');
    t.exchange.state.open = [row({ status: 'HALTED' })];
    t.exchange.state.history = [row({ status: 'HALTED' })];
    t.reconciler.schedule('gap', t.clock.now(), t.clock.now());
    await t.clock.advance(0);
    expect(t.book.get('1001')?.current).toMatchObject({
      status: 'UNRECOGNIZED',
      rawStatus: 'HALTED',
    });
    expect(t.reconciler.statusUnknownOf('1001')).toBeNull();
    expect(t.exchange.state.tradeQueries).toEqual([]);
  });

  it('reconciles every interval while an order is open, every 15 min otherwise, and not while down', async () => {
    const t = setup({ intervalMs: 60_000 });
    t.reconciler.startClock();
    await t.clock.advance(14 * 60_000);
    expect(t.results).toHaveLength(0);
    await t.clock.advance(60_000);
    expect(t.results).toHaveLength(1);
    t.exchange.state.open = [row({})];
    openOrder(t);
    await t.clock.advance(60_000);
    expect(t.results).toHaveLength(2);
    t.setLive(false);
    await t.clock.advance(5 * 60_000);
    expect(t.results).toHaveLength(2);
  });
});
