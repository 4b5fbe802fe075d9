import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import { MemoryExchange } from '../../../../test/fakes/memory-exchange.ts';
import { MemoryStreamServer } from '../../../../test/fakes/memory-stream-server.ts';
import { executionReportData, sampleFilledOrder } from '../../../../test/fakes/order-updates.ts';
import { receivedStatus, type OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { SessionState } from '../stream/session-state.ts';
import {
  createAccountMonitor,
  type AccountMonitorSettings,
  type MonitorFrame,
  type MonitorOrderUpdate,
  type ReconcileEvent,
} from './account-monitor.ts';
import { maskListenKey } from '../../../shared/secrets/mask.ts';
import { nullLogger, type Logger } from '../ports/logger.ts';

// The monitor (listen key + stream + book + reconciliation) on a fake clock, against an
// in-memory socket pair and an in-memory exchange: the gaps, the key renewals and the
// reconciliation clock happen at exact times, with no real timer and no port.

const SEC = 1_000;
const MIN = 60_000;
const HOUR = 3_600_000;

let disposeAll: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const dispose of disposeAll) await dispose();
  disposeAll = [];
});

function setup(settings: AccountMonitorSettings = {}, logger?: Logger) {
  const clock = new FakeClock();
  const server = new MemoryStreamServer();
  const exchange = new MemoryExchange();
  const monitor = createAccountMonitor({
    accountId: 'a1',
    rest: exchange,
    wsUrl: 'ws://memory/w3w/stream',
    clock,
    logger,
    options: {
      webSocketFactory: server.factory,
      random: () => 0.5,
      backoff: { baseMs: 1 * SEC, capMs: 10 * SEC },
      ...settings,
    },
  });
  const states: SessionState[] = [];
  const updates: MonitorOrderUpdate[] = [];
  const reconciles: ReconcileEvent[] = [];
  monitor.onDidChangeState(({ state }) => states.push(state));
  monitor.onDidReceiveOrderUpdate((e) => updates.push(e));
  monitor.onDidReconcile((e) => reconciles.push(e));
  disposeAll.push(() => monitor.dispose());
  /** An order of the account, as of now on the clock. */
  const order = (orderId: string, eventId: number) => {
    const placedMs = clock.now();
    const times = { orderCreationTimeMs: placedMs, transactionTimeMs: placedMs };
    const [created, filled] = sampleFilledOrder(orderId, eventId, times);
    return {
      created: { ...created, eventTimeMs: placedMs, updateTimeMs: placedMs },
      /** Its fill, happening now. */
      filledNow: (): OrderUpdate => ({
        ...filled,
        eventTimeMs: clock.now(),
        transactionTimeMs: clock.now(),
        updateTimeMs: clock.now(),
      }),
    };
  };
  /** The exchange holds `update`, and pushes it to whoever is subscribed to the current key. */
  const pushed = async (update: OrderUpdate) => {
    exchange.setOrder(update);
    server.push(exchange.issuedKeys.at(-1)!, executionReportData(update));
    await clock.advance(0);
  };
  /** The exchange holds `update` (a fill), and nobody hears of it on the stream. */
  const unheard = (update: OrderUpdate) => {
    exchange.setOrder(update);
    exchange.addTrade(update);
  };
  return { clock, server, exchange, monitor, states, updates, reconciles, order, pushed, unheard };
}

type Setup = ReturnType<typeof setup>;

async function live(t: Setup): Promise<void> {
  t.monitor.start();
  // Connect, subscribe, and the start reconciliation (its REST calls are spaced on the clock).
  await t.clock.advance(5 * SEC);
  expect(t.monitor.state.name).toBe('live');
  expect(t.reconciles.map((r) => r.trigger)).toEqual(['start']);
}

const statusOf = (t: Setup, orderId: string) => t.monitor.book.statusOf(orderId);
const backfilled = (t: Setup) =>
  t.updates
    .filter((u) => u.source === 'backfill')
    .map((u) => `${u.update.orderId} ${u.update.status}`);

