import { afterEach, describe, expect, it } from 'vitest';
import { Emitter } from '../../shared/event/emitter.ts';
import type { OrderStatus, OrderUpdate } from '../../shared/domain/order-update.ts';
import type { FleetUpdate } from '../../shared/ipc/views-fleet.ts';
import type { ConnectionView, OrderUpdatesBatch } from '../../shared/ipc/views-monitor.ts';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { sampleOrderUpdate, sampleSessionStats } from '../../../test/fakes/order-updates.ts';
import { ConnectionTracker } from './connection-tracker.ts';
import { ENDED_COUNTED_KEPT } from './fleet-row.ts';
import { FleetService, type FleetMonitors } from './fleet-service.ts';

/** 2026-12-01 10:00 UTC. */
const START_MS = Date.UTC(2026, 11, 1, 10);

class FakeMonitors implements FleetMonitors {
  readonly batches = new Emitter<OrderUpdatesBatch>({ name: 'test.batches' });
  readonly connections = new Emitter<ConnectionView>({ name: 'test.connections' });
  readonly onDidBatch = this.batches.event;
  readonly onDidChangeConnection = this.connections.event;
  readonly running = new Set<string>();
  isRunning(accountId: string) {
    return this.running.has(accountId);
  }
  connection(accountId: string) {
    return new ConnectionTracker(accountId).snapshot();
  }
  state(accountId: string, state: ConnectionView['state'], problemCode?: string) {
    this.connections.fire({
      ...this.connection(accountId),
      state,
      problem: problemCode ? { code: problemCode, reason: { code: 'PING_FAILED' } } : null,
    });
  }
  /** A batch with one filled BUY (and the order counts the stats would have). */
  fill(
    accountId: string,
    update: Partial<OrderUpdate>,
    open = 0,
    missedByStream = 0,
    byStatus: Partial<Record<OrderStatus, number>> = {},
  ) {
    const u = sampleOrderUpdate({
      transactionTimeMs: update.eventTimeMs,
      executionType: 'TRADE',
      status: 'FILLED',
      lastFilledQty: '10',
      cumulativeFilledQty: '10',
      lastFilledPrice: '2',
      lastQuoteQty: '20',
      commission: '0.01',
      commissionAsset: 'ALPHA_373',
      ...update,
    });
    const stats = sampleSessionStats({ updatesAccepted: 1, missedByStream });
    stats.ordersByStatus.NEW = open;
    Object.assign(stats.ordersByStatus, byStatus);
    this.batches.fire({
      accountId,
      updates: [
        {
          update: u,
          source: 'stream',
          receivedAtMs: u.eventTimeMs,
          accepted: true,
          verdict: {
            outcome: 'applied',
            reason: 'moves-forward',
            counted: { base: u.lastFilledQty, quote: u.lastQuoteQty, fee: u.commission },
          },
        },
      ],
      orders: [],
      fills: [],
      stats,
    });
  }
}

const accounts = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `a${i + 1}`,
    label: `Account ${i + 1}`,
    environment: 'binance' as const,
  }));

let fleet: FleetService;
afterEach(() => fleet?.dispose());

function setup(n: number) {
  const clock = new FakeClock(START_MS);
  const monitors = new FakeMonitors();
  fleet = new FleetService({ clock, monitors, throttleMs: 500 });
  const updates: FleetUpdate[] = [];
  fleet.onDidChange((u) => updates.push(u));
  fleet.setAccounts(accounts(n));
  return { clock, monitors, updates };
}

