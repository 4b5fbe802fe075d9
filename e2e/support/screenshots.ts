import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

/** Where the main screens are saved on every run (kept by CI as artifacts). */
export const SCREENSHOT_DIR = resolve(
  import.meta.dirname,
  '..',
  '..',
  'e2e-artifacts',
  'screenshots',
);

/** The screenshots the README shows (`docs/screenshots/`), rewritten by the spec that takes them. */
export const DOCS_SCREENSHOT_DIR = resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');

/** Saves a full-window screenshot of the current screen and attaches it to the test report. */
export async function saveScreen(
  page: Page,
  testInfo: TestInfo,
  name: string,
  dir: string = SCREENSHOT_DIR,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = resolve(dir, `${name}.png`);
  // Let charts and row highlights settle so the picture shows the screen, not a transition.
  await page.waitForTimeout(400);
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  return path;
}
