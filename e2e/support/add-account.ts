import { expect, type Page } from '@playwright/test';
import { buildCurl, type SimCredentials } from './sim-client.ts';

/**
 * Fills the Add account dialog (already open) the way a trader does: the pasted cURL, a
 * label, and under Advanced the exchange's addresses (a standalone simulator), then submits
 * and waits until the account is added (acknowledging the warnings screen if one is shown).
 */
export async function submitAddAccount(
  page: Page,
  account: { credentials: SimCredentials; label: string; restUrl: string; wsUrl: string },
  /** Runs with the dialog filled in, before submitting (e.g. a screenshot). */
  beforeSubmit?: () => Promise<unknown>,
): Promise<void> {
  await page.getByTestId('curl-input').fill(buildCurl(account.credentials));
  await page.getByTestId('label-input').fill(account.label);
  await page.getByTestId('advanced-toggle').click();
  await page.getByTestId('rest-url-input').fill(account.restUrl);
  await page.getByTestId('ws-url-input').fill(account.wsUrl);
  await beforeSubmit?.();
  await page.getByTestId('add-account-submit').click();
  const addedOk = page.getByTestId('account-added-ok');
  // Both may show at once (the monitor behind the warnings screen): either means added.
  await expect(page.getByTestId('monitor').or(addedOk).first()).toBeVisible({ timeout: 60_000 });
  if (await addedOk.isVisible()) await addedOk.click();
}
