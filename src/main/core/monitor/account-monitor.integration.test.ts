import { afterEach, describe, expect, it } from 'vitest';
import {
  placeRestingOto,
  startMonitorHarness,
  type MonitorHarness,
} from '../../../../test/fakes/monitor-harness.ts';

let h: MonitorHarness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

async function live(harness: MonitorHarness) {
  harness.monitor.start();
  await harness.until(() => harness.monitor.state.name === 'live', 'live');
}

describe('AccountMonitor against the simulator', () => {
  it('follows a full OTO life cycle to two FILLED legs', async () => {
    h = await startMonitorHarness();
    await live(h);
    const ids = await placeRestingOto(h);
    await h.until(() => h!.monitor.book.size === 2, 'both legs');
    expect(h.monitor.book.get(ids.pendingOrderId)!.current).toMatchObject({
      status: 'PENDING',
      quantity: '0',
      contingencyPosition: 'OTO_PENDING',
    });
    h.sim.orders.fillNow(ids.workingOrderId);
    await h.until(
      () => h!.monitor.book.get(ids.pendingOrderId)?.current.status === 'NEW',
      'pending leg activated',
    );
    // Activation quantity = filled minus the 0.01% base fee, rounded down to the 0.01 step.
    expect(h.monitor.book.get(ids.pendingOrderId)!.current.quantity).toMatch(/^99\.99/);
    h.sim.orders.fillNow(ids.pendingOrderId);
    await h.until(
      () => h!.monitor.book.statusOf(ids.pendingOrderId) === 'FILLED',
      'pending leg filled',
    );
    const stats = h.monitor.stats;
    expect(stats.ordersByStatus).toEqual({ FILLED: 2 });
    expect(stats.byStatus.PENDING).toBe(1);
    expect(stats.fills).toBeGreaterThanOrEqual(2);
    expect(h.monitor.book.peerOf(ids.workingOrderId)).toBe(ids.pendingOrderId);
    expect(h.updates.every((u) => u.source === 'stream')).toBe(true);
    // The raw frames handed on never carry the full listen key.
    const key = await h.rest.getListenKey();
    expect(h.frames.join('\n')).not.toContain(key);
    expect(h.frames[0]).toContain('alpha@' + key.slice(0, 10) + '...');
  });

  it('reconnects after a drop with a fresh key and loses nothing sent after the reconnect', async () => {
    h = await startMonitorHarness();
    await live(h);
    const keysBefore = h.listenKeysRequested();
    h.sim.faults.dropAllConnections();
    await h.until(
      () => h!.monitor.stats.reconnects === 1 && h!.monitor.state.name === 'live',
      'back live',
    );
    expect(h.states.map((s) => s.name)).toContain('reconnecting');
    expect(h.listenKeysRequested()).toBeGreaterThan(keysBefore);
    const ids = await placeRestingOto(h);
    await h.until(
      () => h!.monitor.book.get(ids.pendingOrderId) !== undefined,
      'updates after reconnect',
    );
    expect(h.monitor.book.get(ids.workingOrderId)!.current.status).toBe('NEW');
  });

  it('backfills over REST what happened while the stream was down', async () => {
    h = await startMonitorHarness();
    await live(h);
    const ids = await placeRestingOto(h);
    await h.until(() => h!.monitor.book.size === 2, 'both legs');
    // Connections are refused until the fill happened: the gap lasts whatever the load.
    h.sim.faults.refuseConnections(10 * 60_000);
    h.sim.faults.dropAllConnections();
    await h.until(() => h!.monitor.state.name === 'reconnecting', 'reconnecting');
    // The fill happens while nobody listens.
    h.sim.orders.fillNow(ids.workingOrderId);
    h.sim.faults.refuseConnections(0);
    await h.until(
      () => h!.monitor.book.statusOf(ids.workingOrderId) === 'FILLED',
      'backfilled fill',
    );
    const backfilled = h.updates.filter((u) => u.source === 'backfill');
    expect(backfilled.map((u) => u.update.orderId)).toContain(ids.workingOrderId);
    expect(h.monitor.stats.backfilled).toBeGreaterThan(0);
    expect(h.monitor.stats.fills).toBeGreaterThan(0);
  });

  // That nothing is retried afterwards, however long, is shown on a fake clock (stream-session.test.ts).
  it('fails for good on an invalidated session', async () => {
    h = await startMonitorHarness();
    await live(h);
    h.sim.faults.invalidateSession();
    h.sim.faults.dropAllConnections();
    await h.until(() => h!.monitor.state.name === 'failed', 'failed');
    expect(h.monitor.state).toMatchObject({ name: 'failed', code: 'SESSION_EXPIRED' });
    expect(h.sim.connectionCount).toBe(0);
  });

  it('fails for good, saying why, when a cookie of the session has a character no browser sends', async () => {
    // A chat app turned a quote in the copied cookie into a curly one: no request can carry it.
    h = await startMonitorHarness({
      credentials: (demo) => ({ ...demo, cookies: `${demo.cookies}; lang=\u201cen\u201d` }),
    });
    h.monitor.start();
    await h.until(() => h!.monitor.state.name === 'failed', 'failed');
    expect(h.monitor.state).toMatchObject({
      name: 'failed',
      code: 'INVALID_CREDENTIALS',
      reason: { code: 'INVALID_CREDENTIALS', header: 'cookie' },
    });
    expect(h.states.some((s) => s.name === 'reconnecting')).toBe(false);
    expect(h.sim.connectionCount).toBe(0);
  });

  it('counts duplicates, keeps out-of-order events from regressing, and drops malformed frames', async () => {
    h = await startMonitorHarness();
    await live(h);
    const ids = await placeRestingOto(h);
    await h.until(() => h!.monitor.book.size === 2, 'both legs');
    expect(h.sim.faults.duplicateLastFrame()).toBe(true);
    h.sim.faults.injectRaw('{"stream":"alpha@x","data":{"e":"executionReport","i":');
    h.sim.faults.injectRaw('not json at all');
    await h.until(
      () => h!.monitor.stats.duplicates === 1 && h!.monitor.stats.malformed === 2,
      'duplicate + malformed counted',
    );
    h.sim.orders.fillNow(ids.workingOrderId);
    await h.until(
      () => h!.monitor.book.get(ids.pendingOrderId)?.current.status === 'NEW',
      'pending leg activated',
    );
    const activated = h.monitor.book.get(ids.pendingOrderId)!.current.quantity;
    // The two fills of the pending leg arrive newest first: FILLED, then the older PARTIALLY_FILLED.
    h.sim.faults.reorderNextPushes(2);
    h.sim.orders.fillNow(ids.pendingOrderId, ['40', (Number(activated) - 40).toFixed(2)]);
    await h.until(
      () => h!.monitor.book.ended(ids.pendingOrderId)?.updateCount === 4,
      'both reordered fills',
    );
    // PENDING, NEW, FILLED, then the older PARTIALLY_FILLED (late: it does not move the order).
    expect(h.monitor.book.ended(ids.pendingOrderId)).toMatchObject({
      status: 'FILLED',
      updateCount: 4,
    });
    const stats = h.monitor.stats;
    expect(stats).toMatchObject({
      updates: 6,
      late: 1,
      duplicates: 1,
      malformed: 2,
      ordersByStatus: { FILLED: 2 },
    });
    // The late fill still counts toward volume: both legs' fills.
    expect(stats.fills).toBe(3);
    expect(h.monitor.state.name).toBe('live');
  });

  it('never logs a full listen key, cookie or csrftoken, even for malformed frames and failures', async () => {
    h = await startMonitorHarness({ monitor: { pingIntervalMs: 150 } });
    await live(h);
    const key = h.issuedKeys[0]!;
    h.sim.faults.injectRaw(
      `{"stream":"alpha@${key}","data":{"e":"executionReport","i":"x","listenKey":"${key}"}}`,
    );
    await h.until(() => h!.monitor.stats.malformed === 1, 'malformed frame');
    h.sim.faults.dropAllConnections();
    await h.until(() => h!.monitor.stats.reconnects === 1, 'reconnected');
    h.sim.faults.invalidateSession();
    h.sim.faults.dropAllConnections();
    await h.until(() => h!.monitor.state.name === 'failed', 'failed');
    const log = h.logLines.join('\n');
    expect(log).toContain('malformed frame dropped');
    expect(log).toContain(key.slice(0, 10) + '...');
    for (const secret of [
      ...h.issuedKeys,
      ...Object.values(h.sim.demoAccount.credentials.headers).filter((v) => v.length >= 8),
    ]) {
      expect(log).not.toContain(secret);
    }
    for (const cookie of h.sim.demoAccount.credentials.cookies.split(';')) {
      const value = cookie.split('=')[1]?.trim() ?? '';
      if (value.length >= 8) expect(log).not.toContain(value);
    }
  });
});
