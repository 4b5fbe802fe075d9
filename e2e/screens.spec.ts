import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { submitAddAccount } from './support/add-account.ts';
import { cutTexts, numbersSplitAcrossLines, overlaps } from './support/layout-checks.ts';
import { DOCS_SCREENSHOT_DIR, saveScreen } from './support/screenshots.ts';

/** Native dialogs and failed requests of a page, recorded from its first request on. */
function watchPage(page: Page): { nativeDialogs: string[]; failedRequests: string[] } {
  const seen = { nativeDialogs: [] as string[], failedRequests: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.nativeDialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      seen.failedRequests.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => seen.failedRequests.push(`failed ${request.url()}`));
  return seen;
}

/**
 * Starts the demo and waits for its orders and a fill. The demo trades every ~10 s, so a spec
 * using it gets 10 minutes: on two busy cores the wait alone takes minutes, and the README
 * screenshots then set eight settings combinations, each saved and shown before the next.
 */
async function startDemo(page: Page, url: string, minOrders: number): Promise<void> {
  test.setTimeout(600_000);
  await page.goto(url);
  await page.getByTestId('try-demo').click();
  await expect(page.getByTestId('topbar-account').getByTestId('state-pill')).toHaveAttribute(
    'data-state',
    'live',
    { timeout: 60_000 },
  );
  await expect
    .poll(async () => Number(await page.getByTestId('orders-count').getAttribute('data-total')), {
      timeout: 90_000,
    })
    .toBeGreaterThanOrEqual(minOrders);
  await expect(page.locator('[data-testid="order-row"][data-status="FILLED"]').first()).toBeVisible(
    { timeout: 60_000 },
  );
}

async function applySettings(page: Page, theme: 'light' | 'dark', language: 'en' | 'zh-CN') {
  await page.getByTestId('open-settings').click();
  // One setting at a time: each change is saved and comes back before the next is made, so a
  // slow round trip on a busy machine cannot answer the second change with the first's state.
  await page.getByTestId(`setting-theme-${theme}`).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await page.getByTestId('setting-language').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings-dialog')).toHaveCount(0);
}

/**
 * What a trader must be able to read in any window size and language: the orders table's
 * columns without scrolling sideways, every order id whole, chart titles whole, the status
 * chips on one line each and in one row, no number split over two lines.
 */
async function expectReadableMonitor(page: Page): Promise<void> {
  const scroller = page.getByTestId('orders-scroll');
  const sideways = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(sideways, 'the orders table needs no sideways scrolling').toBeLessThanOrEqual(1);
  const box = (await scroller.boundingBox())!;
  for (const name of [
    /created|创建/i,
    /symbol|交易对/i,
    /side|方向/i,
    /status|状态/i,
    /^price|^价格/i,
    /quantity|数量/i,
    /executed|成交/i,
    /order id|订单/i,
  ]) {
    const header = page.getByRole('columnheader', { name }).first();
    await expect(header, `column ${name}`).toBeVisible();
    const h = (await header.boundingBox())!;
    expect(h.x + h.width, `column ${name} inside the table`).toBeLessThanOrEqual(
      box.x + box.width + 1,
    );
  }
  const ids = page.getByTestId('order-id-cell');
  expect(await cutTexts(ids), 'order ids are never cut').toEqual([]);
  const shownIds = await page
    .getByTestId('order-row')
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.getAttribute('data-order-id'),
        r.querySelector('[data-testid="order-id-cell"]')!.textContent!.replace(/^S/, ''),
      ]),
    );
  for (const [id, shown] of shownIds) expect(shown).toBe(id);

  const titles = page.locator('.chart-panel .panel-head h3');
  await expect(titles).toHaveCount(2);
  expect(await cutTexts(titles), 'chart titles are whole').toEqual([]);

  const chips = page.locator('.status-chips .chip');
  const chipBoxes = await chips.evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { top: Math.round(r.top), height: r.height, text: el.textContent };
    }),
  );
  expect(new Set(chipBoxes.map((c) => c.top)).size, 'status chips in one row').toBe(1);
  for (const chip of chipBoxes)
    expect(chip.height, `chip "${chip.text}" on one line`).toBeLessThan(26);

  expect(await numbersSplitAcrossLines(page), 'numbers split over two lines').toEqual([]);
}

