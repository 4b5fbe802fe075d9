import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { parseCsv } from './support/csv.ts';
import { saveScreen } from './support/screenshots.ts';

/** Order id → status of the rows the table currently renders (the visible window). */
async function visibleRows(page: Page): Promise<Map<string, string>> {
  const rows = page.getByTestId('order-row');
  const pairs = await rows.evaluateAll((els) =>
    els.map((el) => [el.getAttribute('data-order-id')!, el.getAttribute('data-status')!]),
  );
  return new Map(pairs as [string, string][]);
}

async function orderCounts(page: Page): Promise<{ shown: number; total: number }> {
  const count = page.getByTestId('orders-count');
  return {
    shown: Number(await count.getAttribute('data-shown')),
    total: Number(await count.getAttribute('data-total')),
  };
}

const TERMINAL = new Set(['FILLED', 'CANCELED', 'EXPIRED', 'REJECTED']);

test('first run → Try the demo → orders stream in, charts fill, filters work, CSV matches the table', async ({
  page,
  host,
}, testInfo) => {
  await page.goto(host.url);

  // First run: no account, so the welcome screen with both ways in.
  const welcome = page.getByTestId('welcome');
  await expect(welcome).toBeVisible();
  // The token was traded for an HttpOnly session cookie and the page reloaded at the clean
  // address (nothing in the address bar or history); a reload and a new tab keep working.
  expect(page.url()).not.toContain('token=');
  // HttpOnly: the page's scripts cannot read the session cookie.
  const cookies = await page.context().cookies();
  expect(cookies.length).toBeGreaterThan(0);
  expect(cookies.every((c) => c.httpOnly && c.sameSite === 'Strict')).toBe(true);
  await page.reload();
  await expect(welcome).toBeVisible();
  const tab = await page.context().newPage();
  await tab.goto(page.url());
  await expect(tab.getByTestId('welcome')).toBeVisible();
  await tab.close();
  // Another browser (no session cookie) on the bare address is told what to open instead.
  const stranger = await page.context().browser()!.newContext();
  const bare = await stranger.newPage();
  const refused = await bare.goto(page.url());
  expect(refused?.status()).toBe(401);
  await expect(bare.locator('body')).toContainText(
    'Open the full address that `npx alpha-monitor serve` printed',
  );
  await stranger.close();
  await expect(page.getByTestId('try-demo')).toBeVisible();
  await expect(page.getByTestId('welcome-add-account')).toBeVisible();
  await saveScreen(page, testInfo, '01-welcome');

  await page.getByTestId('try-demo').click();
  await expect(page.getByTestId('monitor')).toBeVisible();
  await expect(page.getByTestId('topbar-account').getByTestId('state-pill')).toHaveAttribute(
    'data-state',
    'live',
    { timeout: 60_000 },
  );

  // Orders appear, and fills among them (the demo exchange trades by itself).
  await expect
    .poll(async () => (await orderCounts(page)).total, { timeout: 60_000 })
    .toBeGreaterThanOrEqual(6);
  await expect
    .poll(async () => [...(await visibleRows(page)).values()].some((s) => TERMINAL.has(s)), {
      timeout: 60_000,
    })
    .toBe(true);

  // The status chart shows the statuses the table shows.
  const chartCounts = page.getByTestId('status-chart').getByTestId('status-counts').locator('li');
  await expect
    .poll(
      async () =>
        await chartCounts.evaluateAll(
          (els) => els.filter((e) => Number(e.getAttribute('data-count')) > 0).length,
        ),
    )
    .toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('status-chart').locator('.chart-bar path').first()).toBeVisible();
  await expect(page.getByTestId('fills-chart-svg')).toBeVisible({
    timeout: 60_000,
  });
  // Each chart names what is under the pointer: a bucket's buys, sells and volume, a status's count.
  const fillsBox = (await page.getByTestId('fills-chart-svg').boundingBox())!;
  await page.mouse.move(fillsBox.x + fillsBox.width - 50, fillsBox.y + fillsBox.height / 2);
  await expect(page.getByTestId('fills-chart-tooltip')).toContainText('Buy');
  await expect(page.getByTestId('fills-chart-tooltip')).toContainText('Volume (USDT)');
  const statusBox = (await page.getByTestId('status-chart-svg').boundingBox())!;
  await page.mouse.move(statusBox.x + statusBox.width / 2, statusBox.y + 8);
  await expect(page.getByTestId('status-chart-tooltip')).toContainText('New');
  await page.mouse.move(0, 0);
  await saveScreen(page, testInfo, '02-monitor-demo');

  // Filter by status: only FILLED rows remain, fewer than all.
  await page.getByTestId('filter-status-FILLED').click();
  await expect.poll(async () => [...(await visibleRows(page)).values()]).not.toHaveLength(0);
  await expect
    .poll(async () => new Set((await visibleRows(page)).values()))
    .toEqual(new Set(['FILLED']));
  const filtered = await orderCounts(page);
  expect(filtered.shown).toBeLessThan(filtered.total);
  // Side filter on top: only buys.
  await page.getByTestId('filter-side').selectOption('BUY');
  await expect
    .poll(async () =>
      page
        .getByTestId('order-row')
        .evaluateAll((els) => els.every((el) => el.querySelector('.side-buy') !== null)),
    )
    .toBe(true);
  await saveScreen(page, testInfo, '03-filtered');
  await page.getByTestId('clear-filters').click();

  // Text filter by one order id finds exactly that order (and its OTO partner only if the id matches).
  const someId = [...(await visibleRows(page)).keys()][0]!;
  await page.getByTestId('filter-text').fill(someId);
  await expect.poll(async () => [...(await visibleRows(page)).keys()]).toEqual([someId]);
  await page.getByTestId('clear-filters').click();

  // Row detail: every field, including the OTO partner link.
  const otoRow = page.locator('[data-testid="order-row"]:has(.oto-tag)').first();
  await otoRow.click();
  const detail = page.getByTestId('order-detail');
  await expect(detail).toBeVisible();
  await expect(detail.locator('[data-field="clientOrderId"]')).not.toHaveText('');
  await expect(detail.locator('[data-field="eventId"]')).not.toHaveText('—');
  await expect(detail.getByTestId('oto-peer')).toBeVisible();
  await saveScreen(page, testInfo, '04-order-detail');

  // Export the orders CSV; every finished order the table shows is in it with the same state.
  const shownBefore = await visibleRows(page);
  const totalBefore = (await orderCounts(page)).total;
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-orders').click();
  const download = await downloadPromise;
  await expect(page.getByTestId('export-message')).toBeVisible();
  const csv = parseCsv(await readFile(await download.path(), 'utf8'));
  expect(csv.length).toBeGreaterThanOrEqual(totalBefore);
  const idKey = Object.keys(csv[0]!).find((k) => /order.?id/i.test(k) && !/client|list/i.test(k))!;
  const statusKey = Object.keys(csv[0]!).find((k) => /^status$|order.?status/i.test(k))!;
  expect(idKey, `orders CSV header: ${Object.keys(csv[0]!).join(',')}`).toBeTruthy();
  expect(statusKey, `orders CSV header: ${Object.keys(csv[0]!).join(',')}`).toBeTruthy();
  const csvStatus = new Map(csv.map((r) => [r[idKey]!, r[statusKey]!]));
  let compared = 0;
  for (const [orderId, status] of shownBefore) {
    expect(csvStatus.has(orderId), `order ${orderId} shown in the table is in the CSV`).toBe(true);
    // A finished order cannot change any more, so its exported state must equal what was shown.
    if (TERMINAL.has(status)) {
      expect(csvStatus.get(orderId), `status of ${orderId}`).toBe(status);
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(0);

  // The updates CSV too: one row per update, the last one of each finished order matching.
  const updatesDownload = page.waitForEvent('download');
  await page.getByTestId('export-updates').click();
  const updatesCsv = parseCsv(await readFile(await (await updatesDownload).path(), 'utf8'));
  expect(updatesCsv.length).toBeGreaterThan(csv.length);

  // Statistics and connection, as the CLI prints them.
  await page.getByTestId('tab-stats').click();
  await expect(page.getByTestId('stat-updates')).not.toHaveText('0');
  await expect(page.getByTestId('conn-listen-key')).toHaveText(/^[0-9a-z]{10}\.\.\.$/i);
  await saveScreen(page, testInfo, '05-statistics');

  // Settings: light theme and Chinese apply at once.
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-theme-light').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByTestId('setting-language').selectOption('zh-CN');
  await expect(page.getByTestId('settings-dialog')).toContainText('语言');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tab-stats')).toHaveText('统计');
  await saveScreen(page, testInfo, '06-monitor-light-zh');
  await page.getByTestId('open-settings').click();
  await page.getByTestId('setting-language').selectOption('en');
  await page.getByTestId('setting-theme-dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
