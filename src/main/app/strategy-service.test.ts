import { describeReason } from '../../shared/reasons/reason-text.ts';
import Big from 'big.js';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  ConnectionView,
  OrderUpdatesBatch,
  OrderView,
  StrategyProgressView,
} from '../../shared/ipc/index.ts';
import { DEMO_ACCOUNT_ID } from './demo-service.ts';
import { startEngineApp, waitUntil, type EngineApp } from './test-support/engine-app.ts';

let app: EngineApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

describe('the strategy service against the simulator', () => {
  it('runs a small KOGE strategy to its target: progress, summary, and its orders marked in the table', async () => {
    app = await startEngineApp({ speed: 20 });
    const { api } = app;
    const progress: StrategyProgressView[] = [];
    const lastView = new Map<string, OrderView>();
    api.onStrategyProgress((p) => progress.push(p));
    api.onOrderUpdates((b: OrderUpdatesBatch) => {
      for (const o of b.orders) lastView.set(o.last.orderId, o);
    });
    let live = false;
    api.onConnectionChanged((c) => (live = c.state === 'live'));
    expect(await api.startDemo({ activity: false })).toMatchObject({ ok: true });
    await waitUntil(() => live, 'the demo monitor is live');

    const started = await api.startStrategy({
      accountId: DEMO_ACCOUNT_ID,
      token: 'KOGE',
      chain: 'BSC',
      volumeUsdt: '20',
      amountUsdt: '10',
      intervalSec: 1,
      timeoutSec: 30,
      cancelPending: true,
      dryRun: false,
    });
    expect(started).toMatchObject({
      ok: true,
      value: { accountId: DEMO_ACCOUNT_ID, state: 'starting', targetVolumeUsdt: '20' },
    });
    const accounts = await api.listAccounts();
    expect(
      accounts.ok && accounts.value.find((a) => a.id === DEMO_ACCOUNT_ID)?.strategyRunning,
    ).toBe(true);

    const isDone = (p: StrategyProgressView) => p.state === 'finished' || p.state === 'failed';
    await waitUntil(() => progress.some(isDone), 'the run finishes', 6000);
    const summary = progress.find(isDone)!;
    expect(summary).toMatchObject({
      state: 'finished',
      error: null,
      status: { code: 'TARGET_REACHED', trades: summary.trades },
    });
    expect(new Big(summary.doneVolumeUsdt).gte(20)).toBe(true);
    expect(summary.trades).toBeGreaterThanOrEqual(2);

    // Progress arrived while it ran, climbing towards the target.
    const running = progress.filter((p) => p.state === 'running');
    expect(running.length).toBeGreaterThan(0);
    const done = running.map((p) => new Big(p.doneVolumeUsdt));
    expect(done.every((d, i) => i === 0 || d.gte(done[i - 1]!))).toBe(true);

    // Every order it placed reached the renderer marked as the strategy's, and filled.
    expect(summary.placedOrderIds.length).toBe(summary.trades * 2);
    await waitUntil(
      () => summary.placedOrderIds.every((id) => lastView.get(id)?.placedByStrategy),
      'its orders marked',
    );
    expect(summary.placedOrderIds.map((id) => lastView.get(id)?.last.status)).toContain('FILLED');
    const snapshot = await api.getMonitorSnapshot({ accountId: DEMO_ACCOUNT_ID });
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    const marked = snapshot.value.orders
      .filter((o) => o.placedByStrategy)
      .map((o) => o.last.orderId);
    expect(marked.sort()).toEqual([...summary.placedOrderIds].sort());
    expect(await api.getStrategyProgress({ accountId: DEMO_ACCOUNT_ID })).toMatchObject({
      ok: true,
      value: { state: 'finished' },
    });

    // Nothing secret reached the renderer.
    const credentials = app.sim.demoAccount.credentials;
    const everything = app.seen.join('\n');
    const cookieValues = credentials.cookies
      .split(';')
      .map((c) => c.split('=')[1]!.trim())
      .filter((v) => v.length > 8);
    for (const secret of [credentials.headers.csrftoken!, ...cookieValues])
      expect(everything).not.toContain(secret);
  });

  const KOGE_RUN = {
    accountId: DEMO_ACCOUNT_ID,
    token: 'KOGE',
    chain: 'BSC',
    volumeUsdt: '20',
    amountUsdt: '10',
    intervalSec: 1,
    timeoutSec: 3600,
    cancelPending: true,
    dryRun: false,
  } as const;
  const isDone = (p: StrategyProgressView) => p.state === 'finished' || p.state === 'failed';

  it('a wear limit of 0 bps stops the run with its reason; sell leftovers reports what it did', async () => {
    app = await startEngineApp({ speed: 20 });
    const { api } = app;
    const progress: StrategyProgressView[] = [];
    api.onStrategyProgress((p) => progress.push(p));
    let live = false;
    api.onConnectionChanged((c) => (live = c.state === 'live'));
    expect(await api.startDemo({ activity: false })).toMatchObject({ ok: true });
    await waitUntil(() => live, 'the demo monitor is live');

    const started = await api.startStrategy({
      accountId: DEMO_ACCOUNT_ID,
      token: 'KOGE',
      chain: 'BSC',
      volumeUsdt: '100',
      amountUsdt: '10',
      intervalSec: 1,
      timeoutSec: 30,
      maxWearBps: '0',
      sellLeftovers: true,
      cancelPending: false,
      dryRun: false,
    });
    expect(started).toMatchObject({ ok: true });
    const isDone = (p: StrategyProgressView) => p.state === 'finished' || p.state === 'failed';
    await waitUntil(() => progress.some(isDone), 'the run stops', 30_000);
    const end = progress.find(isDone)!;
    expect(end.state).toBe('failed');
    expect(end.error?.code).toMatch(/^MAX_WEAR_(TRADE|RUN)$/);
    // The reason as code + parameters (the renderer says it), in English for the log.
    expect(end.error?.reason).toMatchObject({ code: end.error?.code, maxWearBps: '0' });
    expect(end.error?.message).toContain('above the limit of 0 bps');
    expect(new Big(end.doneVolumeUsdt).lt(100)).toBe(true);
    expect(end.leftovers?.outcome).toMatch(/^(sold|none|dust|unsold)$/);
  });

  it('places nothing before the order stream is live', async () => {
    app = await startEngineApp({ speed: 20, sim: { priceStepFraction: 0 } });
    const { api, sim } = app;
    let live = false;
    api.onConnectionChanged((c) => (live = c.state === 'live'));
    expect(await api.startDemo({ activity: false })).toMatchObject({ ok: true });
    await waitUntil(() => live, 'the demo monitor is live');
    await api.stopMonitor({ accountId: DEMO_ACCOUNT_ID });

    // The stream cannot connect for a while; starting the strategy starts the monitor.
    const log: string[] = [];
    api.onConnectionChanged((c) => log.push(`stream ${c.state}`));
    api.onStrategyProgress((p) =>
      log.push(p.placedOrderIds.length > 0 ? 'order placed' : `strategy ${p.state}`),
    );
    sim.faults.refuseConnections(20_000);
    expect(await api.startStrategy(KOGE_RUN)).toMatchObject({
      ok: true,
      value: { state: 'starting' },
    });
    await waitUntil(() => log.includes('order placed'), 'the first order is placed');
    expect(log.indexOf('stream live')).toBeGreaterThan(-1);
    expect(log.indexOf('stream live')).toBeLessThan(log.indexOf('order placed'));
    expect(log.slice(0, log.indexOf('stream live'))).toContain('stream reconnecting');
    await api.stopStrategy({ accountId: DEMO_ACCOUNT_ID });
  });

  it('can be stopped while it waits for the stream', async () => {
    app = await startEngineApp({ speed: 20, sim: { priceStepFraction: 0 } });
    const { api, sim } = app;
    sim.faults.refuseConnections(3_600_000);
    await api.startDemo({ activity: false });
    await api.stopMonitor({ accountId: DEMO_ACCOUNT_ID });
    expect(await api.startStrategy(KOGE_RUN)).toMatchObject({
      ok: true,
      value: { state: 'starting', status: { code: 'WAITING_FOR_STREAM' } },
    });
    expect(await api.stopStrategy({ accountId: DEMO_ACCOUNT_ID })).toMatchObject({
      ok: true,
      value: {
        state: 'finished',
        status: { code: 'STOPPED_BEFORE_FIRST_ORDER' },
        placedOrderIds: [],
      },
    });
  });

  it('stops with the reason when the monitor fails before it is live, placing nothing', async () => {
    app = await startEngineApp({ speed: 20, sim: { priceStepFraction: 0 } });
    const { api, sim } = app;
    const progress: StrategyProgressView[] = [];
    api.onStrategyProgress((p) => progress.push(p));
    let live = false;
    api.onConnectionChanged((c) => (live = c.state === 'live'));
    expect(await api.startDemo({ activity: false })).toMatchObject({ ok: true });
    await waitUntil(() => live, 'the demo monitor is live');
    await api.stopMonitor({ accountId: DEMO_ACCOUNT_ID });

    sim.faults.invalidateSession();
    expect(await api.startStrategy(KOGE_RUN)).toMatchObject({ ok: true });
    await waitUntil(() => progress.some(isDone), 'the run ends');
    const end = progress.find(isDone)!;
    expect(end).toMatchObject({
      state: 'failed',
      placedOrderIds: [],
      status: { code: 'FAILED' },
      error: {
        code: 'SESSION_EXPIRED',
        reason: { code: 'STREAM_FAILED_BEFORE_START', cause: { code: 'SESSION_EXPIRED' } },
      },
    });
    expect(end.error?.message).toMatch(/^The order stream failed before the first order: /);
  });

  it('stops with the session’s reason when the monitor fails mid-run', async () => {
    // Orders never fill: without the monitor's failure the run would wait out an hour's leg timeout.
    app = await startEngineApp({
      speed: 20,
      sim: { priceStepFraction: 0, fillDelayMs: 3_600_000 },
    });
    const { api, sim } = app;
    const progress: StrategyProgressView[] = [];
    api.onStrategyProgress((p) => progress.push(p));
    let connection: ConnectionView | null = null;
    api.onConnectionChanged((c) => (connection = c));
    expect(await api.startDemo({ activity: false })).toMatchObject({ ok: true });
    await waitUntil(() => connection?.state === 'live', 'the demo monitor is live');
    expect(await api.startStrategy(KOGE_RUN)).toMatchObject({ ok: true });
    await waitUntil(
      () => progress.some((p) => p.placedOrderIds.length === 2),
      'the first trade is placed',
    );

    // The user logs in elsewhere; the stream drops and cannot get a listen key any more.
    sim.faults.invalidateSession();
    sim.faults.dropAllConnections();
    await waitUntil(() => connection?.state === 'failed', 'the monitor fails');
    await waitUntil(() => progress.some(isDone), 'the run ends');
    const end = progress.find(isDone)!;
    expect(end).toMatchObject({
      state: 'failed',
      error: {
        code: 'SESSION_EXPIRED',
        reason: { code: 'SESSION_EXPIRED' },
        message: describeReason('en', connection!.problem!.reason),
      },
    });
  });
});
