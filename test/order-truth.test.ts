import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../e2e/support/csv.ts';
import { MonitorService } from '../src/main/app/monitor-service.ts';
import { SessionService } from '../src/main/app/session-service.ts';
import { FakeMonitorSession, fakeConnection } from '../src/main/app/test-support/fake-engine.ts';
import { OrderBook } from '../src/main/core/book/index.ts';
import { exportOrdersCsv, exportUpdatesCsv } from '../src/main/core/export/csv-export.ts';
import { SessionJournals } from '../src/main/core/journal/session-journals.ts';
import { systemClock } from '../src/main/core/ports/clock.ts';
import { nullLogger } from '../src/main/core/ports/logger.ts';
import type { OrderUpdate, UpdateSource } from '../src/shared/domain/order-update.ts';
import type {
  MonitorSnapshot,
  OrderUpdatesBatch,
  OrderView,
  SessionStatsView,
} from '../src/shared/ipc/views-monitor.ts';
import { sampleOrderUpdate } from './fakes/order-updates.ts';
import { waitFor } from './fakes/wait-for.ts';

// One sequence, every face: the engine's book, the window's model (what the renderer gets),
// the CSV export and the reopened journal (with verdicts, and an older one without) must
// agree on every order's final state and on the counts.

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'am-truth-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const fill = (o: Partial<OrderUpdate>): OrderUpdate =>
  sampleOrderUpdate({
    executionType: 'TRADE',
    lastFilledPrice: '0.81234567',
    commission: '0.001',
    commissionAsset: 'ALPHA_373',
    ...o,
  });

/** Duplicates, a reorder, a gap with backfill, and a late stream copy of a backfilled fill. */

/** What the exchange's history reports for C after the gap (read twice: two reconciliations). */
const backfilledFillOfC = fill({
  orderId: 'C',
  eventId: 5,
  status: 'FILLED',
  lastFilledQty: '12.34',
  cumulativeFilledQty: '12.34',
  lastQuoteQty: '10.02',
});
const SEQUENCE: Array<[OrderUpdate, UpdateSource]> = [
  // A: NEW, then the exchange re-sends it.
  [sampleOrderUpdate({ orderId: 'A', eventId: 1 }), 'stream'],
  [sampleOrderUpdate({ orderId: 'A', eventId: 1 }), 'stream'],
  // B: its FILLED overtakes its PARTIALLY_FILLED (reordered pushes).
  [sampleOrderUpdate({ orderId: 'B', eventId: 2 }), 'stream'],
  [
    fill({
      orderId: 'B',
      eventId: 4,
      status: 'FILLED',
      lastFilledQty: '2.34',
      cumulativeFilledQty: '12.34',
      lastQuoteQty: '1.9',
    }),
    'stream',
  ],
  [
    fill({
      orderId: 'B',
      eventId: 3,
      status: 'PARTIALLY_FILLED',
      lastFilledQty: '10',
      cumulativeFilledQty: '10',
      lastQuoteQty: '8.1',
    }),
    'stream',
  ],
  // C: stream NEW; a gap; the backfill says FILLED; then the stream's own FILLED arrives (late).
  [sampleOrderUpdate({ orderId: 'C', eventId: 5 }), 'stream'],
  [backfilledFillOfC, 'backfill'],
  [
    fill({
      orderId: 'C',
      eventId: 6,
      status: 'FILLED',
      lastFilledQty: '12.34',
      cumulativeFilledQty: '12.34',
      lastQuoteQty: '10.02',
    }),
    'stream',
  ],
  // The same backfill row once more (a second reconciliation): adds nothing.
  [backfilledFillOfC, 'backfill'],
  // D: NEW then CANCELED, and the CANCELED re-sent.
  [sampleOrderUpdate({ orderId: 'D', eventId: 7 }), 'stream'],
  [
    sampleOrderUpdate({ orderId: 'D', eventId: 8, executionType: 'CANCELED', status: 'CANCELED' }),
    'stream',
  ],
  [
    sampleOrderUpdate({ orderId: 'D', eventId: 8, executionType: 'CANCELED', status: 'CANCELED' }),
    'stream',
  ],
];

const EXPECTED_STATES = { A: 'NEW', B: 'FILLED', C: 'FILLED', D: 'CANCELED' };

/**
 * What the renderer gets and how its model keeps it (AccountSessionModel): the snapshot, then
 * batches whose orders replace by id and whose stats replace the last.
 */
class WindowModel {
  readonly orders = new Map<string, OrderView>();
  stats: SessionStatsView | null = null;
  applySnapshot(snapshot: MonitorSnapshot): void {
    for (const o of snapshot.orders) this.orders.set(o.last.orderId, o);
    this.stats = snapshot.stats;
  }
  applyBatch(batch: OrderUpdatesBatch): void {
    for (const o of batch.orders) this.orders.set(o.last.orderId, o);
    this.stats = batch.stats;
  }
}

function countsOf(stats: SessionStatsView) {
  return {
    updates: stats.updatesAccepted,
    duplicates: stats.updatesIgnored,
    late: stats.updatesLate,
    backfilled: stats.updatesBackfilled,
    orders: stats.orders,
    ordersByStatus: stats.ordersByStatus,
    fills: stats.fills,
    quote: stats.filledQuoteByAsset,
    fees: stats.feesByAsset,
    reconnects: stats.reconnects,
    gaps: stats.gaps,
  };
}

