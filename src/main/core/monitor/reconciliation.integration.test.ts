import Big from 'big.js';
import { rootReason } from '../../../shared/reasons/reason.ts';
import { describeReason } from '../../../shared/reasons/reason-text.ts';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fillWithFrameLostBelowLater,
  placeRestingOto,
  startMonitorHarness,
  type MonitorHarness,
} from '../../../../test/fakes/monitor-harness.ts';
import type { ReconcileEvent } from './account-monitor.ts';

// Real engine against the real simulator on 127.0.0.1. No timing thresholds: every wait polls
// for a condition with a generous timeout, so a machine with both cores busy only runs slower.
const PATIENCE_MS = 90_000;
const SYMBOL = 'ALPHA_373USDT';

let h: MonitorHarness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

async function live(harness: MonitorHarness): Promise<void> {
  harness.monitor.start();
  await harness.until(() => harness.monitor.state.name === 'live', 'live', PATIENCE_MS);
}

function reconciles(harness: MonitorHarness): ReconcileEvent[] {
  const events: ReconcileEvent[] = [];
  harness.monitor.onDidReconcile((e) => events.push(e));
  return events;
}

/** Every order of the demo account is in the book in the state the simulator holds. */
function bookMatchesExchange(harness: MonitorHarness): boolean {
  const truth = harness.sim.orders.list();
  return (
    truth.length > 0 &&
    truth.every((o) => {
      const { status, filled } = bookState(harness, o.orderId);
      return status === o.status && Number(filled) === Number(o.executedQty);
    })
  );
}

/** An order's status and filled quantity in the book: its open record, or what it keeps once ended. */
function bookState(harness: MonitorHarness, orderId: string) {
  const book = harness.monitor.book;
  return {
    status: book.statusOf(orderId),
    filled: book.get(orderId)?.current.cumulativeFilledQty ?? book.ended(orderId)?.countedFilledQty,
  };
}

function differences(harness: MonitorHarness): string {
  return harness.sim.orders
    .list()
    .map((o) => {
      const { status, filled } = bookState(harness, o.orderId);
      return `${o.orderId}: exchange ${o.status} ${o.executedQty}, book ${status ?? '-'} ${filled ?? '-'}`;
    })
    .join('; ');
}

async function cancelWorking(harness: MonitorHarness, orderId: string): Promise<void> {
  await harness.rest.cancelOrder({ orderId, symbol: SYMBOL });
}

