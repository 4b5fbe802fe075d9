import type { FleetRowView } from '../src/shared/ipc/views-fleet.ts';
import type { SessionStatsView } from '../src/shared/ipc/views-monitor.ts';
import { sampleSessionStats } from '../test/fakes/order-updates.ts';
import { expect, test } from './support/fixtures.ts';

/**
 * An account with orders whose lost fill the exchange does not list either, among others, in
 * the fleet table of the real renderer (served by the real browser host). No simulator can be
 * made to withhold a fill from its own trade list, so this spec gives the page a scripted
 * `window.api` (the transport uses it when present, as under Electron) serving three accounts.
 */
interface FleetSetup {
  language: 'en' | 'zh-CN';
  rows: FleetRowView[];
  stats: SessionStatsView;
}

function row(n: number, fillsNotRecovered: number): FleetRowView {
  return {
    accountId: `a${n}`,
    label: `Farm ${n}`,
    environment: 'custom',
    state: 'live',
    problemCode: null,
    running: true,
    points: {
      countedVolumeUsdt: '1024',
      volumePoints: 10,
      wearUsdt: '0.5',
      wearBps: '4.9',
      source: 'stream',
    },
    openOrders: 1,
    statusUnknown: 0,
    lastFill: null,
    missedByStream: 3,
    fillsNotRecovered,
    sessionHealth: { status: 'ok', reasons: [], checkedAtMs: 1_760_000_000_000 },
    updates: 20,
  };
}

function setup(language: FleetSetup['language']): FleetSetup {
  return {
    language,
    rows: [row(1, 0), row(2, 2), row(3, 0)],
    stats: sampleSessionStats({ startedAtMs: 1_760_000_000_000 }),
  };
}

/** Runs in the page: nothing from outside this function is in scope, only its argument. */
function installFleetApi({ language, rows, stats }: FleetSetup): void {
  const now = Date.now();
  const connection = {
    accountId: 'a1',
    state: 'live',
    problem: null,
    maskedListenKey: 'ff950c2e0d...',
    listenKeyObtainedAtMs: now,
    nextListenKeyRefreshAtMs: now + 1_800_000,
    reconnectAttempts: 0,
    lastEventAtMs: null,
    lastReceiveLatencyMs: null,
    timeline: [{ kind: 'live', fromMs: now - 60_000, toMs: null }],
    sessionId: 'fleet-session',
    startedAtMs: now - 60_000,
  };
  const accounts = rows.map((r) => ({
    id: r.accountId,
    label: r.label,
    userId: null,
    environment: 'custom',
    addedAtMs: 1_760_000_000_000,
    lastVerifiedAtMs: null,
    monitorState: 'live',
    running: true,
    strategyRunning: false,
    sessionHealth: { status: 'ok', reasons: [], checkedAtMs: null, nextCheckAtMs: null },
  }));
  const listeners: Record<string, Set<(payload: unknown) => void>> = {};
  const values: Record<string, unknown> = {
    getAppInfo: {
      name: 'Alpha Monitor',
      version: 'fleet',
      host: 'browser',
      firstRun: false,
      demoRunning: false,
      platform: 'linux',
    },
    getSettings: {
      notifyOnFill: true,
      notifyOnPartialFill: false,
      notifyOnSessionFailure: true,
      language,
      theme: 'dark',
      startMinimizedToTray: false,
    },
    listAccounts: accounts,
    listConnections: rows.map((r) => ({ ...connection, accountId: r.accountId })),
    getMonitorSnapshot: { connection, orders: [], fills: [], stats },
    getStrategyProgress: null,
    getFleet: { atMs: now, rows },
  };
  const api = new Proxy(
    {},
    {
      get(_target, name: string) {
        if (name.startsWith('on')) {
          const event = name[2]!.toLowerCase() + name.slice(3);
          return (listener: (payload: unknown) => void) => {
            (listeners[event] ??= new Set()).add(listener);
            return () => listeners[event]!.delete(listener);
          };
        }
        return async () => ({ ok: true, value: values[name] ?? null });
      },
    },
  );
  const w = globalThis as unknown as {
    api: unknown;
    __emit: (event: string, payload: unknown) => void;
  };
  w.api = api;
  w.__emit = (event, payload) => listeners[event]?.forEach((l) => l(payload));
}

const rowOf = (accountId: string) => `[data-testid="fleet-row"][data-account-id="${accountId}"]`;

test('fleet: an account with fills not recovered is marked, with why on hover, and counted in the totals (en)', async ({
  page,
  host,
}) => {
  await page.addInitScript(installFleetApi, setup('en'));
  await page.goto(host.url);
  await page.getByTestId('open-fleet').click();
  await expect(page.getByTestId('fleet-row')).toHaveCount(3);

  const marked = page.locator(rowOf('a2')).getByTestId('fleet-fills-not-recovered');
  await expect(marked).toHaveText('⚠ 2 not recovered');
  await expect(marked).toHaveAttribute('title', /^2 orders with a fill the stream lost/);
  await expect(marked).toHaveAttribute('title', /counted volume, fees and wear may be short/);
  await expect(marked).toHaveClass(/warn/);
  // The missed-by-stream count is still there, beside it.
  await expect(page.locator(rowOf('a2')).getByTestId('fleet-missed')).toContainText('3');
  // Nothing drawn where there is nothing to see.
  for (const id of ['a1', 'a3'])
    await expect(page.locator(rowOf(id)).getByTestId('fleet-fills-not-recovered')).toHaveCount(0);
  const total = page.getByTestId('fleet-totals-fills-not-recovered');
  await expect(total).toHaveText('2 orders with fills not recovered');
  await expect(total).toHaveClass(/warn/);

  // A later fleet event: one more on a2, one on a3.
  await page.evaluate(
    (rows) =>
      (globalThis as unknown as { __emit: (e: string, p: unknown) => void }).__emit(
        'fleetChanged',
        { atMs: Date.now(), rows, removedAccountIds: [] },
      ),
    [
      { ...row(2, 3), updates: 21 },
      { ...row(3, 1), updates: 21 },
    ],
  );
  await expect(marked).toHaveText('⚠ 3 not recovered');
  await expect(page.locator(rowOf('a3')).getByTestId('fleet-fills-not-recovered')).toHaveText(
    '⚠ 1 not recovered',
  );
  await expect(page.locator(rowOf('a3')).getByTestId('fleet-fills-not-recovered')).toHaveAttribute(
    'title',
    /^1 order with a fill the stream lost/,
  );
  await expect(total).toHaveText('4 orders with fills not recovered');
});

test('fleet: fills not recovered in 简体中文', async ({ page, host }) => {
  await page.addInitScript(installFleetApi, setup('zh-CN'));
  await page.goto(host.url);
  await page.getByTestId('open-fleet').click();
  await expect(page.getByTestId('fleet-row')).toHaveCount(3);
  const marked = page.locator(rowOf('a2')).getByTestId('fleet-fills-not-recovered');
  await expect(marked).toHaveText('⚠ 2 个未找回');
  await expect(marked).toHaveAttribute('title', /^2 个订单有一笔成交/);
  await expect(marked).toHaveAttribute('title', /计入交易量、手续费和磨损可能偏少/);
  await expect(page.getByTestId('fleet-totals-fills-not-recovered')).toHaveText(
    '成交未找回的订单 2 个',
  );
  await expect(page.locator(rowOf('a1')).getByTestId('fleet-fills-not-recovered')).toHaveCount(0);
});
