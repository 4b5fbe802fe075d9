import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleFilledOrder } from '../../../test/fakes/order-updates.ts';
import { waitFor } from '../../../test/fakes/wait-for.ts';
import type { OrderUpdate } from '../../shared/domain/order-update.ts';
import type { OrderUpdatesBatch, OrderView } from '../../shared/ipc/views-monitor.ts';
import { SessionJournals } from '../core/journal/session-journals.ts';
import { systemClock } from '../core/ports/clock.ts';
import { nullLogger } from '../core/ports/logger.ts';
import { MonitorService } from './monitor-service.ts';
import { FakeMonitorSession, fakeConnection } from './test-support/fake-engine.ts';

// The window's state comes from the engine's book alone (ADR 010): the app keeps no copy of the
// orders. An order that ended is a small tombstone in the book; its last update is in the journal.

/**
 * What the runtime reads of its journal: whole reads (`readJournal`, what a snapshot folds) and
 * reads of a few orders' last updates (the ids asked for). `undecided` makes the latter answer
 * as for a journal without verdicts, which only a whole read can decide.
 */
const reads = vi.hoisted(() => ({ whole: 0, ofOrders: [] as string[][], undecided: false }));
vi.mock('../core/journal/journal-reader.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../core/journal/journal-reader.ts')>();
  return {
    ...real,
    readJournal: (path: string) => {
      reads.whole++;
      return real.readJournal(path);
    },
  };
});
vi.mock('../core/journal/journal-last-updates.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../core/journal/journal-last-updates.ts')>();
  return {
    readLastAppliedUpdates: async (path: string, orderIds: Iterable<string>) => {
      const wanted = [...orderIds];
      reads.ofOrders.push(wanted);
      const read = await real.readLastAppliedUpdates(path, wanted);
      return reads.undecided ? { ...read, found: new Map(), undecided: new Set(wanted) } : read;
    },
  };
});

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'am-runtime-'));
  Object.assign(reads, { whole: 0, ofOrders: [], undecided: false });
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function start() {
  let session: FakeMonitorSession | undefined;
  const monitors = new MonitorService({
    createMonitor: (connection) => (session = new FakeMonitorSession(connection)),
    journals: new SessionJournals(dataDir, systemClock),
    clock: systemClock,
    logger: nullLogger,
  });
  const batches: OrderUpdatesBatch[] = [];
  monitors.onDidBatch((b) => batches.push(b));
  monitors.start(fakeConnection('acc'), 'Main');
  const lastView = (orderId: string): OrderView | undefined =>
    batches
      .flatMap((b) => b.orders)
      .filter((o) => o.last.orderId === orderId)
      .at(-1);
  return { monitors, session: session!, batches, lastView };
}

/** TRADE updates of `created` (its price; quote quantities equal to the base ones). */
function tradeOf(created: OrderUpdate) {
  return (
    eventId: number,
    status: 'PARTIALLY_FILLED' | 'FILLED',
    l: string,
    z: string,
  ): OrderUpdate => ({
    ...created,
    eventId,
    executionType: 'TRADE',
    status,
    lastFilledQty: l,
    cumulativeFilledQty: z,
    lastFilledPrice: created.price,
    lastQuoteQty: l,
    cumulativeQuoteQty: z,
    commission: '0',
    commissionAsset: created.baseAsset,
  });
}

