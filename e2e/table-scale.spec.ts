import { ORDER_STATUSES, type OrderStatus } from '../src/shared/domain/order-update.ts';
import type { OrderView, SessionStatsView } from '../src/shared/ipc/views-monitor.ts';
import { sampleOrderView, sampleOtoPair, sampleSessionStats } from '../test/fakes/order-updates.ts';
import { expect, test } from './support/fixtures.ts';
import { saveScreen } from './support/screenshots.ts';

/**
 * 100,000 orders in the real renderer. No exchange can be made to place that many orders in
 * a test's time, so this spec alone gives the page a scripted `window.api` (the transport uses
 * `window.api` when present, as under Electron) serving one account with 100,000 orders. The
 * page itself still comes from the real browser host.
 */
const ORDER_COUNT = 100_000;
/** A row drawn highlighted (it changed while the page watched). */
const FLASHING = /(^| )flash( |$)/;

/** What the page needs to build its orders: serialisable, built in Node by the shared builders. */
interface ScaleSetup {
  count: number;
  statuses: readonly OrderStatus[];
  working: OrderView;
  pending: OrderView;
  stats: SessionStatsView;
}

function scaleSetup(count: number): ScaleSetup {
  const [working, pending] = sampleOtoPair('0', '0').map((leg) =>
    sampleOrderView(leg, { accountId: 'scale' }),
  );
  const stats = sampleSessionStats({
    updatesReceived: count,
    updatesAccepted: count,
    orders: count,
    startedAtMs: 1_760_000_000_000,
  });
  return { count, statuses: ORDER_STATUSES, working: working!, pending: pending!, stats };
}

/** Runs in the page: nothing from outside this function is in scope, only its argument. */
function installScaleApi({
  count,
  statuses,
  working: workingLeg,
  pending: pendingLeg,
  stats,
}: ScaleSetup): void {
  const baseMs = 1_760_000_000_000;
  const orders: OrderView[] = [];
  for (let i = 0; i < count; i++) {
    const pair = Math.floor(i / 2);
    const working = i % 2 === 0;
    const createdMs = baseMs + pair * 1000;
    const leg = working ? workingLeg : pendingLeg;
    orders.push({
      ...leg,
      firstSeenAtMs: createdMs,
      lastReceivedAtMs: createdMs,
      otoPeerOrderId: String(working ? 10_000_000 + i + 1 : 10_000_000 + i - 1),
      last: {
        ...leg.last,
        eventTimeMs: createdMs,
        transactionTimeMs: createdMs,
        updateTimeMs: createdMs,
        orderCreationTimeMs: createdMs,
        symbol: pair % 3 === 0 ? 'ALPHA_22USDT' : 'ALPHA_373USDT',
        baseAsset: pair % 3 === 0 ? 'ALPHA_22' : 'ALPHA_373',
        clientOrderId: `web_${String(i).padStart(32, '0')}`,
        quantity: `${(pair % 500) + 1}.25`,
        price: `0.${String(100_000 + ((pair * 7919) % 900_000)).padStart(8, '0')}`,
        status: statuses[pair % statuses.length]!,
        orderId: String(10_000_000 + i),
        eventId: i + 1,
        orderListId: String(50_000_000 + pair),
      },
    });
  }
  const connection = {
    accountId: 'scale',
    state: 'live',
    problem: null,
    maskedListenKey: 'ff950c2e0d...',
    listenKeyObtainedAtMs: Date.now(),
    nextListenKeyRefreshAtMs: Date.now() + 1_800_000,
    reconnectAttempts: 0,
    lastEventAtMs: null,
    lastReceiveLatencyMs: null,
    timeline: [{ kind: 'live', fromMs: Date.now() - 60_000, toMs: null }],
    sessionId: 'scale-session',
    startedAtMs: Date.now() - 60_000,
  };
  const account = {
    id: 'scale',
    label: 'Scale test',
    userId: null,
    environment: 'custom',
    addedAtMs: baseMs,
    lastVerifiedAtMs: null,
    monitorState: 'live',
    running: true,
    strategyRunning: false,
    sessionHealth: { status: 'ok', reasons: [], checkedAtMs: null, nextCheckAtMs: null },
  };
  const listeners: Record<string, Set<(payload: unknown) => void>> = {};
  const values: Record<string, unknown> = {
    getAppInfo: {
      name: 'Alpha Monitor',
      version: 'scale',
      host: 'browser',
      firstRun: false,
      demoRunning: false,
      platform: 'linux',
    },
    getSettings: {
      notifyOnFill: true,
      notifyOnPartialFill: false,
      notifyOnSessionFailure: true,
      language: 'en',
      theme: 'dark',
      startMinimizedToTray: false,
    },
    listAccounts: [account],
    listConnections: [connection],
    getMonitorSnapshot: { connection, orders, fills: [], stats },
    getStrategyProgress: null,
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
    __orders: typeof orders;
    __stats: typeof stats;
  };
  w.api = api;
  w.__orders = orders;
  w.__stats = stats;
  w.__emit = (event, payload) => listeners[event]?.forEach((l) => l(payload));
}

