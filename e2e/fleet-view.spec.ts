import { copyFile, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { saveScreen } from './support/screenshots.ts';

const ACCOUNTS = 50;
const DOCS_SCREENSHOTS = resolve(import.meta.dirname, '..', 'docs', 'screenshots');

// The host starts the embedded simulator with 50 accounts trading by themselves.
test.use({ hostArgs: ['--demo', '--accounts', String(ACCOUNTS)] });

/** The account ids of the rows in the order the table shows them. */
async function shownIds(page: Page): Promise<string[]> {
  return page
    .getByTestId('fleet-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-account-id')!));
}

async function stateOf(page: Page, accountId: string): Promise<string | null> {
  return page
    .locator(`[data-testid="fleet-row"][data-account-id="${accountId}"]`)
    .getAttribute('data-state');
}

/**
 * Saves the screen, and a copy for the README. 50 demo accounts fill orders every few seconds,
 * and their fill notices would cover the table: the picture is of the table, so they are hidden
 * for it.
 */
async function screenshot(page: Page, testInfo: Parameters<typeof saveScreen>[1], name: string) {
  const hide = await page.addStyleTag({ content: '[data-testid="notices"] { display: none }' });
  const path = await saveScreen(page, testInfo, name);
  await mkdir(DOCS_SCREENSHOTS, { recursive: true });
  await copyFile(path, resolve(DOCS_SCREENSHOTS, `${name}.png`));
  await hide.evaluate((el) => el.remove());
}

test('fleet view: 50 simulated accounts, sort, filter, stop and start a selection, open one', async ({
  page,
  host,
}, testInfo) => {
  // Fifty accounts connecting and trading: minutes when both cores are busy.
  test.setTimeout(720_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(host.url);
  // The page trades the token for a session cookie and reloads at the clean address first.
  await expect(page).not.toHaveURL(/token=/);
  await expect(page.getByTestId('app')).toBeVisible();
  await page.getByTestId('open-fleet').click();
  const view = page.getByTestId('fleet-view');
  await expect(view).toBeVisible();

  // Every account is listed, and all of them come live (on saturated cores fifty key requests,
  // connects and start reconciliations take minutes: slower, not a failure).
  await expect(page.getByTestId('fleet-row')).toHaveCount(ACCOUNTS, { timeout: 60_000 });
  await expect
    .poll(async () => page.locator('[data-testid="fleet-row"][data-state="live"]').count(), {
      timeout: 360_000,
    })
    .toBe(ACCOUNTS);
  // The accounts trade: counted volume and last fills appear without reloading.
  await expect
    .poll(
      async () =>
        page
          .getByTestId('fleet-last-fill')
          .evaluateAll((cells) => cells.filter((c) => c.textContent !== '—').length),
      { timeout: 120_000 },
    )
    .toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('fleet-totals')).toContainText(
    `${ACCOUNTS} accounts, ${ACCOUNTS} live`,
  );

  // 50 accounts filling do not flood the page: a few notices, the rest merged into a counter.
  const more = page.getByTestId('notice-more').first();
  await expect(more).toBeVisible({ timeout: 120_000 });
  await expect(more).toContainText(/^\d+ more [a-z -]+ on \d+ accounts?/);
  expect(await page.getByTestId('notice').count()).toBeLessThanOrEqual(3);
  expect(await page.locator('[data-testid="notices"] .notice').count()).toBeLessThanOrEqual(8);

  // Sorted by name the way people count: Demo, Demo 2, …, Demo 10 (not Demo 10 after Demo 1).
  const byName = await shownIds(page);
  expect(byName.slice(0, 3)).toEqual(['demo', 'demo-2', 'demo-3']);
  expect(byName.at(-1)).toBe(`demo-${ACCOUNTS}`);
  await page.getByTestId('fleet-sort-label').click();
  expect((await shownIds(page))[0]).toBe(`demo-${ACCOUNTS}`);
  await expect(page.getByTestId('fleet-sort-label').locator('..')).toHaveAttribute(
    'aria-sort',
    'descending',
  );

  // Sorted by counted volume, largest first: the column reads in descending order (values keep
  // changing while the accounts trade, so this is read until one reading is in order).
  await page.getByTestId('fleet-sort-volume').click();
  await expect(page.getByTestId('fleet-sort-volume').locator('..')).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect
    .poll(
      async () => {
        const volumes = await page
          .getByTestId('fleet-volume')
          .evaluateAll((cells) => cells.map((c) => Number(c.textContent!.replace(/,/g, ''))));
        return volumes.every((v, i) => i === 0 || volumes[i - 1]! >= v);
      },
      { timeout: 60_000 },
    )
    .toBe(true);

  await screenshot(page, testInfo, '14-fleet-1440x900');

  // Filter by name: "Demo 1" matches Demo 10–19 (the first account is plain "Demo").
  await page.getByTestId('fleet-search').fill('Demo 1');
  await expect(page.getByTestId('fleet-row')).toHaveCount(10);
  await page.getByTestId('fleet-search').fill('');
  await expect(page.getByTestId('fleet-row')).toHaveCount(ACCOUNTS);

  // Select three and stop them: those three stop, the others stay live.
  const chosen = ['demo-2', 'demo-3', 'demo-4'];
  for (const id of chosen)
    await page
      .locator(`[data-testid="fleet-row"][data-account-id="${id}"]`)
      .getByTestId('fleet-row-select')
      .check();
  await expect(page.getByTestId('fleet-selected-count')).toHaveText('3 selected');
  await page.getByTestId('fleet-stop-selected').click();
  for (const id of chosen)
    await expect.poll(() => stateOf(page, id), { timeout: 60_000 }).toBe('stopped');
  expect(await stateOf(page, 'demo')).toBe('live');
  expect(await stateOf(page, 'demo-5')).toBe('live');
  await expect(page.getByTestId('fleet-totals')).toContainText(`${ACCOUNTS - 3} live`);

  // The state filter shows the stopped ones only.
  await page.getByTestId('fleet-filter-stopped').click();
  await expect(page.getByTestId('fleet-row')).toHaveCount(3);
  expect((await shownIds(page)).sort()).toEqual(chosen);
  await page.getByTestId('fleet-filter-stopped').click();
  await expect(page.getByTestId('fleet-row')).toHaveCount(ACCOUNTS);

  // Start the selection again: live again.
  await page.getByTestId('fleet-start-selected').click();
  for (const id of chosen)
    await expect.poll(() => stateOf(page, id), { timeout: 60_000 }).toBe('live');

  // Readable at 1024 × 700: every column is still there, the table scrolls inside the view.
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(page.getByTestId('fleet-sort-health')).toBeVisible();
  await expect(page.getByTestId('fleet-stop-all')).toBeVisible();
  await screenshot(page, testInfo, '15-fleet-1024x700');

  // Click through: the account's own monitor opens.
  await page
    .locator('[data-testid="fleet-row"][data-account-id="demo-7"]')
    .getByTestId('fleet-open')
    .click();
  await expect(page.getByTestId('fleet-view')).toHaveCount(0);
  await expect(page.getByTestId('monitor')).toBeVisible();
  await expect(page.getByTestId('topbar-account')).toContainText('Demo 7');
});
