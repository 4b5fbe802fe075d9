import { describe, expect, it } from 'vitest';
import type {
  FillPoint,
  MonitorSnapshot,
  OrderUpdatesBatch,
  OrderUpdateView,
  SessionStatsView,
} from '../../../shared/ipc/views-monitor.ts';
import { AccountSessionModel } from './account-session-model.ts';
import { sampleConnectionView } from '../../../../test/fakes/connection-views.ts';
import {
  sampleOrderUpdate,
  sampleOrderView,
  sampleSessionStats,
} from '../../../../test/fakes/order-updates.ts';

const stats = (updatesReceived: number): SessionStatsView =>
  sampleSessionStats({ updatesReceived, updatesAccepted: updatesReceived });
const fill = (orderId: string, eventTimeMs: number): FillPoint => ({
  orderId,
  symbol: 'ALPHA_22USDT',
  side: 'BUY',
  eventTimeMs,
  qty: '1',
  price: '2',
  quoteQty: '2',
  status: 'FILLED',
});
const snapshot = (
  orders: MonitorSnapshot['orders'],
  fills: FillPoint[],
  received: number,
): MonitorSnapshot => ({
  connection: sampleConnectionView(),
  orders,
  fills,
  stats: stats(received),
});
const batch = (
  orders: OrderUpdatesBatch['orders'],
  fills: FillPoint[],
  received: number,
): OrderUpdatesBatch => ({
  accountId: 'a1',
  updates: [],
  orders,
  fills,
  stats: stats(received),
});

describe('AccountSessionModel', () => {
  it('applies batches that raced the snapshot on top of it, without counting a fill twice', () => {
    const model = new AccountSessionModel('a1', () => 5);
    // Batch 1 is already in the snapshot; batch 2 is not.
    model.applyBatch(
      batch([sampleOrderView({ orderId: '1', status: 'FILLED' })], [fill('1', 100)], 2),
    );
    model.applyBatch(
      batch([sampleOrderView({ orderId: '2', status: 'NEW' })], [fill('2', 200)], 3),
    );
    expect(model.loaded).toBe(false);
    model.applySnapshot(
      snapshot([sampleOrderView({ orderId: '1', status: 'FILLED' })], [fill('1', 100)], 2),
    );
    expect(model.loaded).toBe(true);
    expect(model.orders.size).toBe(2);
    expect(model.fills.count).toBe(2);
    expect(model.stats?.updatesReceived).toBe(3);
  });

  it('replaces an order in place and marks it as just changed; ignores other accounts', () => {
    let now = 1000;
    const model = new AccountSessionModel('a1', () => now);
    model.applySnapshot(
      snapshot([sampleOrderView({ orderId: '1' }), sampleOrderView({ orderId: '2' })], [], 2),
    );
    expect(model.orders.changedAtMs('1')).toBeNull();
    now = 2000;
    model.applyBatch(batch([sampleOrderView({ orderId: '1', status: 'FILLED' })], [], 3));
    expect(model.orders.rows.map((r) => r.last.orderId)).toEqual(['1', '2']);
    expect(model.orders.get('1')?.last.status).toBe('FILLED');
    expect(model.orders.changedAtMs('1')).toBe(2000);
    model.applyBatch({ ...batch([sampleOrderView({ orderId: '9' })], [], 9), accountId: 'other' });
    expect(model.orders.size).toBe(2);
  });

  it('shows an order re-sent with a status-unknown mark as marked, and the counts with it, until it moves', () => {
    const model = new AccountSessionModel('a1', () => 1000);
    model.applySnapshot(snapshot([sampleOrderView({ orderId: '42' })], [], 1));
    const mark = { code: 'NOT_OPEN_ON_EXCHANGE' as const, sinceMs: 900 };
    model.applyBatch({
      ...batch([sampleOrderView({ orderId: '42' }, { statusUnknown: mark })], [], 1),
      stats: sampleSessionStats({ updatesReceived: 1, statusUnknown: 1, missedByStream: 1 }),
    });
    expect(model.orders.get('42')?.statusUnknown).toEqual(mark);
    expect(model.stats).toMatchObject({ statusUnknown: 1, missedByStream: 1 });

    model.applyBatch(batch([sampleOrderView({ orderId: '42', status: 'CANCELED' })], [], 2));
    expect(model.orders.get('42')).toMatchObject({
      last: { status: 'CANCELED' },
      statusUnknown: null,
    });
    expect(model.stats?.statusUnknown).toBe(0);
  });

  it("takes the last event time and latency from stream updates, keeping main's connection as sent", () => {
    const model = new AccountSessionModel('a1', () => 0);
    model.applySnapshot(snapshot([], [], 0));
    const reported = model.reportedConnection;
    expect(model.connection).toBe(reported);
    const received = (
      source: OrderUpdateView['source'],
      receivedAtMs: number,
      eventTimeMs: number,
    ): OrderUpdateView => ({
      update: sampleOrderUpdate({ orderId: '7', eventTimeMs }),
      source,
      receivedAtMs,
      verdict: { outcome: 'applied', reason: 'first-seen', counted: null },
      accepted: true,
    });
    model.applyBatch({ ...batch([], [], 1), updates: [received('stream', 5_000, 4_960)] });
    expect(model.reportedConnection).toBe(reported);
    expect(model.lastStreamUpdate).toEqual({ receivedAtMs: 5_000, latencyMs: 40 });
    expect(model.connection).toMatchObject({ lastEventAtMs: 5_000, lastReceiveLatencyMs: 40 });

    // A backfill's update arrives long after its event: it says nothing about the stream.
    model.applyBatch({ ...batch([], [], 2), updates: [received('backfill', 9_000, 1_000)] });
    expect(model.connection).toMatchObject({ lastEventAtMs: 5_000, lastReceiveLatencyMs: 40 });

    // Main's own report wins when it is newer.
    const newer = { ...sampleConnectionView(), lastEventAtMs: 6_000, lastReceiveLatencyMs: 3 };
    model.applyConnection(newer);
    expect(model.reportedConnection).toBe(newer);
    expect(model.connection).toBe(newer);
  });
});