describe('FleetService', () => {
  it('lists every account, stopped until its monitor says otherwise', () => {
    setup(50);
    const rows = fleet.snapshot().rows;
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['stopped']));
    expect(rows[0]).toMatchObject({
      label: 'Account 1',
      openOrders: 0,
      lastFill: null,
      points: { countedVolumeUsdt: '0', volumePoints: 0, wearUsdt: null },
      sessionHealth: { status: 'unchecked' },
    });
  });

  it('sends the changes of 50 busy accounts as one event per throttle window, only the changed rows', async () => {
    const { clock, monitors, updates } = setup(50);
    await clock.advance(500);
    updates.length = 0;
    for (let round = 0; round < 20; round++)
      for (let i = 1; i <= 40; i++) monitors.state(`a${i}`, round % 2 ? 'live' : 'reconnecting');
    expect(updates).toHaveLength(0);
    await clock.advance(500);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.rows.map((r) => r.accountId).sort()).toEqual(
      accounts(40)
        .map((a) => a.id)
        .sort(),
    );
    expect(updates[0]!.rows.every((r) => r.state === 'live')).toBe(true);
    await clock.advance(5_000);
    expect(updates).toHaveLength(1);
  });

  it('sends nothing when what a row shows did not change (a key refresh while live)', async () => {
    const { clock, monitors, updates } = setup(2);
    monitors.state('a1', 'live');
    await clock.advance(500);
    updates.length = 0;
    monitors.state('a1', 'live');
    await clock.advance(500);
    expect(updates).toHaveLength(0);
  });

  it('names why a session stopped: expired, verification needed, or another failure', async () => {
    const { clock, monitors } = setup(3);
    monitors.state('a1', 'live');
    await clock.advance(60_000);
    monitors.state('a1', 'failed', 'SESSION_EXPIRED');
    monitors.state('a2', 'failed', 'VERIFICATION_REQUIRED');
    monitors.state('a3', 'failed', 'MAX_RECONNECTS');
    const byId = new Map(fleet.snapshot().rows.map((r) => [r.accountId, r]));
    expect(byId.get('a1')).toMatchObject({
      state: 'session-expired',
      problemCode: 'SESSION_EXPIRED',
      sessionHealth: { status: 'expired', reasons: ['SESSION_EXPIRED'], checkedAtMs: START_MS },
    });
    expect(byId.get('a2')!.state).toBe('verification-needed');
    expect(byId.get('a2')!.sessionHealth.status).toBe('verification-required');
    expect(byId.get('a3')!.state).toBe('failed');
  });

  it('counts an order whose status Alpha Monitor does not know as open (it has not ended)', async () => {
    const { clock, monitors } = setup(1);
    monitors.fill('a1', { orderId: '1', eventTimeMs: START_MS }, 1, 0, {
      PARTIALLY_FILLED: 1,
      UNRECOGNIZED: 2,
    });
    await clock.advance(500);
    expect(fleet.snapshot().rows[0]!.openOrders).toBe(4);
  });

  it("shows today's counted volume, points, wear, open orders, last fill and missed-by-stream", async () => {
    const { clock, monitors } = setup(2);
    const t = START_MS + 1_000;
    // 600 USDT bought (2^9 = 512 → 9 points), then 300 sold: a fee and a loss.
    monitors.fill(
      'a1',
      {
        orderId: '1',
        eventTimeMs: t,
        lastFilledQty: '300',
        cumulativeFilledQty: '300',
        lastQuoteQty: '600',
        commission: '0.3',
      },
      2,
      1,
    );
    monitors.fill(
      'a1',
      {
        orderId: '2',
        side: 'SELL',
        eventTimeMs: t + 5_000,
        lastFilledQty: '300',
        cumulativeFilledQty: '300',
        lastFilledPrice: '1.99',
        lastQuoteQty: '597',
        commission: '0.597',
        commissionAsset: 'USDT',
      },
      1,
      3,
    );
    await clock.advance(500);
    const row = fleet.snapshot().rows.find((r) => r.accountId === 'a1')!;
    expect(row.points).toMatchObject({
      countedVolumeUsdt: '600',
      volumePoints: 9,
      source: 'stream',
    });
    // 600 − 597 + 0.3 × 2 (base fee at the fill price) + 0.597 = 4.197
    expect(row.points.wearUsdt).toBe('4.197');
    expect(row.openOrders).toBe(1);
    expect(row.missedByStream).toBe(3);
    expect(row.lastFill).toMatchObject({ side: 'SELL', quoteQty: '597', atMs: t + 5_000 });
    expect(fleet.snapshot().rows.find((r) => r.accountId === 'a2')!.points.countedVolumeUsdt).toBe(
      '0',
    );
  });

  it('does not count an order again when a restarted monitor backfills it', () => {
    const { monitors } = setup(1);
    const fill = {
      orderId: '7',
      eventTimeMs: START_MS,
      lastQuoteQty: '100',
      cumulativeFilledQty: '10',
    };
    monitors.fill('a1', fill);
    monitors.fill('a1', fill);
    expect(fleet.snapshot().rows[0]!.points.countedVolumeUsdt).toBe('100');
  });

  it('does not count an order again however long ago it ended, among the last 1,000 to end', () => {
    const { monitors } = setup(1);
    const fill = { eventTimeMs: START_MS, lastQuoteQty: '1', cumulativeFilledQty: '10' };
    monitors.fill('a1', { ...fill, orderId: '7' });
    // 999 more orders fill and end over the next 50 minutes.
    for (let i = 1; i < ENDED_COUNTED_KEPT; i++)
      monitors.fill('a1', { ...fill, orderId: `o${i}`, eventTimeMs: START_MS + i * 3_000 });
    // A monitor restarted now backfills order 7 from today's history.
    monitors.fill('a1', { ...fill, orderId: '7', eventTimeMs: START_MS });
    expect(fleet.snapshot().rows[0]!.points.countedVolumeUsdt).toBe(String(ENDED_COUNTED_KEPT));
  });

  it('starts a new day at 00:00 UTC', async () => {
    const { clock, monitors } = setup(1);
    monitors.fill('a1', { orderId: '1', eventTimeMs: START_MS, lastQuoteQty: '100' });
    expect(fleet.snapshot().rows[0]!.points.countedVolumeUsdt).toBe('100');
    await clock.advance(14 * 3_600_000);
    const row = fleet.snapshot().rows[0]!;
    expect(row.points.countedVolumeUsdt).toBe('0');
    // The last fill is still the last fill, whatever the day.
    expect(row.lastFill?.atMs).toBe(START_MS);
  });

  it('reports removed accounts and picks up renamed ones', async () => {
    const { clock, updates } = setup(3);
    await clock.advance(500);
    updates.length = 0;
    fleet.setAccounts([
      { id: 'a1', label: 'Renamed', environment: 'binance' },
      { id: 'a3', label: 'Account 3', environment: 'binance' },
    ]);
    await clock.advance(500);
    expect(updates).toEqual([
      expect.objectContaining({
        removedAccountIds: ['a2'],
        rows: [expect.objectContaining({ accountId: 'a1', label: 'Renamed' })],
      }),
    ]);
    expect(fleet.snapshot().rows.map((r) => r.accountId)).toEqual(['a1', 'a3']);
  });
});
