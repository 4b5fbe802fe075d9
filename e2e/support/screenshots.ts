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
  // The picture shows a painted screen: fonts loaded and two frames drawn since the last
  // change (CSS animations are frozen by the screenshot itself). No fixed wait.
  await page.evaluate(async () => {
    const g = globalThis as unknown as {
      document: { fonts: { ready: Promise<unknown> } };
      requestAnimationFrame: (callback: () => void) => void;
    };
    await g.document.fonts.ready;
    await new Promise<void>((resolve) =>
      g.requestAnimationFrame(() => g.requestAnimationFrame(resolve)),
    );
  });
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  return path;
}