test.describe('a narrow window (1024×700)', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test('the table keeps its important columns and whole ids; statistics and detail open over it; a toast keeps off the ids; no 404, no native dialog', async ({
    page,
    host,
  }, testInfo) => {
    const seen = watchPage(page);
    await startDemo(page, host.url, 8);
    await expectReadableMonitor(page);
    await saveScreen(page, testInfo, 'narrow-monitor');

    // A fill notice: it stays clear of every order id the table shows.
    const notice = page.locator('.notice').first();
    await expect(notice).toBeVisible({ timeout: 90_000 });
    const noticeBox = (await notice.boundingBox())!;
    const idBoxes = await page
      .getByTestId('order-id-cell')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
    expect(idBoxes.length).toBeGreaterThan(0);
    for (const idBox of idBoxes)
      expect(overlaps(noticeBox, idBox), 'a notice covers an order id').toBe(false);
    await saveScreen(page, testInfo, 'narrow-notice');

    // Statistics: asked for, over the table; numbers whole.
    await expect(page.getByTestId('inspector')).toBeHidden();
    await page.getByTestId('inspector-toggle').click();
    await expect(page.getByTestId('stat-updates')).toBeVisible();
    expect(await numbersSplitAcrossLines(page, '[data-testid="inspector"]')).toEqual([]);
    await page.getByTestId('inspector-close').click();
    await expect(page.getByTestId('inspector')).toBeHidden();

    // A row's detail: every field named (the exchange's unnamed `st` too), numbers whole.
    await page.getByTestId('order-row').first().click();
    const detail = page.getByTestId('order-detail');
    await expect(detail).toBeVisible();
    await expect(detail.locator('tr', { has: page.locator('[data-field="st"]') })).toContainText(
      'unnamed flag',
    );
    expect(await numbersSplitAcrossLines(page, '[data-testid="inspector"]')).toEqual([]);
    await saveScreen(page, testInfo, 'narrow-order-detail');

    // The page's icon is served, and nothing the page asked for failed.
    const icon = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(icon).toBeTruthy();
    const iconResponse = await page.request.get(new URL(icon!, page.url()).href);
    expect(iconResponse.status()).toBe(200);
    expect(iconResponse.headers()['content-type']).toContain('image/svg+xml');
    expect(seen.failedRequests).toEqual([]);
    expect(seen.nativeDialogs).toEqual([]);
  });
});

