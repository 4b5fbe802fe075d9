import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi, type ContractApi } from '../../shared/ipc/create-api.ts';
import { createInMemoryTransportPair } from '../../shared/ipc/in-memory.ts';
import type { ContractHandlers } from '../../shared/ipc/dispatch.ts';
import type { EventSink } from '../../shared/ipc/transport.ts';
import { systemClock } from '../core/ports/clock.ts';
import { nullLogger } from '../core/ports/logger.ts';
import { SessionJournals } from '../core/journal/session-journals.ts';
import { createAppRoot, type AppRoot } from './app-root.ts';
import { FakeAccounts, FakeMonitorSession } from './test-support/fake-engine.ts';
import { sampleFilledOrder, sampleOrderUpdate } from '../../../test/fakes/order-updates.ts';
import { waitFor } from '../../../test/fakes/wait-for.ts';
import type { NoticeView, OrderUpdatesBatch } from '../../shared/ipc/index.ts';

const LISTEN_KEY = 'ff950c2e0d3da25cb0f320669c3f986fabcdef0123456789';
let dataDir: string;
let root: AppRoot;
let api: ContractApi;
let sessions: FakeMonitorSession[];
let accounts: FakeAccounts;
const seen: string[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'am-app-'));
  sessions = [];
  accounts = new FakeAccounts();
  seen.length = 0;
  // The root is built after the transport (it needs the event sink), so handlers are looked up late.
  const ref: { handlers?: ContractHandlers } = {};
  const lazy = new Proxy(
    {},
    {
      get: (_t, key: string) => (p: never) =>
        (ref.handlers![key as keyof ContractHandlers] as (p: never) => unknown)(p),
    },
  );
  const pair = createInMemoryTransportPair(lazy as ContractHandlers);
  const recording: EventSink = {
    emit(name, payload) {
      seen.push(JSON.stringify({ name, payload }));
      pair.sink.emit(name, payload);
    },
  };
  root = await createAppRoot({
    host: 'browser',
    version: '0.0.0-test',
    dataDir,
    clock: systemClock,
    logger: nullLogger,
    accounts,
    createMonitor: (connection, options) => {
      const session = new FakeMonitorSession(connection, options);
      sessions.push(session);
      return session;
    },
    createDemoExchange: async () => {
      throw new Error('no demo in this test');
    },
    exportTarget: {
      async choose(name) {
        const path = join(dataDir, name);
        return { path, finish: (rows) => ({ kind: 'saved', path, rows }) };
      },
    },
    events: recording,
    notificationGroupWindowMs: 50,
  });
  ref.handlers = root.handlers;
  api = createApi(pair.client);
});
afterEach(async () => {
  await root.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

const until = (check: () => boolean) => waitFor(check, { intervalMs: 10 });

describe('the app over the contract', () => {
  it('shows first run, then an account that streams orders in batches, journals them and exports them', async () => {
    expect(await api.getAppInfo()).toMatchObject({
      ok: true,
      value: { firstRun: true, host: 'browser' },
    });
    expect(
      await api.addAccountFromCurl({
        curl: "curl 'https://www.binance.com/bapi/x'",
        label: 'main',
      }),
    ).toMatchObject({ ok: true });
    const batches: OrderUpdatesBatch[] = [];
    api.onOrderUpdates((b) => batches.push(b));

    expect(await api.startMonitor({ accountId: 'main' })).toMatchObject({
      ok: true,
      value: { accountId: 'main' },
    });
    const session = sessions[0]!;
    expect(session.started).toBe(true);
    session.stateEmitter.fire({
      state: 'live',
      atMs: Date.now(),
      maskedListenKey: 'ff950c2e0d...',
      listenKeyObtainedAtMs: Date.now(),
    });

    // A burst of 1,000 updates from the exchange.
    for (let i = 0; i < 500; i++)
      for (const u of sampleFilledOrder(String(i), i * 2 + 1)) session.push(u);
    session.push(sampleOrderUpdate({ orderId: '0', eventId: 1 })); // a duplicate the engine's book drops
    await until(() => batches.reduce((n, b) => n + b.updates.length, 0) === 1000);
    expect(batches.length).toBeLessThan(50); // coalesced, not one message per frame

    const snapshot = await api.getMonitorSnapshot({ accountId: 'main' });
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    expect(snapshot.value.orders).toHaveLength(500);
    expect(snapshot.value.stats.updatesIgnored).toBe(1);
    expect(snapshot.value.stats.ordersByStatus.FILLED).toBe(500);
    expect(snapshot.value.connection).toMatchObject({
      state: 'live',
      maskedListenKey: 'ff950c2e0d...',
    });

    await api.stopMonitor({ accountId: 'main' });
    expect(session.stopped).toBe(true);
    // Stopped, the window keeps what it showed: the same orders and counts, no key refresh due.
    const afterStop = await api.getMonitorSnapshot({ accountId: 'main' });
    if (!afterStop.ok) throw new Error(afterStop.error.message);
    expect(afterStop.value.orders).toHaveLength(500);
    expect(afterStop.value.stats.updatesAccepted).toBe(1000);
    expect(afterStop.value.connection).toMatchObject({
      state: 'stopped',
      nextListenKeyRefreshAtMs: null,
    });
    const list = await api.listSessions();
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value).toHaveLength(1);
    expect(list.value[0]).toMatchObject({
      accountId: 'main',
      status: 'ended',
      live: false,
      updateCount: 1000,
      orderCount: 500,
    });
    const sessionId = list.value[0]!.sessionId;

    const replay = await api.openSession({ sessionId });
    if (!replay.ok) throw new Error(replay.error.message);
    expect(replay.value.snapshot.orders).toHaveLength(500);
    expect(replay.value.snapshot.stats.updatesAccepted).toBe(1000);

    const exported = await api.exportUpdatesCsv({ sessionId });
    if (!exported.ok || exported.value.kind !== 'saved') throw new Error('export failed');
    expect(exported.value.rows).toBe(1000);
    const csv = await readFile(exported.value.path, 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1001);

    // Secrets never crossed, never reached the journal.
    const everything = seen.join('\n') + JSON.stringify(snapshot) + JSON.stringify(replay);
    for (const secret of [LISTEN_KEY, 'CSRF-SECRET-123', 'COOKIE-SECRET-456'])
      expect(everything).not.toContain(secret);
    const journal = await readFile(join(dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8');
    expect(journal).not.toContain(LISTEN_KEY);
    expect(journal).toContain('ff950c2e0d...');

    // Deleted through the contract: gone from the list (a saved export is the user's file and stays).
    expect(await api.deleteSession({ sessionId })).toEqual({
      ok: true,
      value: { sessionId, exportsDeleted: 0 },
    });
    expect(await api.listSessions()).toEqual({ ok: true, value: [] });
    await readFile(exported.value.path, 'utf8');
  });

  it('groups a burst of fills into one notice and tells when a session fails', async () => {
    await api.addAccountFromCurl({ curl: 'curl x', label: 'main' });
    await api.startMonitor({ accountId: 'main' });
    const notices: NoticeView[] = [];
    api.onNotice((n) => notices.push(n));
    for (let i = 0; i < 5; i++)
      for (const u of sampleFilledOrder(String(i), i * 2 + 1)) sessions[0]!.push(u);
    await until(() => notices.length === 1);
    expect(notices[0]).toMatchObject({
      kind: 'fills',
      title: '5 orders filled',
      accountId: 'main',
      orderId: '0',
    });

    sessions[0]!.stateEmitter.fire({
      state: 'failed',
      atMs: Date.now(),
      problem: { code: 'SESSION_EXPIRED', reason: { code: 'SESSION_EXPIRED' } },
    });
    await until(() => notices.length === 2);
    expect(notices[1]).toMatchObject({
      kind: 'session-failure',
      body: 'The Binance session has expired (100002001). Log in again and re-import the session.',
    });
  });

  it('lists a session that never ended cleanly as interrupted, with its updates counted', async () => {
    const journals = new SessionJournals(dataDir, systemClock);
    const { sessionId, writer } = journals.create({ accountId: 'main', accountLabel: 'main' });
    for (const u of sampleFilledOrder('7', 1))
      writer.append({ k: 'update', atMs: Date.now(), source: 'stream', update: u });
    await writer.flush();
    const list = await api.listSessions({ accountId: 'main' });
    expect(list).toMatchObject({
      ok: true,
      value: [{ sessionId, status: 'interrupted', live: false, updateCount: 2, orderCount: null }],
    });
    const replay = await api.openSession({ sessionId });
    expect(replay).toMatchObject({
      ok: true,
      value: { snapshot: { orders: [{ last: { orderId: '7', status: 'FILLED' } }] } },
    });
    await writer.dispose();
  });

  it('keeps the reconcile interval setting and gives it to the monitors started after the change', async () => {
    await api.addAccountFromCurl({ curl: 'curl x', label: 'main' });
    await api.startMonitor({ accountId: 'main' });
    expect(sessions[0]!.options.reconcileIntervalMs).toBe(60_000);

    expect(await api.updateSettings({ reconcileIntervalS: 5 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    expect(await api.updateSettings({ reconcileIntervalS: 15 })).toMatchObject({
      ok: true,
      value: { reconcileIntervalS: 15 },
    });
    // The running monitor keeps its interval; the next start uses the new one.
    expect(sessions[0]!.options.reconcileIntervalMs).toBe(60_000);
    await api.stopMonitor({ accountId: 'main' });
    await api.startMonitor({ accountId: 'main' });
    expect(sessions[1]!.options.reconcileIntervalMs).toBe(15_000);

    const stored = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'));
    expect(stored.reconcileIntervalS).toBe(15);
  });

  it('shows how many updates the stream missed (recovered over REST) in the statistics the window gets', async () => {
    await api.addAccountFromCurl({ curl: 'curl x', label: 'main' });
    await api.startMonitor({ accountId: 'main' });
    const batches: OrderUpdatesBatch[] = [];
    api.onOrderUpdates((b) => batches.push(b));
    for (const u of sampleFilledOrder('9', 1)) sessions[0]!.push(u, Date.now(), 'backfill');
    sessions[0]!.reconcile(2);
    await until(() => batches.at(-1)?.stats.missedByStream === 2);
    const snapshot = await api.getMonitorSnapshot({ accountId: 'main' });
    expect(snapshot).toMatchObject({ ok: true, value: { stats: { missedByStream: 2 } } });

    // A later check finds an open order the exchange cannot place; then the session is reopened.
    sessions[0]!.push(sampleOrderUpdate({ orderId: '10', eventId: 77 }));
    await until(() => batches.some((b) => b.orders.some((o) => o.last.orderId === '10')));
    sessions[0]!.reconcile(1, ['10']);
    await until(() => batches.at(-1)?.stats.statusUnknown === 1);
    const stopped = await api.stopMonitor({ accountId: 'main' });
    if (!stopped.ok) throw new Error(stopped.error.message);
    const replay = await api.openSession({ sessionId: stopped.value.sessionId! });
    if (!replay.ok) throw new Error(replay.error.message);
    expect(replay.value.snapshot.stats).toMatchObject({ missedByStream: 3, statusUnknown: 1 });
    expect(
      replay.value.snapshot.orders.find((o) => o.last.orderId === '10')?.statusUnknown,
    ).toMatchObject({ code: 'NOT_OPEN_ON_EXCHANGE' });
    expect(
      replay.value.snapshot.orders.find((o) => o.last.orderId === '9')?.statusUnknown,
    ).toBeNull();
  });

  it('counts orders with a lost fill the exchange does not list, live and in the reopened session', async () => {
    await api.addAccountFromCurl({ curl: 'curl x', label: 'main' });
    await api.startMonitor({ accountId: 'main' });
    const batches: OrderUpdatesBatch[] = [];
    api.onOrderUpdates((b) => batches.push(b));
    // Two orders of 10 filled 2, then the rest with the frame of 3 lost: a hole from 2 to 5.
    const fill = (orderId: string, eventId: number, last: string, cumulative: string) =>
      sampleOrderUpdate({
        orderId,
        eventId,
        quantity: '10',
        executionType: 'TRADE',
        status: cumulative === '10' ? 'FILLED' : 'PARTIALLY_FILLED',
        lastFilledQty: last,
        cumulativeFilledQty: cumulative,
        lastFilledPrice: '1',
        lastQuoteQty: last,
        cumulativeQuoteQty: cumulative,
        commission: '0.001',
        commissionAsset: 'USDT',
      });
    for (const id of ['11', '12']) {
      sessions[0]!.push(sampleOrderUpdate({ orderId: id, eventId: 1, quantity: '10' }));
      sessions[0]!.push(fill(id, 2, '2', '2'));
      sessions[0]!.push(fill(id, 4, '5', '10'));
    }
    await until(() => batches.some((b) => b.orders.some((o) => o.last.orderId === '12')));
    expect(batches.at(-1)?.stats.fillsNotRecovered).toBe(0);
    sessions[0]!.reconcile(0, [], Date.now(), ['11', '12']);
    await until(() => batches.at(-1)?.stats.fillsNotRecovered === 2);
    // Order 12's lost frame arrives after all: its hole closes.
    expect(sessions[0]!.push(fill('12', 3, '3', '5'))).toMatchObject({ outcome: 'late' });
    const stopped = await api.stopMonitor({ accountId: 'main' });
    if (!stopped.ok) throw new Error(stopped.error.message);
    const replay = await api.openSession({ sessionId: stopped.value.sessionId! });
    if (!replay.ok) throw new Error(replay.error.message);
    expect(replay.value.snapshot.stats).toMatchObject({ fillsNotRecovered: 1, missedByStream: 0 });
  });

  it('shows an order the exchange could not place as status unknown, until its next update', async () => {
    await api.addAccountFromCurl({ curl: 'curl x', label: 'main' });
    await api.startMonitor({ accountId: 'main' });
    const batches: OrderUpdatesBatch[] = [];
    api.onOrderUpdates((b) => batches.push(b));
    const session = sessions[0]!;
    session.push(sampleOrderUpdate({ orderId: '42', eventId: 1 }));
    await until(() => batches.some((b) => b.orders.some((o) => o.last.orderId === '42')));
    expect(batches.at(-1)!.orders[0]!.statusUnknown).toBeNull();

    session.reconcile(1, ['42'], 1_700_000_000_000);
    await until(() => batches.at(-1)?.orders[0]?.statusUnknown !== null);
    expect(batches.at(-1)).toMatchObject({
      orders: [
        {
          last: { orderId: '42', status: 'NEW' },
          statusUnknown: { code: 'NOT_OPEN_ON_EXCHANGE', sinceMs: 1_700_000_000_000 },
        },
      ],
      stats: { statusUnknown: 1, missedByStream: 1 },
    });
    const marked = await api.getMonitorSnapshot({ accountId: 'main' });
    expect(marked).toMatchObject({
      ok: true,
      value: {
        orders: [{ last: { orderId: '42' }, statusUnknown: { code: 'NOT_OPEN_ON_EXCHANGE' } }],
        stats: { statusUnknown: 1 },
      },
    });

    // The order's next update moves it: the mark is gone, in the batch and in the snapshot.
    const at = Date.now();
    session.push(
      sampleOrderUpdate({
        orderId: '42',
        eventId: 2,
        executionType: 'CANCELED',
        status: 'CANCELED',
        eventTimeMs: at,
        updateTimeMs: at,
      }),
    );
    await until(() => batches.at(-1)?.orders[0]?.last.status === 'CANCELED');
    expect(batches.at(-1)).toMatchObject({
      orders: [{ statusUnknown: null }],
      stats: { statusUnknown: 0 },
    });
    const cleared = await api.getMonitorSnapshot({ accountId: 'main' });
    expect(cleared).toMatchObject({
      ok: true,
      value: { orders: [{ statusUnknown: null }], stats: { statusUnknown: 0 } },
    });
  });

  it('refuses to start an unknown account with a clear code', async () => {
    expect(await api.startMonitor({ accountId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_NOT_FOUND' },
    });
  });
});

describe('shutting down while a request runs', () => {
  it('waits for a starting demo, disposes its exchange, and refuses later requests', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'am-app-quit-'));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let exchangeDisposed = false;
    const quitting = await createAppRoot({
      host: 'electron',
      version: '0.0.0-test',
      dataDir: dir,
      clock: systemClock,
      logger: nullLogger,
      accounts: new FakeAccounts(),
      createMonitor: (connection) => new FakeMonitorSession(connection),
      createDemoExchange: async () => {
        await released;
        return {
          restUrl: 'http://127.0.0.1:1',
          wsUrl: 'ws://127.0.0.1:1',
          credentials: { headers: {}, cookies: '' },
          addAccount: () => ({ headers: {}, cookies: '' }),
          startActivity() {},
          stopActivity() {},
          dispose: async () => {
            exchangeDisposed = true;
          },
        };
      },
      exportTarget: { choose: async () => null },
      events: { emit() {} },
    });
    const demo = Promise.resolve(quitting.handlers.startDemo({ activity: true }));
    const disposed = quitting.dispose();
    release();
    await demo;
    await disposed;
    // What the starting demo created was disposed with the app, not left running.
    expect(exchangeDisposed).toBe(true);
    await expect(
      Promise.resolve().then(() => quitting.handlers.getAppInfo(undefined)),
    ).rejects.toMatchObject({
      code: 'SHUTTING_DOWN',
    });
    await rm(dir, { recursive: true, force: true });
  });
});
