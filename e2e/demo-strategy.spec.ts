import { expect, test } from './support/fixtures.ts';
import { saveScreen } from './support/screenshots.ts';

test('start a demo strategy from the panel: its orders fill in the table and progress reaches the target', async ({
  page,
  host,
}, testInfo) => {
  await page.goto(host.url);
  await page.getByTestId('try-demo').click();
  await expect(page.getByTestId('topbar-account').getByTestId('state-pill')).toHaveAttribute(
    'data-state',
    'live',
    { timeout: 30_000 },
  );

  await page.getByTestId('tab-strategy').click();
  const panel = page.getByTestId('strategy-panel');
  await expect(panel).toBeVisible();
  await panel.getByTestId('strategy-token').fill('KOGE');
  await panel.getByTestId('strategy-chain').fill('BSC');
  await panel.getByTestId('strategy-volumeUsdt').fill('20');
  await panel.getByTestId('strategy-amountUsdt').fill('10');
  await panel.getByTestId('strategy-intervalSec').fill('1');
  await panel.getByTestId('strategy-start').click();

  const progress = panel.getByTestId('strategy-progress');
  await expect(progress).toBeVisible({ timeout: 15_000 });
  await expect(progress).toHaveAttribute('data-state', /starting|running/);
  await saveScreen(page, testInfo, '10-strategy-running');

  // Its orders are marked in the table as they appear.
  await page.getByText('Strategy orders').click();
  await expect(page.getByTestId('order-row').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('order-row').first().locator('.strategy-mark')).toBeVisible();

  // The run ends at or above the target, and its orders are filled in the table.
  await expect(progress).toHaveAttribute('data-state', 'finished', { timeout: 90_000 });
  const done = Number(await progress.getAttribute('data-done'));
  const target = Number(await progress.getAttribute('data-target'));
  expect(done).toBeGreaterThanOrEqual(target);
  expect(Number(await panel.getByTestId('strategy-trades').textContent())).toBeGreaterThanOrEqual(
    2,
  );
  await page.getByTestId('filter-status-FILLED').click();
  await expect.poll(async () => page.getByTestId('order-row').count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('order-row').locator('.strategy-mark').first()).toBeVisible();
  await page.getByTestId('clear-filters').click();
  await saveScreen(page, testInfo, '11-strategy-finished');
});