describe('reconciliation against the simulator', { timeout: 240_000 }, () => {
  it('at start (after refused connections), the table starts from the exchange: orders placed and cancelled while connecting', async () => {
    h = await startMonitorHarness({ monitor: { backoff: { baseMs: 50, capMs: 200 } } });
    const resting = await placeRestingOto(h);
    const cancelled = await placeRestingOto(h);
    await cancelWorking(h, cancelled.workingOrderId);
    h.sim.faults.refuseConnections(1_500);
    const events = reconciles(h);
    await live(h);
    await h.until(() => bookMatchesExchange(h!), 'book = exchange', PATIENCE_MS);
    expect(h.monitor.book.get(resting.workingOrderId)!.current.status).toBe('NEW');
    expect(h.monitor.book.statusOf(cancelled.pendingOrderId)).toBe('CANCELED');
    expect(events[0]).toMatchObject({ trigger: 'start', missedByStream: 0 });
    expect(h.updates.filter((u) => u.source === 'backfill').length).toBeGreaterThanOrEqual(4);
  });

  it('an order placed well before a gap and cancelled during it ends CANCELED, even if history filters by creation time', async () => {
    h = await startMonitorHarness({
      sim: { historyTimeFilter: 'created' },
      monitor: { reconcileMarginMs: 50 },
    });
    // Placed before the monitor starts, so it reaches the book from the start reconciliation
    // (no frame): the gap then starts when the stream drops, after that reconciliation's two
    // REST calls, which the account's budget spaces 300 ms apart. The order is older than the
    // gap's window (gap start minus the 50 ms margin) however fast or slow the machine is.
    const ids = await placeRestingOto(h);
    const events = reconciles(h);
    await live(h);
    await h.until(() => events.some((e) => e.trigger === 'start'), 'start reconciled', PATIENCE_MS);
    expect(h.monitor.book.get(ids.workingOrderId)?.current.status).toBe('NEW');
    // The exchange refuses connections until the cancel happened: the gap lasts whatever the load.
    h.sim.faults.refuseConnections(10 * 60_000);
    h.sim.faults.dropAllConnections();
    await h.until(() => h!.monitor.state.name === 'reconnecting', 'reconnecting', PATIENCE_MS);
    await cancelWorking(h, ids.workingOrderId);
    h.sim.faults.refuseConnections(0);
    await h.until(
      () =>
        h!.monitor.book.statusOf(ids.workingOrderId) === 'CANCELED' &&
        h!.monitor.book.statusOf(ids.pendingOrderId) === 'CANCELED',
      'both legs CANCELED',
      PATIENCE_MS,
    );
    expect(h.updates.filter((u) => u.source === 'backfill').map((u) => u.update.status)).toContain(
      'CANCELED',
    );
  });

  it('a silent key (pings answered, nothing pushed) is caught on the clock: missed updates recovered, counted, stream replaced', async () => {
    h = await startMonitorHarness({
      monitor: { reconcileIntervalMs: 400, reconcileGraceMs: 200, reconcileMarginMs: 100 },
    });
    const events = reconciles(h);
    await live(h);
    const ids = await placeRestingOto(h);
    await h.until(() => h!.monitor.book.size === 2, 'both legs', PATIENCE_MS);
    const keysBefore = h.listenKeysRequested();
    h.sim.faults.silenceListenKey();
    h.sim.orders.fillNow(ids.workingOrderId);
    await h.until(
      () =>
        h!.monitor.book.statusOf(ids.workingOrderId) === 'FILLED' &&
        h!.monitor.book.statusOf(ids.pendingOrderId) === 'FILLED',
      'the silent fills recovered',
      PATIENCE_MS,
    );
    await h.until(() => h!.monitor.stats.missedByStream > 0, 'missed counted', PATIENCE_MS);
    expect(events.some((e) => e.trigger === 'clock' && e.missedByStream > 0)).toBe(true);
    // Replaced: a fresh key, and the stream delivers again (no reconnect was needed).
    await h.until(() => h!.listenKeysRequested() > keysBefore, 'a fresh key', PATIENCE_MS);
    await h.until(() => h!.monitor.state.name === 'live', 'live', PATIENCE_MS);
    const next = await placeRestingOto(h);
    await h.until(
      () => h!.monitor.book.statusOf(next.workingOrderId) !== undefined,
      'the next order seen (pushed, or recovered if it raced the new subscription)',
      PATIENCE_MS,
    );
    h.sim.orders.fillNow(next.workingOrderId);
    await h.until(
      () =>
        h!.updates.some(
          (u) =>
            u.update.orderId === next.workingOrderId &&
            u.update.status === 'FILLED' &&
            u.source === 'stream',
        ),
      'a push on the replaced stream',
      PATIENCE_MS,
    );
    expect(h.monitor.stats.reconnects).toBe(0);
  });

  it("a fill whose frame was lost below a later fill is recovered from the order's fills after the drop: its volume and fee counted once", async () => {
    // No clock reconciliation while the fills happen (it could read history between the
    // exchange's fill 4 and the monitor reading its frame): the reconciliations are the start's
    // and the one after the drop.
    h = await startMonitorHarness({
      monitor: { reconcileIntervalMs: 30 * 60_000, backoff: { baseMs: 50, capMs: 200 } },
    });
    const events = reconciles(h);
    await live(h);
    await h.until(() => events.some((e) => e.trigger === 'start'), 'start reconciled', PATIENCE_MS);
    const { workingOrderId: id } = await placeRestingOto(h);
    const filledInBook = () => h!.monitor.book.get(id)?.current.cumulativeFilledQty;
    await h.until(() => filledInBook() === '0', 'the order seen', PATIENCE_MS);
    await fillWithFrameLostBelowLater(h, id, PATIENCE_MS);
    await h.until(() => h!.monitor.book.statusOf(id) === 'FILLED', 'fill 4', PATIENCE_MS);
    h.sim.faults.dropAllConnections();
    await h.until(
      () => events.some((e) => e.trigger === 'gap'),
      'reconciled after the drop',
      PATIENCE_MS,
    );

    const trades = await h.rest.getUserTrades({ orderId: id, symbol: SYMBOL });
    expect(trades).toHaveLength(4);
    const sum = (values: string[]) => values.reduce((s, v) => s.plus(v), new Big(0)).toFixed();
    const counted = h.updates
      .filter((u) => u.update.orderId === id && u.verdict.counted !== null)
      .map((u) => u.verdict.counted!);
    // The window's statistics: the BUY's fee is paid in ALPHA_373 (the SELL leg pays USDT).
    expect(h.monitor.book.statistics().feesByAsset.ALPHA_373).toBe(
      sum(trades.map((t) => t.commission)),
    );
    expect(sum(counted.map((c) => c.base))).toBe('100');
    expect(sum(counted.map((c) => c.quote))).toBe(sum(trades.map((t) => t.quoteQty)));
    expect(h.updates.filter((u) => u.update.orderId === id && u.source === 'backfill')).toEqual([
      expect.objectContaining({
        update: expect.objectContaining({ lastFilledQty: '30.00', cumulativeFilledQty: '60' }),
        verdict: expect.objectContaining({ outcome: 'late' }),
      }),
    ]);
    expect(h.monitor.book.ordersWithFillHoles()).toEqual([]);
  });

  it('notices an exchange that went away (socket gone, REST refused) and keeps reconnecting', async () => {
    h = await startMonitorHarness({ monitor: { backoff: { baseMs: 50, capMs: 200 } } });
    await live(h);
    await h.sim.dispose();
    await h.until(
      () =>
        h!.states.some(
          (s) =>
            s.name === 'reconnecting' &&
            /Cannot reach|ECONNREFUSED/.test(describeReason('en', s.reason)),
        ),
      'REST refused while reconnecting',
      PATIENCE_MS,
    );
    expect(h.states.some((s) => s.name === 'failed')).toBe(false);
    expect(['reconnecting', 'connecting']).toContain(h.monitor.state.name);
  });

  it('drops, stalls, key rotations, a silent key, refused connections at start and cancels during a gap: every order ends in its true state', async () => {
    h = await startMonitorHarness({
      sim: { listenKeyRepost: 'rotate', historyTimeFilter: 'created' },
      monitor: {
        renewIntervalMs: 1_500,
        pingIntervalMs: 300,
        reconcileIntervalMs: 500,
        reconcileGraceMs: 200,
        reconcileMarginMs: 100,
        backoff: { baseMs: 50, capMs: 300 },
      },
    });
    const a = await placeRestingOto(h);
    h.sim.faults.refuseConnections(1_000);
    await live(h);
    const b = await placeRestingOto(h);
    const c = await placeRestingOto(h);
    const d = await placeRestingOto(h);
    await h.until(() => h!.monitor.book.size >= 8, 'all legs seen', PATIENCE_MS);

    // A drop; during the gap, a cancel and a fill. The exchange refuses connections until
    // both happened, so the gap lasts whatever the machine's load (a 50 ms backoff could
    // otherwise be live again before the test looks).
    const beforeDrop = h.states.length;
    h.sim.faults.refuseConnections(10 * 60_000);
    h.sim.faults.dropAllConnections();
    await h.until(
      () => h!.states.slice(beforeDrop).some((s) => s.name !== 'live'),
      'gap',
      PATIENCE_MS,
    );
    await cancelWorking(h, b.workingOrderId);
    h.sim.orders.fillNow(c.workingOrderId);
    h.sim.faults.refuseConnections(0);
    await h.until(() => h!.monitor.state.name === 'live', 'live after the drop', PATIENCE_MS);

    // A stall: pongs stop; a fill happens while the stream is stalled.
    h.sim.faults.stall();
    h.sim.orders.fillNow(a.workingOrderId);
    await h.until(
      () =>
        h!.states.some(
          (s) => s.name === 'reconnecting' && rootReason(s.reason).code === 'PONG_TIMEOUT',
        ),
      'stall detected',
      PATIENCE_MS,
    );
    h.sim.faults.resume();
    await h.until(() => h!.monitor.state.name === 'live', 'live after the stall', PATIENCE_MS);

    // A silent key: a cancel and a new order nobody hears.
    await h.until(() => h!.sim.orders.list().length >= 8, 'orders listed', PATIENCE_MS);
    h.sim.faults.silenceListenKey();
    await cancelWorking(h, d.workingOrderId);
    await placeRestingOto(h);

    await h
      .until(() => bookMatchesExchange(h!), 'book = exchange', PATIENCE_MS)
      .catch((e) => {
        throw new Error(`${(e as Error).message}\n${differences(h!)}`);
      });
    expect(h.monitor.stats.statusUnknown).toBe(0);
    // Each reconnect starts on a fresh key, so the renewal clock restarts with it: a refresh
    // (which rotates the key on this exchange) comes once the stream has stayed up long enough.
    await h.until(() => h!.monitor.stats.listenKeyRefreshes > 0, 'a key refresh', PATIENCE_MS);
    await h
      .until(() => bookMatchesExchange(h!), 'book = exchange after the rotation', PATIENCE_MS)
      .catch((e) => {
        throw new Error(`${(e as Error).message}\n${differences(h!)}`);
      });
  });
});