describe('AccountMonitor on a fake clock', () => {
  it('keeps updates with a status it does not know (shown as sent, order left open, logged once) and ends an order EXPIRED_IN_MATCH', async () => {
    const warnings: Array<Record<string, unknown> | undefined> = [];
    const logger: Logger = {
      ...nullLogger,
      warn: (message, fields) => {
        if (message.includes('does not know')) warnings.push(fields);
      },
      child: () => logger,
    };
    const t = setup({}, logger);
    await live(t);
    const halted = t.order('8', 10);
    const prevented = t.order('9', 20);
    await t.pushed(halted.created);
    await t.pushed(prevented.created);
    const key = t.exchange.issuedKeys.at(-1)!;
    const data = executionReportData(halted.created);
    t.server.push(key, { ...data, id: 11, X: 'HALTED' });
    t.server.push(key, { ...data, id: 12, X: 'HALTED', x: 'AMENDMENT' });
    t.server.push(key, { ...data, id: 13, X: 'HALTED' });
    t.server.push(key, {
      ...executionReportData(prevented.created),
      id: 21,
      x: 'TRADE_PREVENTION',
      X: 'EXPIRED_IN_MATCH',
    });
    await t.clock.advance(0);

    const seen = t.updates
      .filter((u) => u.source === 'stream')
      .map((u) => [u.update.orderId, u.outcome, receivedStatus(u.update)]);
    expect(seen).toEqual([
      ['8', 'applied', 'NEW'],
      ['9', 'applied', 'NEW'],
      ['8', 'applied', 'HALTED'],
      ['8', 'applied', 'HALTED'],
      ['8', 'applied', 'HALTED'],
      ['9', 'applied', 'EXPIRED_IN_MATCH'],
    ]);
    expect(t.monitor.stats.malformed).toBe(0);
    // Not ended by a status we cannot read: reconciliation still checks it.
    expect(t.monitor.book.openOrders().map((o) => o.orderId)).toEqual(['8']);
    expect(statusOf(t, '9')).toBe('EXPIRED_IN_MATCH');
    expect(warnings).toEqual([
      { status: 'HALTED', executionType: 'NEW', orderId: '8', source: 'stream' },
      { status: 'HALTED', executionType: 'AMENDMENT', orderId: '8', source: 'stream' },
    ]);
  });

  it('reconciliation decides a status it does not know: CANCELED when the exchange lists it so, else "status unknown"', async () => {
    const t = setup({ reconcileIntervalMs: MIN, reconcileGraceMs: 5 * SEC });
    await live(t);
    const decided = t.order('8', 10);
    const undecided = t.order('9', 20);
    await t.pushed(decided.created);
    await t.pushed(undecided.created);
    // Both cancelled; the stream says so as X=CANCELLED, a value Alpha Monitor does not know.
    const cancelled = (created: OrderUpdate): OrderUpdate => ({
      ...created,
      eventId: created.eventId + 1,
      eventTimeMs: t.clock.now(),
      updateTimeMs: t.clock.now(),
      status: 'UNRECOGNIZED',
      rawStatus: 'CANCELLED',
      executionType: 'CANCELED',
    });
    await t.pushed(cancelled(decided.created));
    await t.pushed(cancelled(undecided.created));
    expect(t.monitor.book.openOrders().map((o) => o.orderId)).toEqual(['8', '9']);
    // The exchange's rows show order 8 as CANCELED; order 9 still with the value the stream sent.
    t.exchange.setOrder({
      ...cancelled(decided.created),
      status: 'CANCELED',
      rawStatus: undefined,
    });
    await t.clock.advance(MIN + 10 * SEC);

    expect(statusOf(t, '8')).toBe('CANCELED');
    expect(backfilled(t)).toEqual(['8 CANCELED']);
    expect(t.monitor.statusUnknownOf('9')).toMatchObject({ code: 'NOT_OPEN_ON_EXCHANGE' });
    expect(t.reconciles.at(-1)).toMatchObject({ trigger: 'clock', statusUnknown: ['9'] });
    // The stream delivered both cancels: nothing counted as missed, the stream kept.
    expect(t.monitor.stats).toMatchObject({ missedByStream: 0 });
    expect(t.server.sockets).toHaveLength(1);
  });

  it('masks each frame once and hands its update on with the same masked text (one journal record)', async () => {
    const t = setup();
    const frames: MonitorFrame[] = [];
    t.monitor.onDidReceiveFrame((f) => frames.push(f));
    await live(t);
    const o = t.order('7', 1);
    await t.pushed(o.created);
    const key = t.exchange.issuedKeys.at(-1)!;
    const frame = frames.find((f) => f.carriesUpdate)!;
    expect(frame.text).not.toContain(key);
    expect(frame.text).toContain(`alpha@${maskListenKey(key)}`);
    const pushed = t.updates.find((u) => u.source === 'stream' && u.update.orderId === '7')!;
    expect(pushed.frameText).toBe(frame.text);
    expect(pushed.receivedAtMs).toBe(frame.receivedAtMs);
    // Its book record is timed by when it was received.
    expect(t.monitor.book.get('7')?.firstSeenAtMs).toBe(frame.receivedAtMs);
  });

  it('after a drop, reconnects on a fresh key and backfills over REST the fill made while down', async () => {
    const t = setup();
    await live(t);
    const o = t.order('7', 1);
    await t.pushed(o.created);
    expect(statusOf(t, '7')).toBe('NEW');

    t.server.behaviour.refuse = true;
    t.server.dropAll();
    await t.clock.advance(0);
    expect(t.monitor.state.name).toBe('reconnecting');
    t.unheard(o.filledNow());
    await t.clock.advance(10 * SEC);
    t.server.behaviour.refuse = false;
    await t.clock.advance(20 * SEC);

    expect(t.monitor.state.name).toBe('live');
    expect(statusOf(t, '7')).toBe('FILLED');
    expect(backfilled(t)).toEqual(['7 FILLED']);
    expect(t.reconciles.map((r) => r.trigger)).toEqual(['start', 'gap']);
    expect(t.monitor.stats).toMatchObject({ reconnects: 1, backfilled: 1, missedByStream: 0 });
    expect(t.exchange.issuedKeys).toHaveLength(1);
    expect(t.exchange.keyRequests).toBeGreaterThan(1);
  });

  it('a key renewal that hands out a new key recovers over REST the fill pushed to the dead old key, without a reconnect', async () => {
    // The reconciliation clock is out of the way: only the swap to the new key finds the fill.
    const t = setup({ reconcileIntervalMs: 24 * HOUR, idleReconcileIntervalMs: 24 * HOUR });
    t.exchange.keyRepost = 'rotate';
    const renewalAtMs = t.clock.now() + 30 * MIN;
    await live(t);
    const o = t.order('7', 1);
    await t.pushed(o.created);
    t.unheard(o.filledNow());
    await t.clock.advance(renewalAtMs - 1 - t.clock.now());
    expect(statusOf(t, '7')).toBe('NEW');
    await t.clock.advance(5 * SEC);

    expect(statusOf(t, '7')).toBe('FILLED');
    expect(backfilled(t)).toEqual(['7 FILLED']);
    expect(t.reconciles.map((r) => r.trigger)).toEqual(['start', 'gap']);
    expect(t.monitor.stats).toMatchObject({ reconnects: 0, listenKeyRefreshes: 1 });
    expect(t.server.sockets).toHaveLength(1);
  });

  it('a silent stream (pongs, no pushes) is caught on the reconciliation clock: the fill recovered, counted as missed, the stream replaced', async () => {
    const t = setup({ reconcileIntervalMs: MIN, reconcileGraceMs: 5 * SEC });
    await live(t);
    const o = t.order('7', 1);
    await t.pushed(o.created);
    t.unheard(o.filledNow());
    await t.clock.advance(MIN + 10 * SEC);

    expect(statusOf(t, '7')).toBe('FILLED');
    expect(backfilled(t)).toEqual(['7 FILLED']);
    expect(t.reconciles.at(-1)).toMatchObject({ trigger: 'clock', missedByStream: 1 });
    expect(t.monitor.stats).toMatchObject({ missedByStream: 1, reconnects: 0 });
    // Replaced: a new connection on a fresh key POST, live before the old one closed.
    expect(t.server.openSockets.map((s) => s.id)).toEqual([2]);
    expect(t.monitor.state.name).toBe('live');
  });

  it('a fill the stream delivers within the grace period is not blamed on the stream', async () => {
    const t = setup({ reconcileIntervalMs: MIN, reconcileGraceMs: 5 * SEC });
    await live(t);
    const o = t.order('7', 1);
    await t.pushed(o.created);
    // The exchange lists the fill just before the clock's reconciliation; the push is late.
    await t.clock.advance(MIN - 1 * SEC);
    const fill = o.filledNow();
    t.unheard(fill);
    await t.clock.advance(2 * SEC);
    await t.pushed(fill);
    await t.clock.advance(10 * SEC);

    expect(statusOf(t, '7')).toBe('FILLED');
    expect(backfilled(t)).toEqual([]);
    expect(t.monitor.stats).toMatchObject({ missedByStream: 0 });
    expect(t.server.sockets).toHaveLength(1);
  });

  it('a stalled connection is replaced at the pong deadline, and the gap reconciled', async () => {
    const t = setup({ pingIntervalMs: 20 * SEC });
    await live(t);
    const o = t.order('7', 1);
    await t.pushed(o.created);
    t.server.behaviour.answerPings = false;
    t.unheard(o.filledNow());
    await t.clock.advance(40 * SEC);
    expect(t.states.find((s) => s.name === 'reconnecting')).toMatchObject({
      reason: { code: 'PONG_TIMEOUT' },
    });
    t.server.behaviour.answerPings = true;
    await t.clock.advance(20 * SEC);

    expect(t.monitor.state.name).toBe('live');
    expect(statusOf(t, '7')).toBe('FILLED');
    expect(t.reconciles.map((r) => r.trigger)).toContain('gap');
    expect(t.monitor.stats.reconnects).toBe(1);
  });

  it('stop unsubscribes and closes; nothing is scheduled afterwards', async () => {
    const t = setup();
    await live(t);
    await t.monitor.stop();
    expect(t.monitor.state.name).toBe('stopped');
    expect(t.server.openSockets).toEqual([]);
    const requests = t.exchange.keyRequests;
    await t.clock.advance(24 * HOUR);
    expect(t.exchange.keyRequests).toBe(requests);
    expect(t.reconciles.map((r) => r.trigger)).toEqual(['start']);
  });
});