test('stopping keeps the session on screen and points to Sessions; a clean stop is no gap; a past session is deleted with its exports after an in-app confirmation', async ({
  page,
  host,
}, testInfo) => {
  const seen = watchPage(page);
  await startDemo(page, host.url, 4);
  const pill = page.getByTestId('topbar-account').getByTestId('state-pill');
  const count = page.getByTestId('orders-count');
  const before = Number(await count.getAttribute('data-total'));

  await page.getByTestId('account-toggle').click();
  await expect(pill).toHaveAttribute('data-state', 'stopped');
  // The view keeps what it showed: the orders and the session's statistics.
  await expect(page.getByTestId('stopped-banner')).toContainText('Stopped at');
  await expect(page.getByTestId('stopped-banner')).toContainText('kept in Sessions');
  const after = Number(await count.getAttribute('data-total'));
  expect(after).toBeGreaterThanOrEqual(before);
  await expect(page.getByTestId('order-row').first()).toBeVisible();
  await expect(page.getByTestId('stat-updates')).not.toHaveText('0');
  // No countdown to a key refresh that will not happen; the stop is not a gap.
  await expect(page.getByTestId('conn-next-refresh')).toHaveText('none (not watching)');
  await expect(page.getByTestId('gap-count')).toHaveText('0 gaps');
  await expect(page.getByTestId('timeline').locator('[data-kind="gap"]')).toHaveCount(0);
  await saveScreen(page, testInfo, 'stopped-account');

  // The banner leads to the same session, read only, with the same orders; export one CSV.
  await page.getByTestId('stopped-open-session').click();
  await expect(page.getByTestId('monitor')).toHaveAttribute('data-read-only', 'yes');
  await expect.poll(async () => Number(await count.getAttribute('data-total'))).toBe(after);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-orders').click();
  await download;
  await page.getByTestId('back-to-live').click();

  // Watching again: the list shows the running session without an end, and the ended one.
  await page.getByTestId('account-toggle').click();
  await expect(pill).toHaveAttribute('data-state', 'live', { timeout: 60_000 });
  await page.getByTestId('open-sessions').click();
  const rows = page.getByTestId('session-row');
  await expect(rows).toHaveCount(2);
  const running = page.locator('[data-testid="session-row"][data-status="live"]');
  const ended = page.locator('[data-testid="session-row"][data-status="ended"]');
  await expect(running.getByTestId('session-ended')).toHaveText('still running');
  await expect(running.getByTestId('session-delete')).toBeDisabled();
  await expect(ended.getByTestId('session-ended')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

  // Delete asks in the app; Cancel keeps it.
  await ended.getByTestId('session-delete').click();
  const confirm = page.getByTestId('confirm-delete-session');
  await expect(confirm).toContainText('cannot be undone');
  await saveScreen(page, testInfo, 'session-delete-confirm');
  await confirm.getByTestId('confirm-cancel').click();
  await expect(confirm).toHaveCount(0);
  await expect(rows).toHaveCount(2);
  await ended.getByTestId('session-delete').click();
  await confirm.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('session-deleted')).toHaveText(
    'Session deleted, with 1 exported file.',
  );
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-status', 'live');
  expect(seen.nativeDialogs).toEqual([]);
});

test('removing an account asks in the app, and Cancel keeps it', async ({ page, host, sim }) => {
  const seen = watchPage(page);
  await page.goto(host.url);
  await page.getByTestId('welcome-add-account').click();
  await submitAddAccount(page, {
    credentials: sim.credentials,
    label: 'Sim one',
    restUrl: sim.restUrl,
    wsUrl: sim.wsUrl,
  });
  const item = page.locator('[data-testid="account-item"][data-label="Sim one"]');
  await expect(item).toBeVisible();
  await item.getByTestId('account-remove').click();
  const confirm = page.getByTestId('confirm-remove-account');
  await expect(confirm).toContainText('Remove “Sim one”');
  await confirm.getByTestId('confirm-cancel').click();
  await expect(confirm).toHaveCount(0);
  await expect(item).toBeVisible();
  await item.getByTestId('account-remove').click();
  await confirm.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('welcome')).toBeVisible();
  expect(seen.nativeDialogs).toEqual([]);
});

test('the README screenshots: the monitor at 1440×900 and 1024×700, light and dark, English and Chinese', async ({
  page,
  host,
}, testInfo) => {
  await startDemo(page, host.url, 10);
  await expect(page.getByTestId('fills-chart-svg')).toBeVisible({
    timeout: 60_000,
  });
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const theme of ['dark', 'light'] as const) {
      for (const language of ['en', 'zh-CN'] as const) {
        await applySettings(page, theme, language);
        await expectReadableMonitor(page);
        const lang = language === 'en' ? 'en' : 'zh';
        await saveScreen(
          page,
          testInfo,
          `monitor-${width}x${height}-${theme}-${lang}`,
          DOCS_SCREENSHOT_DIR,
        );
      }
    }
  }
});
