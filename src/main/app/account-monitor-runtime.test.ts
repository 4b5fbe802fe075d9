import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleFilledOrder } from '../../../test/fakes/order-updates.ts';
import { waitFor } from '../../../test/fakes/wait-for.ts';
import type { OrderUpdatesBatch, OrderView } from '../../shared/ipc/views-monitor.ts';
import { SessionJournals } from '../core/journal/session-journals.ts';
import { systemClock } from '../core/ports/clock.ts';
import { nullLogger } from '../core/ports/logger.ts';
import { MonitorService } from './monitor-service.ts';
import { FakeMonitorSession, fakeConnection } from './test-support/fake-engine.ts';

// The window's state comes from the engine's book alone (ADR 010): the app keeps no copy of the
// orders. An order that ended is a small tombstone in the book; its last update is in the journal.

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'am-runtime-'));
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