describe('one owner of order truth', () => {
  it('the book, the window, the CSV and the reopened journal agree on states and counts', async () => {
    // The engine's book alone.
    const book = new OrderBook();
    for (const [u, source] of SEQUENCE) book.apply(u, source);
    const bookStats = book.statistics();
    expect(
      Object.fromEntries(Object.keys(EXPECTED_STATES).map((id) => [id, book.statusOf(id)])),
    ).toEqual(EXPECTED_STATES);
    expect(bookStats).toMatchObject({
      updates: 9,
      duplicates: 3,
      late: 2,
      backfilled: 1,
      fills: 3,
    });

    // The app: a session whose engine (the fake uses the real book) emits the same sequence.
    const journals = new SessionJournals(dataDir, systemClock);
    let session: FakeMonitorSession | undefined;
    const monitors = new MonitorService({
      createMonitor: (connection) => (session = new FakeMonitorSession(connection)),
      journals,
      clock: systemClock,
      logger: nullLogger,
    });
    const model = new WindowModel();
    const batches: OrderUpdatesBatch[] = [];
    monitors.onDidBatch((b) => {
      batches.push(b);
      model.applyBatch(b);
    });
    monitors.start(fakeConnection('acc'), 'Main');
    model.applySnapshot(await monitors.snapshot('acc'));
    const at = (state: 'live' | 'reconnecting') =>
      session!.stateEmitter.fire({ state, atMs: Date.now() });
    at('live');
    for (const [i, [u, source]] of SEQUENCE.entries()) {
      if (i === 5) {
        at('reconnecting');
        at('live');
      }
      session!.push(u, Date.now(), source);
    }
    await waitFor(() => model.stats?.updatesReceived === SEQUENCE.length, {
      what: 'the window got it all',
    });
    const sessionId = (await monitors.snapshot('acc')).connection.sessionId!;
    const statesOf = (orders: Iterable<OrderView>) =>
      Object.fromEntries([...orders].map((o) => [o.last.orderId, o.last.status]));
    expect(statesOf(model.orders.values())).toEqual(EXPECTED_STATES);
    expect(statesOf((await monitors.snapshot('acc')).orders)).toEqual(EXPECTED_STATES);
    const windowCounts = countsOf(model.stats!);
    expect(windowCounts).toMatchObject({
      updates: bookStats.updates,
      duplicates: bookStats.duplicates,
      late: bookStats.late,
      backfilled: bookStats.backfilled,
      orders: bookStats.orders,
      fills: bookStats.fills,
      quote: bookStats.quoteVolumeByAsset,
      fees: bookStats.feesByAsset,
      reconnects: 1,
      gaps: 1,
    });
    // The renderer never got a duplicate, and every update came with the book's verdict.
    const shown = batches.flatMap((b) => b.updates);
    expect(shown.map((u) => u.verdict.reason)).toEqual([
      'first-seen',
      'first-seen',
      'moves-forward',
      'older-event',
      'first-seen',
      'moves-forward',
      'after-terminal',
      'first-seen',
      'moves-forward',
    ]);
    await monitors.stop('acc');
    await monitors.dispose();

    // The CSV export of that journal.
    const path = journals.pathOf(sessionId);
    await exportOrdersCsv({ journalPath: path, outPath: join(dataDir, 'orders.csv') });
    await exportUpdatesCsv({ journalPath: path, outPath: join(dataDir, 'updates.csv') });
    const orderRows = parseCsv(await readFile(join(dataDir, 'orders.csv'), 'utf8'));
    expect(Object.fromEntries(orderRows.map((r) => [r.order_id, r.status]))).toEqual(
      EXPECTED_STATES,
    );
    const updateRows = parseCsv(await readFile(join(dataDir, 'updates.csv'), 'utf8'));
    expect(updateRows).toHaveLength(bookStats.updates);
    expect(updateRows.filter((r) => r.source === 'backfill')).toHaveLength(1);

    // The reopened journal, and the same journal as an older version wrote it (no verdicts,
    // no duplicate records): verdicts re-derived through the book.
    const sessions = new SessionService(
      journals,
      () => false,
      async () => {},
    );
    const reopened = await sessions.open(sessionId);
    const oldPath = journals.pathOf('old-format');
    const oldLines = (await readFile(path, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((r) => r.k !== 'update' || (r.verdict as { outcome: string }).outcome !== 'duplicate')
      .map((r) => {
        const { verdict, ...rest } = r;
        void verdict;
        return JSON.stringify(r.k === 'session' ? { ...rest, sessionId: 'old-format' } : rest);
      });
    await writeFile(oldPath, oldLines.join('\n') + '\n');
    const reopenedOld = await sessions.open('old-format');
    for (const replay of [reopened, reopenedOld]) {
      expect(
        Object.fromEntries(replay.snapshot.orders.map((o) => [o.last.orderId, o.last.status])),
      ).toEqual(EXPECTED_STATES);
    }
    expect(countsOf(reopened.snapshot.stats)).toEqual(windowCounts);
    // An older journal kept no record of what the engine dropped: its duplicates can only be
    // told from the raw frames (these fake frames are not real pushes), everything else agrees.
    expect({ ...countsOf(reopenedOld.snapshot.stats), duplicates: 3 }).toEqual(windowCounts);
    expect(reopened.summary).toMatchObject({ updateCount: bookStats.updates, orderCount: 4 });
    const list = await sessions.list();
    expect(list.find((s) => s.sessionId === sessionId)).toMatchObject({
      updateCount: bookStats.updates,
      orderCount: bookStats.orders,
    });
  });
});
