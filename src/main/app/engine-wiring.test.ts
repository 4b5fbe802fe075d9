import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJournal } from '../core/journal/journal-reader.ts';
import type { UpdateRecord } from '../core/journal/journal-record.ts';
import type {
  ConnectionView,
  NoticeView,
  OrderUpdatesBatch,
  SessionStatsView,
} from '../../shared/ipc/index.ts';
import { placeRestingOto } from '../sim/testing/demo-session.ts';
import { DEMO_ACCOUNT_ID } from './demo-service.ts';
import { startEngineApp, waitUntil, type EngineApp } from './test-support/engine-app.ts';

let app: EngineApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

describe('the real engine behind the contract', () => {
  it('counts a re-sent frame as an ignored duplicate and a broken frame as malformed, and shows neither as an order update', async () => {
    // Nothing fills by itself (a marketable pending leg would, after fillDelayMs): the test fills.
    app = await startEngineApp({
      notificationGroupWindowMs: 200,
      sim: { priceStepFraction: 0, fillDelayMs: 3_600_000 },
    });
    const { api, sim } = app;
    const batches: OrderUpdatesBatch[] = [];
    const notices: NoticeView[] = [];
    let stats: SessionStatsView | null = null;
    api.onOrderUpdates((b) => {
      batches.push(b);
      stats = b.stats;
    });
    api.onNotice((n) => notices.push(n));
    let live = false;
    api.onConnectionChanged((c) => (live = c.state === 'live'));
    expect(await api.startDemo({ activity: false })).toMatchObject({ ok: true });
    await waitUntil(() => live, 'the demo monitor is live');

    const updatesOf = (orderId: string) =>
      batches.flatMap((b) => b.updates).filter((u) => u.update.orderId === orderId);
    const first = await placeRestingOto(sim);
    const working = String(first.workingOrderId);
    const pending = String(first.pendingOrderId);
    sim.orders.fillNow(working);
    await waitUntil(() => notices.length === 1, 'the first fill notice');
    sim.orders.fillNow(pending);
    await waitUntil(() => notices.length === 2, 'the second fill notice');
    await waitUntil(
      () => updatesOf(pending).some((u) => u.update.status === 'FILLED'),
      'the pending leg filled',
    );
    const acceptedBefore = stats!.updatesAccepted;

    // The exchange sends the last frame (the pending leg's fill) again, then a broken one.
    expect(sim.faults.duplicateLastFrame()).toBe(true);
    sim.faults.injectRaw('{"stream":"alpha@x","data":{');
    await waitUntil(
      () => stats!.updatesIgnored === 1 && stats!.malformedFrames === 1,
      'both counted in statistics',
    );
    expect(stats!.updatesAccepted).toBe(acceptedBefore);
    expect(stats!.updatesReceived).toBe(acceptedBefore + 1);

    // A later fill is notified on its own: the duplicate never became a notice of its own or joined a group.
    const second = await placeRestingOto(sim);
    sim.orders.fillNow(String(second.workingOrderId));
    await waitUntil(() => notices.length >= 3, 'the third fill notice');
    expect(notices.map((n) => [n.title, n.orderId])).toEqual([
      ['Order filled', working],
      ['Order filled', pending],
      ['Order filled', String(second.workingOrderId)],
    ]);

    // The renderer saw the pending leg's fill once; every update it got was accepted.
    expect(updatesOf(pending).filter((u) => u.update.executionType === 'TRADE')).toHaveLength(1);
    expect(batches.flatMap((b) => b.updates).every((u) => u.accepted)).toBe(true);
    const snapshot = await api.getMonitorSnapshot({ accountId: DEMO_ACCOUNT_ID });
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    expect(snapshot.value.stats).toMatchObject({ updatesIgnored: 1, malformedFrames: 1 });

    // The journal holds the raw frames and every update with the book's verdict (the re-sent
    // one as a duplicate); a reopened session counts the same.
    const sessionId = snapshot.value.connection.sessionId!;
    await api.stopMonitor({ accountId: DEMO_ACCOUNT_ID });
    const path = join(app.dataDir, 'sessions', `${sessionId}.jsonl`);
    const pendingFills: UpdateRecord[] = [];
    for await (const r of readJournal(path).records)
      if (r.k === 'update' && r.update.orderId === pending && r.update.executionType === 'TRADE')
        pendingFills.push(r);
    // A stream update and its frame are one line (the update read back from the frame).
    const lines = (await readFile(path, 'utf8')).split('\n').filter(Boolean);
    expect(lines.filter((l) => l.startsWith('{"k":"frame-update"')).length).toBeGreaterThan(0);
    expect(pendingFills.map((r) => r.verdict)).toEqual([
      { outcome: 'applied', reason: 'moves-forward', counted: expect.anything() },
      { outcome: 'duplicate', reason: 'repeated-event', counted: null },
    ]);
    const replay = await api.openSession({ sessionId });
    if (!replay.ok) throw new Error(replay.error.message);
    expect(replay.value.snapshot.stats).toMatchObject({ updatesIgnored: 1, malformedFrames: 1 });
    expect(replay.value.summary).toMatchObject({ status: 'ended', live: false });
  });

  it('reconciles on the interval set in Settings and shows what the stream missed in the statistics', async () => {
    // At 10x, the shortest interval the setting allows (10 s) is 1 s of real time.
    app = await startEngineApp({ sim: { priceStepFraction: 0, fillDelayMs: 3_600_000 } });
    const { api, sim } = app;
    expect(await api.updateSettings({ reconcileIntervalS: 10 })).toMatchObject({ ok: true });
    let stats: SessionStatsView | null = null;
    api.onOrderUpdates((b) => (stats = b.stats));
    let live = false;
    api.onConnectionChanged((c) => (live = c.state === 'live'));
    expect(await api.startDemo({ activity: false })).toMatchObject({ ok: true });
    await waitUntil(() => live, 'the demo monitor is live');
    const ids = await placeRestingOto(sim);
    await waitUntil(() => stats?.orders === 2, 'both legs shown');

    // The key goes silent (pings answered, nothing pushed); only the clock can notice the fill.
    sim.faults.silenceListenKey();
    sim.orders.fillNow(String(ids.workingOrderId));
    // The count comes with the reconciliation; the recovered updates follow once journalled.
    await waitUntil(
      () => (stats?.missedByStream ?? 0) > 0 && (stats?.updatesBackfilled ?? 0) > 0,
      'the missed updates counted and the recovered ones shown',
    );
    const snapshot = await api.getMonitorSnapshot({ accountId: DEMO_ACCOUNT_ID });
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    expect(snapshot.value.stats.missedByStream).toBeGreaterThan(0);
    expect(snapshot.value.stats.updatesBackfilled).toBeGreaterThan(0);
    expect(
      snapshot.value.orders.find((o) => o.last.orderId === String(ids.workingOrderId))?.last.status,
    ).toBe('FILLED');
  });

  it('shows the fresh listen key, its age and next refresh after a reconnect', async () => {
    app = await startEngineApp({ sim: { listenKeyRepost: 'rotate' } });
    const { api, sim } = app;
    const views: ConnectionView[] = [];
    api.onConnectionChanged((c) => views.push(c));
    expect(await api.startDemo({ activity: false })).toMatchObject({ ok: true });
    await waitUntil(() => views.at(-1)?.state === 'live', 'the demo monitor is live');
    const first = views.at(-1)!;
    expect(first.maskedListenKey).toMatch(/^[0-9a-f]{10}\.\.\.$/);

    // The connection drops; the reconnect POSTs for a key and the exchange hands out a new one.
    const seen = views.length;
    sim.faults.dropAllConnections();
    await waitUntil(
      () => views.slice(seen).some((v) => v.state === 'reconnecting'),
      'reconnecting',
    );
    await waitUntil(() => views.at(-1)?.state === 'live', 'live again');
    const fresh = views.at(-1)!;
    expect(fresh.maskedListenKey).toMatch(/^[0-9a-f]{10}\.\.\.$/);
    expect(fresh.maskedListenKey).not.toBe(first.maskedListenKey);
    expect(fresh.listenKeyObtainedAtMs!).toBeGreaterThan(first.listenKeyObtainedAtMs!);
    expect(fresh.nextListenKeyRefreshAtMs!).toBeGreaterThan(first.nextListenKeyRefreshAtMs!);
  });

  it('journals a listen key only masked, even in a frame that carries it in full', async () => {
    app = await startEngineApp({ sim: { sendListenKeyExpired: true } });
    const { api, sim } = app;
    let view: ConnectionView | null = null;
    api.onConnectionChanged((c) => (view = c));
    expect(await api.startDemo({ activity: false })).toMatchObject({ ok: true });
    await waitUntil(() => view?.state === 'live', 'the demo monitor is live');
    const sessionId = view!.sessionId!;

    // The exchange ends the key and says so in a frame naming it twice (stream + field).
    const key = sim.faults.expireListenKey()!;
    await waitUntil(() => view?.maskedListenKey !== key.slice(0, 10) + '...', 'a new key in use');
    await api.stopMonitor({ accountId: DEMO_ACCOUNT_ID });

    const journal = await readFile(join(app.dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8');
    const frame = journal.split('\n').find((line) => line.includes('listenKeyExpired'))!;
    expect(JSON.parse(JSON.parse(frame).text)).toMatchObject({
      stream: `alpha@${key.slice(0, 10)}...`,
      data: { listenKey: `${key.slice(0, 10)}...` },
    });
    expect(journal).not.toContain(key);
    expect(app.seen.join('\n')).not.toContain(key);
  });
});
