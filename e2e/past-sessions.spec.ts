import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures.ts';
import { parseCsv } from './support/csv.ts';
import { saveScreen } from './support/screenshots.ts';

test('a stopped demo session is listed, reopens read-only with its orders, and exports its CSV', async ({
  page,
  host,
}, testInfo) => {
  await page.goto(host.url);
  await page.getByTestId('try-demo').click();
  const pill = page.getByTestId('topbar-account').getByTestId('state-pill');
  await expect(pill).toHaveAttribute('data-state', 'live', { timeout: 60_000 });
  // Let the demo exchange trade a little, then stop watching.
  await expect
    .poll(async () => Number(await page.getByTestId('orders-count').getAttribute('data-total')), {
      timeout: 60_000,
    })
    .toBeGreaterThanOrEqual(4);
  await page.getByTestId('account-toggle').click();
  await expect(pill).toHaveAttribute('data-state', 'stopped');

  // The sessions list shows it: the demo account, stopped cleanly, with its updates counted.
  await page.getByTestId('open-sessions').click();
  const row = page.getByTestId('session-row').first();
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('data-account-id', 'demo');
  await expect(row).toHaveAttribute('data-status', 'ended');
  expect(
    Number((await row.getByTestId('session-updates').textContent())!.replace(/,/g, '')),
  ).toBeGreaterThan(0);
  await saveScreen(page, testInfo, '12-sessions-list');

  // Opened: the same monitor screens, marked read-only, with nothing to start or stop.
  await row.getByTestId('session-open').click();
  const monitor = page.getByTestId('monitor');
  await expect(monitor).toHaveAttribute('data-read-only', 'yes');
  await expect(page.getByTestId('read-only-banner')).toContainText('Viewing a past session');
  await expect(page.getByTestId('read-only-banner')).toContainText('read only');
  await expect(page.getByTestId('account-toggle')).toHaveCount(0);
  await expect(page.getByTestId('tab-strategy')).toHaveCount(0);
  await expect(page.getByTestId('order-row').first()).toBeVisible();
  const total = Number(await page.getByTestId('orders-count').getAttribute('data-total'));
  expect(total).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId('stat-updates')).not.toHaveText('0');
  const shown = new Map(
    (await page
      .getByTestId('order-row')
      .evaluateAll((els) =>
        els.map((el) => [el.getAttribute('data-order-id')!, el.getAttribute('data-status')!]),
      )) as [string, string][],
  );
  await saveScreen(page, testInfo, '13-past-session-read-only');

  // Its orders CSV holds every order the table shows, in the state shown (nothing moves any more).
  const download = page.waitForEvent('download');
  await page.getByTestId('export-orders').click();
  const csv = parseCsv(await readFile(await (await download).path(), 'utf8'));
  expect(csv).toHaveLength(total);
  const idKey = Object.keys(csv[0]!).find((k) => /order.?id/i.test(k) && !/client|list/i.test(k))!;
  const statusKey = Object.keys(csv[0]!).find((k) => /^status$|order.?status/i.test(k))!;
  const csvStatus = new Map(csv.map((r) => [r[idKey]!, r[statusKey]!]));
  for (const [orderId, status] of shown)
    expect(csvStatus.get(orderId), `order ${orderId}`).toBe(status);
  await expect(page.getByTestId('export-message')).toBeVisible();

  // And back to live: the demo account again, with its start button.
  await page.getByTestId('back-to-live').click();
  await expect(page.getByTestId('monitor')).toHaveAttribute('data-read-only', 'no');
  await expect(page.getByTestId('account-toggle')).toBeVisible();
});
