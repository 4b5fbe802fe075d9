import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { submitAddAccount } from './support/add-account.ts';
import { simControl } from './support/sim-client.ts';

const REPO_ROOT = resolve(import.meta.dirname, '..');

/**
 * The Electron binary, if one is installed. Found without `require('electron')`, which tries
 * to download the binary when it is missing (and this machine has no network).
 */
function electronBinary(): string | null {
  const pkg = resolve(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = resolve(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = resolve(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const builtMain = resolve(REPO_ROOT, 'out', 'main', 'index.js');
const skipReason =
  binary === null
    ? 'no Electron binary here (node_modules/electron has no downloaded dist); the same flows run in Chromium via the browser host'
    : !existsSync(builtMain)
      ? 'the app is not built (run `npm run build` first)'
      : null;
if (skipReason) console.log(`[e2e] Electron specs skipped: ${skipReason}`);

/**
 * Starts the app the way `npm start` does (`electron-vite preview` runs Electron on the project
 * folder, whose package.json names out/main/index.js), with its own data folder.
 */
function launchLikeNpmStart(home: string): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: binary!,
    args: ['.', ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
    cwd: REPO_ROOT,
    env: { ...process.env, ALPHA_MONITOR_HOME: home, ALPHA_MONITOR_TRAY: 'on' },
  });
}

test.describe('Electron app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  // eslint-disable-next-line no-empty-pattern
  test('first run opens in demo mode with live orders', async ({}, testInfo) => {
    const app = await launchLikeNpmStart(testInfo.outputPath('home'));
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('welcome').or(page.getByTestId('monitor'))).toBeVisible({
        timeout: 60_000,
      });
      if (await page.getByTestId('welcome').isVisible()) await page.getByTestId('try-demo').click();
      await expect(page.getByTestId('topbar-account').getByTestId('state-pill')).toHaveAttribute(
        'data-state',
        'live',
        { timeout: 60_000 },
      );
      await expect
        .poll(
          async () => Number(await page.getByTestId('orders-count').getAttribute('data-total')),
          { timeout: 60_000 },
        )
        .toBeGreaterThan(0);
      // The window is locked down: no Node in the page, only the contract's API.
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
        'undefined',
      );
      expect(await page.evaluate(() => typeof (globalThis as { api?: unknown }).api)).toBe(
        'object',
      );
    } finally {
      await app.close();
    }
  });

  test('a simulator account added from a cURL paste goes live and streams its orders', async ({
    sim,
  }, testInfo) => {
    const app = await launchLikeNpmStart(testInfo.outputPath('home'));
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('welcome').or(page.getByTestId('monitor'))).toBeVisible({
        timeout: 60_000,
      });
      // First run opens the demo; a real account is added next to it from the accounts list.
      const addButton = page
        .getByTestId('welcome-add-account')
        .or(page.getByTestId('add-account'))
        .first();
      await addButton.click();
      await submitAddAccount(page, { ...sim, label: 'Sim trader' });

      const account = page.getByTestId('account-item').filter({ hasText: 'Sim trader' });
      await expect(account).toBeVisible();
      await account.click();
      if (!/connecting|subscribing|live/.test((await account.getAttribute('data-state')) ?? ''))
        await account.getByTestId('account-toggle').click();
      await expect(account).toHaveAttribute('data-state', 'live', { timeout: 60_000 });

      await simControl.startDemoActivity(sim.controlUrl, 240);
      await expect
        .poll(
          async () => Number(await page.getByTestId('orders-count').getAttribute('data-total')),
          { timeout: 60_000 },
        )
        .toBeGreaterThan(0);
      // Secrets never reach the page.
      const html = await page.content();
      expect(html).not.toContain(sim.credentials.headers.csrftoken!);
    } finally {
      await app.close();
    }
  });
});