test('100,000 orders: the table renders a window of rows, scrolls to any row, sorts and filters them all', async ({
  page,
  host,
}, testInfo) => {
  await page.addInitScript(installScaleApi, scaleSetup(ORDER_COUNT));
  await page.goto(host.url);
  const count = page.getByTestId('orders-count');
  await expect(count).toHaveAttribute('data-total', String(ORDER_COUNT), { timeout: 60_000 });
  await expect(count).toHaveAttribute('data-shown', String(ORDER_COUNT));
  const rows = page.getByTestId('order-row');
  // Newest first: the last pair placed is on top, working leg above its pending leg.
  await expect(rows.first()).toHaveAttribute('data-order-id', String(10_000_000 + ORDER_COUNT - 2));
  expect(await rows.count()).toBeLessThan(100);

  // Scroll through the whole list; every position shows the rows that belong there.
  const scroller = page.getByTestId('orders-scroll');
  const frameTimesMs: number[] = [];
  for (const fraction of [0.25, 0.5, 0.75, 1]) {
    const started = Date.now();
    await scroller.evaluate((el, f) => {
      el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
    }, fraction);
    await page.evaluate(() => {
      const raf = (globalThis as unknown as { requestAnimationFrame: (cb: () => void) => void })
        .requestAnimationFrame;
      return new Promise<void>((resolve) => raf(() => raf(resolve)));
    });
    frameTimesMs.push(Date.now() - started);
    expect(await rows.count()).toBeLessThan(100);
  }
  // At the very bottom: the first order ever placed, as the pending leg under its working leg.
  await expect(rows.last()).toHaveAttribute('data-order-id', String(10_000_001));
  console.log(`[e2e] 100k scroll jumps rendered in ${frameTimesMs.join(' / ')} ms`);

  // Sort all 100,000 by price, then filter them: the counts stay exact.
  await page.getByRole('columnheader', { name: 'Price', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: /^Price/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await page.getByTestId('filter-status-FILLED').click();
  const filled = await page.evaluate(
    () =>
      (globalThis as unknown as { __orders: { last: { status: string } }[] }).__orders.filter(
        (o) => o.last.status === 'FILLED',
      ).length,
  );
  await expect(count).toHaveAttribute('data-shown', String(filled));
  await expect
    .poll(
      async () =>
        new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))),
    )
    .toEqual(new Set(['FILLED']));
  await page.getByTestId('clear-filters').click();
  await page.getByRole('columnheader', { name: 'Created' }).click();
  await expect(page.getByRole('columnheader', { name: /^Created/ })).toHaveAttribute(
    'aria-sort',
    'descending',
  );

  // A burst of 2,000 updates arrives as one batch: the rows change in place and are highlighted.
  await scroller.evaluate((el) => {
    el.scrollTop = 0;
  });
  await expect(rows.first()).toHaveAttribute('data-order-id', String(10_000_000 + ORDER_COUNT - 2));
  const firstId = await rows.first().getAttribute('data-order-id');
  // Loaded, not changed while watched: not highlighted.
  await expect(rows.first()).not.toHaveClass(FLASHING);
  await page.evaluate((id) => {
    const w = globalThis as unknown as {
      __orders: { last: Record<string, unknown> }[];
      __stats: unknown;
      __emit: (e: string, p: unknown) => void;
    };
    const changed = w.__orders
      .slice(-2000)
      .map((o) => ({ ...o, last: { ...o.last, status: 'FILLED', executionType: 'TRADE' } }));
    const target = changed.find((o) => (o.last as { orderId?: string }).orderId === id);
    if (!target) throw new Error('first row not in the burst');
    w.__emit('orderUpdates', {
      accountId: 'scale',
      updates: [],
      orders: changed,
      fills: [],
      stats: w.__stats,
    });
  }, firstId);
  await expect(rows.first()).toHaveAttribute('data-status', 'FILLED');
  await expect(rows.first()).toHaveClass(FLASHING);
  await saveScreen(page, testInfo, '12-hundred-thousand-orders');
});
