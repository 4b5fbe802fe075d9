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
    { timeout: 60_000 },
  );

  await page.getByTestId('tab-strategy').click();
  const panel = page.getByTestId('strategy-panel');
  await expect(panel).toBeVisible();
  // Every field shows its default (the CLI's), or says what empty means.
  await expect(panel.getByTestId('strategy-token')).toHaveValue('KOGE');
  await expect(panel.getByTestId('strategy-chain')).toHaveValue('BSC');
  await expect(panel.getByTestId('strategy-volumeUsdt')).toHaveValue('100');
  await expect(panel.getByTestId('strategy-amountUsdt')).toHaveValue('10');
  await expect(panel.getByTestId('strategy-intervalSec')).toHaveValue('1');
  await expect(panel.getByTestId('strategy-timeoutSec')).toHaveValue('300');
  await expect(panel.getByTestId('strategy-buyOffsetPct')).toHaveValue('0.5');
  await expect(panel.getByTestId('strategy-sellOffsetPct')).toHaveValue('1');
  for (const limit of ['maxLossUsdt', 'maxWearBps', 'maxMovePct']) {
    await expect(panel.getByTestId(`strategy-${limit}`)).toHaveAttribute('placeholder', 'no limit');
  }

  // Careless input is named for what it is, before Start.
  await panel.getByTestId('strategy-amountUsdt').fill('-5');
  await expect(panel.getByText('Amount per trade (USDT) must not be negative.')).toBeVisible();
  await expect(panel.getByTestId('strategy-start')).toBeDisabled();
  await panel.getByTestId('strategy-amountUsdt').fill('10');
  // An unknown token: its error once, with a fix that helps.
  await panel.getByTestId('strategy-token').fill('NOPE');
  const estimate = panel.getByTestId('strategy-estimate');
  await expect(estimate).toHaveAttribute('data-state', 'error');
  await expect(panel.locator('.error-box')).toHaveCount(1);
  await expect(panel.locator('.error-box')).toContainText('Check the token symbol and chain');
  await expect(panel.locator('.error-box')).not.toContainText('restart Alpha Monitor');
  await panel.getByTestId('strategy-token').fill('KOGE');

  // A points target instead of a volume: today's points are read and the volume derived.
  await panel.getByTestId('strategy-targetKind').selectOption('points');
  await expect(panel.getByTestId('strategy-points')).toHaveValue('10');
  await expect(estimate).toHaveAttribute('data-state', /ready|target-met/);
  await expect(estimate).toContainText('volume points');
  await panel.getByTestId('strategy-targetKind').selectOption('volume');

  // The demo with the defaults trades: the estimate says how much, before Start.
  await expect(estimate).toHaveAttribute('data-state', 'ready');
  expect(Number(await estimate.getAttribute('data-trades'))).toBeGreaterThan(0);
  await expect(estimate).toContainText(/about \d+ trade\(s\), expected wear [\d.]+ USDT/);
  await panel.getByTestId('strategy-start').click();

  const progress = panel.getByTestId('strategy-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('data-state', /starting|running/);
  await saveScreen(page, testInfo, '10-strategy-running');

  // Its orders are marked in the table as they appear.
  await page.getByText('Strategy orders').click();
  await expect(page.getByTestId('order-row').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('order-row').first().locator('.strategy-mark')).toBeVisible();

  // The run ends at or above the target, and its orders are filled in the table.
  await expect(progress).toHaveAttribute('data-state', 'finished', { timeout: 180_000 });
  // Wear, one word and one sign, as the CLI says it.
  await expect(panel.getByTestId('strategy-wear')).toHaveText(
    /^wear -?\d+\.\d{4} USDT \(-?\d+\.\d bps\)$/,
  );
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
  // The target is met now: said before Start, and Start would place nothing.
  await expect(estimate).toHaveAttribute('data-state', 'target-met');
  await expect(estimate).toContainText('Target already met today');
  await expect(panel.getByTestId('strategy-start')).toBeDisabled();
  await saveScreen(page, testInfo, '11-strategy-finished');
});

test('the panel’s stops: a very low wear limit stops the run short of its target and says why; sell leftovers says what it did', async ({
  page,
  host,
}) => {
  // A real run on the demo simulator, on a busy machine: room to spare.
  test.setTimeout(300_000);
  await page.goto(host.url);
  await page.getByTestId('try-demo').click();
  await expect(page.getByTestId('topbar-account').getByTestId('state-pill')).toHaveAttribute(
    'data-state',
    'live',
    { timeout: 60_000 },
  );
  await page.getByTestId('tab-strategy').click();
  const panel = page.getByTestId('strategy-panel');
  await expect(panel).toBeVisible();

  // A limit of 0 bps stops the run at the first trade that wears anything. The demo's price
  // walks at random, so a trade can also gain (its sell above its buy by more than the fees):
  // then it does not count against the limit. Both endings are checked for what they must show.
  await panel.getByTestId('strategy-maxWearBps').fill('0');
  await panel.getByTestId('strategy-maxMovePct').fill('50');
  await panel.getByTestId('strategy-sellLeftovers').check();
  const estimate = panel.getByTestId('strategy-estimate');
  await expect(estimate).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  expect(Number(await estimate.getAttribute('data-trades'))).toBeGreaterThan(1);
  await panel.getByTestId('strategy-start').click();

  const progress = panel.getByTestId('strategy-progress');
  await expect(progress).toBeVisible({ timeout: 60_000 });
  await expect(progress).toHaveAttribute('data-state', /^(failed|finished)$/, { timeout: 240_000 });
  expect(Number(await panel.getByTestId('strategy-trades').textContent())).toBeGreaterThanOrEqual(
    1,
  );
  if ((await progress.getAttribute('data-state')) === 'failed') {
    // The reason, with the limit the user typed, and what to do.
    const reason = progress.locator('.error-box');
    await expect(reason).toHaveAttribute('data-code', /^MAX_WEAR_(TRADE|RUN)$/);
    await expect(reason).toContainText('above the limit of 0 bps');
    await expect(reason).toContainText('raise the wear limit to go on');
    // The target was not reached: the run stopped at its limit, not at the volume.
    expect(Number(await progress.getAttribute('data-done'))).toBeLessThan(
      Number(await progress.getAttribute('data-target')),
    );
  } else {
    // Finished under a 0 bps limit: then no trade wore anything, so neither did the run.
    const bps = /(-?\d+(?:\.\d+)?) bps/.exec(
      (await panel.getByTestId('strategy-wear').textContent()) ?? '',
    );
    expect(bps, 'the wear shown in bps').not.toBeNull();
    expect(Number(bps![1])).toBeLessThanOrEqual(0);
  }
  // Sell leftovers ran at the end and says what it did with the run's tokens.
  await expect(panel.getByTestId('strategy-leftovers')).toHaveText(/^Leftovers: /);
  await expect(panel.getByTestId('strategy-leftovers')).toHaveAttribute(
    'data-outcome',
    /^(sold|none|dust|unsold)$/,
  );
  // Start is offered again (the limit can be raised and the run started anew).
  await expect(panel.getByTestId('strategy-start')).toBeVisible();
});