describe('a running account reads its orders from the engine book', () => {
  it('shows an order that ended with its last update, though the book keeps only a tombstone', async () => {
    const t = start();
    const [created, filled] = sampleFilledOrder('7', 1);
    t.session.push(created, 1_000);
    t.session.push(filled, 2_000);
    await waitFor(() => t.lastView('7')?.last.status === 'FILLED', { what: 'the fill shown' });

    // The book holds no last update of the ended order: no second copy anywhere in the app.
    expect(t.session.orderOf('7')).toMatchObject({ current: null, updateCount: 2 });
    expect(t.lastView('7')).toMatchObject({
      updateCount: 2,
      firstSeenAtMs: 1_000,
      lastReceivedAtMs: 2_000,
      last: filled,
    });
    const stats = t.batches.at(-1)!.stats;
    expect(stats).toMatchObject({ updatesAccepted: 2, fills: 1, orders: 1 });
    expect(stats.ordersByStatus.FILLED).toBe(1);

    // The snapshot reads the journal back: the ended order and its fill are there.
    const snapshot = await t.monitors.snapshot('acc');
    expect(snapshot.orders.map((o) => [o.last.orderId, o.last.status, o.updateCount])).toEqual([
      ['7', 'FILLED', 2],
    ]);
    expect(snapshot.fills.map((f) => [f.orderId, f.qty])).toEqual([['7', filled.lastFilledQty]]);
    expect(snapshot.stats).toMatchObject({ updatesAccepted: 2, fills: 1 });

    // One journal line per stream update (the frame and its verdict together).
    const path = join(dataDir, 'sessions', `${snapshot.connection.sessionId}.jsonl`);
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines.filter((l) => l.startsWith('{"k":"frame-update"'))).toHaveLength(2);
    expect(
      lines.filter((l) => l.startsWith('{"k":"frame"') || l.startsWith('{"k":"update"')),
    ).toEqual([]);

    // Stopped, the window still shows its last session, read from the journal.
    await t.monitors.stop('acc');
    const afterStop = await t.monitors.snapshot('acc');
    expect(afterStop.orders.map((o) => o.last.status)).toEqual(['FILLED']);
    expect(afterStop.connection.state).toBe('stopped');
    await t.monitors.dispose();
  });

  it.each([
    ['just ended', 0],
    ['ended long ago (its view no longer held)', 40],
  ])(
    'sends the row of an ended order again when a late fill of it arrives: %s',
    async (_name, others) => {
      const t = start();
      const [created] = sampleFilledOrder('9', 1);
      const trade = tradeOf(created);
      const first = trade(2, 'PARTIALLY_FILLED', '4', '4');
      // Fill 3 (4 → 7) comes after the order's FILLED frame: late, but a fill that happened.
      const missed = trade(3, 'PARTIALLY_FILLED', '3', '7');
      const filled = trade(4, 'FILLED', '5.34', '12.34');
      t.session.push(created, 1_000);
      t.session.push(first, 2_000);
      t.session.push(filled, 3_000);
      await waitFor(() => t.lastView('9')?.last.status === 'FILLED', { what: 'the fill shown' });
      expect(t.lastView('9')).toMatchObject({ updateCount: 3, lastReceivedAtMs: 3_000 });
      for (let i = 0; i < others; i++) {
        const [c, f] = sampleFilledOrder(String(100 + i), 10 + 2 * i);
        t.session.push(c, 3_000);
        t.session.push(f, 3_000);
      }
      if (others > 0)
        await waitFor(() => t.lastView(String(99 + others))?.last.status === 'FILLED', {
          what: 'the other orders shown',
        });

      t.session.push(missed, 4_000);
      await waitFor(() => t.batches.some((b) => b.updates.some((u) => u.update.eventId === 3)), {
        what: 'the late fill delivered',
      });
      const batch = t.batches.find((b) => b.updates.some((u) => u.update.eventId === 3))!;
      expect(batch.fills.map((f) => [f.orderId, f.qty])).toEqual([['9', '3']]);
      // The row the window shows: still FILLED (nothing leaves a terminal status), with the late
      // update counted and its time, as the snapshot (the journal read back) has it.
      await waitFor(() => t.lastView('9')?.updateCount === 4, { what: 'the row sent again' });
      expect(t.lastView('9')).toMatchObject({
        updateCount: 4,
        lastReceivedAtMs: 4_000,
        last: { eventId: 4, status: 'FILLED', cumulativeFilledQty: '12.34' },
      });
      const snapshot = await t.monitors.snapshot('acc');
      const row = snapshot.orders.find((o) => o.last.orderId === '9')!;
      expect([row.updateCount, row.lastReceivedAtMs, row.last.status]).toEqual([
        4,
        4_000,
        'FILLED',
      ]);
      expect(snapshot.fills.filter((f) => f.orderId === '9').map((f) => f.qty)).toEqual([
        '4',
        '5.34',
        '3',
      ]);
      await t.monitors.dispose();
    },
  );

  /**
   * Orders '9' and '10' filled in three updates each, then 40 more orders (their views no longer
   * held); returns a late fill of each, which the book counts: 4 → 7 of 12.34.
   */
  async function twoOrdersEndedLongAgo(t: ReturnType<typeof start>) {
    const late: OrderUpdate[] = [];
    for (const id of ['9', '10']) {
      const [created] = sampleFilledOrder(id, 1);
      const trade = tradeOf(created);
      t.session.push(created, 1_000);
      t.session.push(trade(2, 'PARTIALLY_FILLED', '4', '4'), 2_000);
      t.session.push(trade(4, 'FILLED', '8.34', '12.34'), 3_000);
      late.push(trade(3, 'PARTIALLY_FILLED', '3', '7'));
    }
    for (let i = 0; i < 40; i++) {
      const [c, f] = sampleFilledOrder(String(100 + i), 10 + 2 * i);
      t.session.push(c, 3_000);
      t.session.push(f, 3_000);
    }
    await waitFor(() => t.lastView('139')?.last.status === 'FILLED', {
      what: 'the other orders shown',
    });
    return late;
  }

  const rowOf = (view: OrderView | undefined) =>
    view && [view.updateCount, view.lastReceivedAtMs, view.last.eventId, view.last.status];

  it('rebuilds the row of an order that ended long ago from its tombstone and its own journal lines, never a whole read of the session', async () => {
    const t = start();
    const [late9] = await twoOrdersEndedLongAgo(t);
    t.session.push(late9!, 4_000);
    await waitFor(() => t.lastView('9')?.updateCount === 4, { what: 'the row sent again' });
    expect(rowOf(t.lastView('9'))).toEqual([4, 4_000, 4, 'FILLED']);
    // One read, of that order's last update only; the session was not read (nor folded).
    expect(reads.ofOrders).toEqual([['9']]);
    expect(reads.whole).toBe(0);
    // The snapshot does read the whole journal (what was counted above), and agrees.
    const snapshot = await t.monitors.snapshot('acc');
    expect(reads.whole).toBe(1);
    expect(rowOf(snapshot.orders.find((o) => o.last.orderId === '9'))).toEqual([
      4,
      4_000,
      4,
      'FILLED',
    ]);
    await t.monitors.dispose();
  });

  it('rebuilds rows only a whole read can decide with one read for all of them', async () => {
    const t = start();
    const [late9, late10] = await twoOrdersEndedLongAgo(t);
    reads.undecided = true;
    t.session.push(late9!, 4_000);
    t.session.push(late10!, 4_000);
    await waitFor(() => t.lastView('9')?.updateCount === 4 && t.lastView('10')?.updateCount === 4, {
      what: 'both rows sent again',
    });
    expect(rowOf(t.lastView('9'))).toEqual([4, 4_000, 4, 'FILLED']);
    expect(rowOf(t.lastView('10'))).toEqual([4, 4_000, 4, 'FILLED']);
    expect(reads.ofOrders).toEqual([['9', '10']]);
    expect(reads.whole).toBe(1);
    await t.monitors.dispose();
  });

  it('reads fill holes back from the journal as live had them: a fill seen out of order, a missed one reconciliation filled', async () => {
    const t = start();
    // Order 10: its second fill (4 → 7) arrives after the third (7 → 9), a hole until then.
    const [a] = sampleFilledOrder('10', 1);
    const tradeA = tradeOf(a);
    // Order 11: the stream misses its fill 4 → 7; reconciliation backfills it; the stream's own
    // frame of it arrives later and counts nothing again.
    const [b] = sampleFilledOrder('11', 21);
    const tradeB = tradeOf(b);
    t.session.push(a, 1_000);
    t.session.push(tradeA(2, 'PARTIALLY_FILLED', '4', '4'), 1_100);
    t.session.push(tradeA(4, 'PARTIALLY_FILLED', '2', '9'), 1_200);
    t.session.push(b, 1_300);
    t.session.push(tradeB(22, 'PARTIALLY_FILLED', '4', '4'), 1_400);
    t.session.push(
      { ...tradeB(22, 'PARTIALLY_FILLED', '3', '7'), tradeId: '0' },
      1_500,
      'backfill',
    );
    await waitFor(() => t.lastView('11')?.lastSource === 'backfill', {
      what: 'the backfill shown',
    });
    const holeOpen = t.batches.at(-1)!.stats.filledQuoteByAsset;
    const snapshotHoleOpen = await t.monitors.snapshot('acc');
    t.session.push(tradeA(3, 'PARTIALLY_FILLED', '3', '7'), 1_600);
    t.session.push(tradeB(23, 'PARTIALLY_FILLED', '3', '7'), 1_700);
    t.session.push(tradeA(5, 'FILLED', '3.34', '12.34'), 1_800);
    t.session.push(tradeB(24, 'FILLED', '5.34', '12.34'), 1_900);
    await waitFor(() => t.lastView('11')?.last.status === 'FILLED', { what: 'both filled' });
    const live = t.batches.at(-1)!.stats;
    const liveFills = t.batches.flatMap((batch) => batch.fills).map((f) => [f.orderId, f.qty]);

    // Live: order 10 is short of its hole (4 → 7) until the late fill; each order counts 12.34 once.
    expect(holeOpen).toEqual({ USDT: '13' });
    expect(live.filledQuoteByAsset).toEqual({ USDT: '24.68' });
    expect(liveFills).toEqual([
      ['10', '4'],
      ['10', '2'],
      ['11', '4'],
      ['11', '3'],
      ['10', '3'],
      ['10', '3.34'],
      ['11', '5.34'],
    ]);
    // Read back from the journal: the same counts and the same fills, hole open and closed.
    expect(snapshotHoleOpen.stats.filledQuoteByAsset).toEqual(holeOpen);
    const snapshot = await t.monitors.snapshot('acc');
    expect(snapshot.fills.map((f) => [f.orderId, f.qty])).toEqual(liveFills);
    expect(snapshot.stats).toMatchObject({
      filledQuoteByAsset: live.filledQuoteByAsset,
      fills: live.fills,
      updatesLate: live.updatesLate,
      updatesBackfilled: live.updatesBackfilled,
    });
    await t.monitors.dispose();
  });

  it('marks a strategy order that ended before the mark arrived', async () => {
    const t = start();
    const [created, filled] = sampleFilledOrder('8', 1);
    t.session.push(created);
    t.session.push(filled);
    await waitFor(() => t.lastView('8')?.last.status === 'FILLED', { what: 'the fill shown' });
    t.monitors.runtime('acc')!.markStrategyOrders(['8']);
    expect(t.lastView('8')).toMatchObject({ placedByStrategy: true, last: filled });
    const snapshot = await t.monitors.snapshot('acc');
    expect(snapshot.orders[0]).toMatchObject({ placedByStrategy: true });
    await t.monitors.dispose();
  });
});
