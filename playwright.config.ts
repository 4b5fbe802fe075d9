import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Browser e2e: the real renderer, served by the real browser host (`alpha-monitor serve`),
 * against the real simulator. Debian's Chromium when it is installed (this machine has no
 * network, so Playwright's own browser download is not an option there); Playwright's own
 * Chromium elsewhere. The specs start and stop their own processes (see e2e/support).
 */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const useSystemChromium = existsSync(SYSTEM_CHROMIUM);

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results',
  // Each spec starts a host (and sometimes a simulator); the strategy spec waits for real fills.
  // Generous bounds against a hung spec, never measurements: the specs must pass with both
  // cores saturated by another process, where a step takes several times longer.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  // Two cores shared with everything else: one browser at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    // Traders mostly run trading tools dark; the light theme is exercised by the settings step.
    colorScheme: 'dark',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: useSystemChromium
      ? {
          executablePath: SYSTEM_CHROMIUM,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        }
      : {},
  },
});
