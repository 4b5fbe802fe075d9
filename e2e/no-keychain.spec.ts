import { expect, test } from './support/fixtures.ts';

// A server with no Secret Service (the headless box most `serve` users run): accounts are kept
// in memory and a banner says so on every screen. It once took a grid row of its own under the
// sidebar, 220 px wide and 400 px tall, and the orders table showed no row at 1024×700.
test.use({
  hostArgs: ['--demo'],
  hostEnv: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/alpha-monitor-e2e-bus' },
  viewport: { width: 1024, height: 700 },
});

test('without a keychain: a one-line banner across the top, the orders table still shows its rows', async ({
  page,
  host,
}) => {
  test.setTimeout(300_000);
  await page.goto(host.url);
  const banner = page.getByTestId('no-keychain-banner');
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(banner).toContainText('No keychain on this machine');
  await expect
    .poll(async () => Number(await page.getByTestId('orders-count').getAttribute('data-total')), {
      timeout: 120_000,
    })
    .toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('order-row').first()).toBeVisible();

  const box = (await banner.boundingBox())!;
  const viewport = page.viewportSize()!;
  // Across the window under the top bar, one line high, above the sidebar and the table.
  expect(box.width).toBeGreaterThan(viewport.width * 0.9);
  expect(box.height).toBeLessThan(48);
  const firstRow = (await page.getByTestId('order-row').first().boundingBox())!;
  expect(firstRow.y).toBeGreaterThan(box.y + box.height);
  expect(firstRow.y + firstRow.height).toBeLessThanOrEqual(viewport.height);

  // The ways to keep an account, as commands that run as printed.
  await banner.locator('summary').click();
  await expect(banner.locator('code').first()).toHaveText(
    'npx alpha-monitor accounts add --to-file <path> --from-curl -',
  );
});
