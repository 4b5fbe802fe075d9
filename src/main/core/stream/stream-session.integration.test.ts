import { afterEach, describe, expect, it } from 'vitest';
import {
  placeRestingOto,
  startMonitorHarness,
  type MonitorHarness,
} from '../../../../test/fakes/monitor-harness.ts';
import { createRecordingWebSocketFactory } from '../../../../test/fakes/recording-ws-factory.ts';
import { createAcceleratedClock } from '../ports/clock.ts';

let h: MonitorHarness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

const HOUR = 3_600_000;
const MIN = 60_000;

describe('listen-key refresh on a live socket', () => {
  it('a refresh that returns the same key keeps the subscription as it is', async () => {
    const rec = createRecordingWebSocketFactory();
    h = await startMonitorHarness({
      sim: { listenKeyRepost: 'extend' },
      monitor: { renewIntervalMs: 200, webSocketFactory: rec.factory },
    });
    h.monitor.start();
    await h.until(() => h!.monitor.stats.listenKeyRefreshes >= 2, 'two refreshes');
    expect(
      rec.events.filter((e) => e.kind === 'send').map((e) => (e.kind === 'send' ? e.method : '')),
    ).toEqual(['SUBSCRIBE']);
    expect(h.monitor.stats.reconnects).toBe(0);
    const ids = await placeRestingOto(h);
    await h.until(
      () => h!.monitor.book.get(ids.workingOrderId) !== undefined,
      'updates still arrive',
    );
  });

  it('a refresh that returns a new key subscribes it before unsubscribing the old one, on the same socket', async () => {
    const rec = createRecordingWebSocketFactory();
    h = await startMonitorHarness({
      sim: { listenKeyRepost: 'rotate' },
      monitor: { renewIntervalMs: 300, webSocketFactory: rec.factory },
    });
    h.monitor.start();
    await h.until(() => rec.events.filter((e) => e.kind === 'send').length >= 3, 'swap frames');
    const sends = rec.events.flatMap((e) => (e.kind === 'send' ? [e] : []));
    const [first, second, third] = sends;
    expect([first!.method, second!.method, third!.method]).toEqual([
      'SUBSCRIBE',
      'SUBSCRIBE',
      'UNSUBSCRIBE',
    ]);
    expect(second!.params).not.toEqual(first!.params);
    expect(third!.params).toEqual(first!.params);
    expect(new Set(sends.map((s) => s.socket)).size).toBe(1);
    expect(h.monitor.stats.reconnects).toBe(0);
    const ids = await placeRestingOto(h);
    await h.until(
      () => h!.monitor.book.get(ids.workingOrderId) !== undefined,
      'updates on the new key',
    );
  });

  it('listenKeyExpired: gets a new key and resubscribes without reconnecting', async () => {
    const rec = createRecordingWebSocketFactory();
    h = await startMonitorHarness({
      sim: { sendListenKeyExpired: true },
      monitor: { webSocketFactory: rec.factory },
    });
    h.monitor.start();
    await h.until(() => h!.monitor.state.name === 'live', 'live');
    const oldKey = h.sim.faults.expireListenKey();
    expect(oldKey).toBeDefined();
    await h.until(() => h!.monitor.stats.listenKeyRefreshes === 1, 'renewed after expiry');
    const subscribes = rec.events.flatMap((e) =>
      e.kind === 'send' && e.method === 'SUBSCRIBE' ? [e.params[0]] : [],
    );
    expect(subscribes).toHaveLength(2);
    expect(subscribes[1]).not.toBe(`alpha@${oldKey}`);
    expect(h.monitor.stats.otherEvents).toBe(1);
    expect(h.monitor.stats.reconnects).toBe(0);
    const ids = await placeRestingOto(h);
    await h.until(
      () => h!.monitor.book.get(ids.workingOrderId) !== undefined,
      'updates on the new key',
    );
  });
});

describe('a 24-hour run on an accelerated clock', () => {
  it('stays live through key renewals and a planned rotation, and misses no order', async () => {
    const clock = createAcceleratedClock({ speed: 8_000 });
    const rec = createRecordingWebSocketFactory();
    h = await startMonitorHarness({
      clock,
      // Deadlines in sim time are short in real time at 8000x (10 sim-minutes = 75 ms): on a
      // busy machine a pong that late would count as a stall. This test is about renewals and
      // rotation, so every deadline is hours of sim time (seconds of real time).
      sim: {
        pingIntervalMs: 10 * MIN,
        pongTimeoutMs: 6 * HOUR,
        priceTickIntervalMs: 10 * MIN,
        demoActivity: { ordersPerMinute: 0.05 },
      },
      monitor: {
        pingIntervalMs: 2 * HOUR,
        ackTimeoutMs: 6 * HOUR,
        connectTimeoutMs: 6 * HOUR,
        backoff: { baseMs: MIN, capMs: 5 * MIN },
        // At 8000x one real millisecond is 8 s of sim time: a 60-s reconcile clock would run
        // every 7.5 ms and take every push in flight for a missed one. A few runs in the day
        // still check the stream against REST.
        reconcileIntervalMs: 6 * HOUR,
        reconcileGraceMs: 10 * MIN,
        webSocketFactory: rec.factory,
      },
    });
    const startMs = clock.now();
    h.monitor.start();
    await h.until(
      () => clock.now() - startMs >= 24 * HOUR + 30 * MIN,
      '24 hours of sim time',
      30_000,
    );
    const stats = h.monitor.stats;
    expect(h.monitor.state.name).toBe('live');
    expect(stats.reconnects).toBe(0);
    // Re-POSTed every 30 minutes: the key never lapsed.
    expect(stats.listenKeyRefreshes).toBeGreaterThanOrEqual(40);
    // The planned rotation before 24 h: socket 2 opened (and subscribed) before socket 1 closed.
    const opened2 = rec.events.findIndex((e) => e.kind === 'open' && e.socket === 2);
    const subscribed2 = rec.events.findIndex(
      (e) => e.kind === 'send' && e.socket === 2 && e.method === 'SUBSCRIBE',
    );
    const closed1 = rec.events.findIndex((e) => e.kind === 'close' && e.socket === 1);
    expect(opened2).toBeGreaterThan(-1);
    expect(subscribed2).toBeGreaterThan(opened2);
    expect(closed1).toBeGreaterThan(subscribed2);
    // Every order the exchange knows, the monitor knows, in the same status.
    h.sim.demoActivity.stop();
    await new Promise((r) => setTimeout(r, 300));
    const history = await h.rest.getAllOrderHistory({
      startTimeMs: startMs - HOUR,
      endTimeMs: clock.now() + HOUR,
      rows: 50,
      maxPages: 50,
    });
    const open = await h.rest.getOpenOrders();
    const exchange = [...history, ...open];
    expect(exchange.length).toBeGreaterThan(10);
    for (const row of exchange)
      expect(h.monitor.book.get(row.orderId)?.current.status, `order ${row.orderId}`).toBe(
        row.status,
      );
  });
});
