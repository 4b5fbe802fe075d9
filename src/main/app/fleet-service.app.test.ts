import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi, type ContractApi } from '../../shared/ipc/create-api.ts';
import { createInMemoryTransportPair } from '../../shared/ipc/in-memory.ts';
import type { ContractHandlers } from '../../shared/ipc/dispatch.ts';
import type { FleetRowView } from '../../shared/ipc/views-fleet.ts';
import { systemClock } from '../core/ports/clock.ts';
import { nullLogger } from '../core/ports/logger.ts';
import { createAppRoot, type AppRoot } from './app-root.ts';
import { FakeAccounts, FakeMonitorSession } from './test-support/fake-engine.ts';
import { sampleOrderUpdate } from '../../../test/fakes/order-updates.ts';
import { waitFor } from '../../../test/fakes/wait-for.ts';

// The fleet row of an account in the real app root (its monitors, fleet service and event),
// the engine faked: what the fleet shows must be what the account's own window shows.
let dataDir: string;
let root: AppRoot;
let api: ContractApi;
let sessions: FakeMonitorSession[];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'am-fleet-app-'));
  sessions = [];
  const ref: { handlers?: ContractHandlers } = {};
  const lazy = new Proxy(
    {},
    {
      get: (_t, key: string) => (p: never) =>
        (ref.handlers![key as keyof ContractHandlers] as (p: never) => unknown)(p),
    },
  );
  const pair = createInMemoryTransportPair(lazy as ContractHandlers);
  root = await createAppRoot({
    host: 'browser',
    version: '0.0.0-test',
    dataDir,
    clock: systemClock,
    logger: nullLogger,
    accounts: new FakeAccounts(),
    createMonitor: (connection, options) => {
      const session = new FakeMonitorSession(connection, options);
      sessions.push(session);
      return session;
    },
    createDemoExchange: async () => {
      throw new Error('no demo in this test');
    },
    exportTarget: { choose: async () => null },
    events: pair.sink,
  });
  ref.handlers = root.handlers;
  api = createApi(pair.client);
});
afterEach(async () => {
  await root.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

/** Order `orderId` of 10 at 1 USDT: placed, 2 filled, then the rest with the fill of 3 lost. */
function fillWithHole(session: FakeMonitorSession, orderId: string): void {
  const fill = (eventId: number, last: string, cumulative: string) =>
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
  session.push(sampleOrderUpdate({ orderId, eventId: 1, quantity: '10' }));
  session.push(fill(2, '2', '2'));
  session.push(fill(4, '5', '10'));
}

describe('the fleet row of an account', () => {
  it("carries the count of orders with fills not recovered that the account's statistics show", async () => {
    const added = await api.addAccountFromCurl({ curl: 'curl x', label: 'main' });
    if (!added.ok) throw new Error(added.error.message);
    await api.startMonitor({ accountId: 'main' });
    const rows = new Map<string, FleetRowView>();
    api.onFleetChanged((u) => {
      for (const r of u.rows) rows.set(r.accountId, r);
    });
    const session = sessions[0]!;
    for (const id of ['11', '12']) fillWithHole(session, id);
    await waitFor(() => rows.get('main')?.updates === 6);
    expect(rows.get('main')!.fillsNotRecovered).toBe(0);

    // Reconciliation asked three times: the exchange lists neither order's lost fill.
    session.reconcile(0, [], Date.now(), ['11', '12']);
    await waitFor(() => rows.get('main')?.fillsNotRecovered === 2);
    const snapshot = await api.getMonitorSnapshot({ accountId: 'main' });
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    expect(snapshot.value.stats.fillsNotRecovered).toBe(2);
    const fleet = await api.getFleet();
    if (!fleet.ok) throw new Error(fleet.error.message);
    expect(fleet.value.rows.find((r) => r.accountId === 'main')).toMatchObject({
      fillsNotRecovered: 2,
      missedByStream: 0,
    });

    // A restarted monitor is a new session: its window and its row start again from none.
    await api.stopMonitor({ accountId: 'main' });
    await api.startMonitor({ accountId: 'main' });
    sessions[1]!.push(sampleOrderUpdate({ orderId: '13', eventId: 1 }));
    await waitFor(() => rows.get('main')?.fillsNotRecovered === 0);
  });
});
