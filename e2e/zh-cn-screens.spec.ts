import type { Locator, Page } from '@playwright/test';
import { englishSentencesOnScreen } from '../test/fakes/screen-english.ts';
import { expect, test } from './support/fixtures.ts';
import { buildCurl, simControl, type SimCredentials } from './support/sim-client.ts';

// A step that cannot happen fails within a minute, not at the end of the whole run.
test.use({ actionTimeout: 60_000 });

/**
 * What the page shows now, line by line as a reader sees it: the visible text (`innerText`
 * leaves out what is hidden) and the placeholders of visible fields.
 */
async function screenText(page: Page): Promise<string> {
  const text = await page.locator('body').innerText();
  const placeholders = await page
    .locator('[placeholder]:visible')
    .evaluateAll((fields) => fields.map((field) => field.getAttribute('placeholder') ?? ''));
  return [text, ...placeholders].join('\n');
}

/** Every screen visited, and the English sentences found on it (reported together at the end). */
const findings: string[] = [];
const visited: string[] = [];

/** Reads the screen as it is now and notes any English sentence on it under `screen`. */
async function readScreen(page: Page, screen: string): Promise<void> {
  visited.push(screen);
  for (const line of englishSentencesOnScreen(await screenText(page))) {
    findings.push(`${screen}: ${line}`);
    console.log(`English on ${screen}: ${line}`);
  }
}

async function fillAdvanced(page: Page, sim: { restUrl: string; wsUrl: string }) {
  const rest = page.getByTestId('rest-url-input');
  if (!(await rest.isVisible())) await page.getByTestId('advanced-toggle').click();
  await rest.fill(sim.restUrl);
  await page.getByTestId('ws-url-input').fill(sim.wsUrl);
}

/** The dialog's error box once it shows `code`. */
async function dialogError(page: Page, code: string): Promise<Locator> {
  const box = page.getByTestId('add-account-dialog').locator(`.error-box[data-code="${code}"]`);
  await expect(box).toBeVisible({ timeout: 60_000 });
  return box;
}

/** Someone else's copy of the session: the exchange answers 100002001. */
function rejectedCopy(credentials: SimCredentials): SimCredentials {
  return {
    headers: { ...credentials.headers, csrftoken: 'f'.repeat(32) },
    cookies: credentials.cookies.replace(/cr00=[^;]*/, `cr00=${'0'.repeat(32)}`),
  };
}

async function control(controlUrl: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${controlUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok, `sim control ${path}`).toBe(true);
}

test('a zh-CN run: every screen and dialog, its errors included, shows no English sentence', async ({
  page,
  host,
  sim,
}) => {
  test.setTimeout(600_000);
  findings.length = 0;
  visited.length = 0;
  await simControl.stopDemoActivity(sim.controlUrl);

  // First run: the welcome screen, switched to 简体中文 there.
  await page.goto(host.url);
  await expect(page.getByTestId('welcome')).toBeVisible();
  // The reader sees English where there is English (so a clean zh-CN run means something).
  expect(englishSentencesOnScreen(await screenText(page)).length).toBeGreaterThan(0);
  await page.getByTestId('welcome-language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await readScreen(page, 'welcome');

  // Add account: the empty dialog, an empty paste, a wrong paste, a rejected session.
  await page.getByTestId('welcome-add-account').click();
  const dialog = page.getByTestId('add-account-dialog');
  await expect(dialog).toBeVisible();
  await readScreen(page, 'add-account dialog');
  await page.getByTestId('add-account-submit').click();
  await dialogError(page, 'CURL_PARSE_ERROR');
  await readScreen(page, 'add-account: nothing pasted');
  await page.getByTestId('curl-input').fill("curl 'https://example.com/bapi/x' -b 'a=b'");
  await page.getByTestId('add-account-submit').click();
  await dialogError(page, 'NOT_BINANCE_REQUEST');
  await readScreen(page, 'add-account: a wrong paste');
  await page.getByTestId('curl-input').fill('this is not a curl command');
  await page.getByTestId('add-account-submit').click();
  await dialogError(page, 'NOT_CURL');
  await readScreen(page, 'add-account: not a cURL command');
  await page.getByTestId('curl-input').fill(buildCurl(rejectedCopy(sim.credentials)));
  await page.getByTestId('label-input').fill('模拟账户');
  await fillAdvanced(page, sim);
  await page.getByTestId('add-account-submit').click();
  await dialogError(page, 'SESSION_EXPIRED');
  await readScreen(page, 'add-account: a rejected session');

  // The right paste: added (its warnings screen, if any, read too).
  await page.getByTestId('curl-input').fill(buildCurl(sim.credentials));
  await page.getByTestId('add-account-submit').click();
  const addedOk = page.getByTestId('account-added-ok');
  await expect(page.getByTestId('monitor').or(addedOk).first()).toBeVisible({ timeout: 60_000 });
  if (await addedOk.isVisible()) {
    await readScreen(page, 'add-account: added, with warnings');
    await addedOk.click();
  }

  // Settings: switch the language explicitly, then read the dialog and its alerts part.
  await page.getByTestId('open-settings').click();
  const settings = page.getByTestId('settings-dialog');
  await expect(settings).toBeVisible();
  await page.getByTestId('setting-language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await readScreen(page, 'settings');
  const sendTest = settings.getByTestId('alerts-send-test');
  if (await sendTest.isEnabled()) {
    await sendTest.click();
    await expect(settings.getByTestId('alerts-test-results')).toBeVisible();
    await readScreen(page, 'settings: alerts test sent');
  }
  await page.keyboard.press('Escape');
  await expect(settings).toHaveCount(0);

  // The accounts list and the monitor, live, with orders and fills.
  const account = page.getByTestId('account-item').filter({ hasText: '模拟账户' });
  await account.click();
  if (!/connecting|subscribing|live/.test((await account.getAttribute('data-state')) ?? ''))
    await account.getByTestId('account-toggle').click();
  const state = page.getByTestId('topbar-account').getByTestId('state-pill');
  await expect(state).toHaveAttribute('data-state', 'live', { timeout: 60_000 });
  await simControl.startDemoActivity(sim.controlUrl, 240);
  await expect(page.locator('[data-testid="order-row"][data-status="FILLED"]').first()).toBeVisible(
    { timeout: 120_000 },
  );
  await simControl.stopDemoActivity(sim.controlUrl);
  await expect(page.getByTestId('points-card')).toBeVisible();
  await readScreen(page, 'monitor: accounts list, connection, orders table, charts, points card');

  // Statistics (beside the table in a wide window) and an order's detail.
  await expect(page.getByTestId('inspector')).toBeVisible();
  await expect(page.getByTestId('stat-updates')).toBeVisible();
  await readScreen(page, 'monitor: statistics');
  await page.locator('[data-testid="order-row"][data-status="FILLED"]').first().click();
  await expect(page.getByTestId('order-detail')).toBeVisible();
  await readScreen(page, 'order detail');

  // The strategy panel: its estimate, a careless field, an unknown token.
  await page.getByTestId('tab-strategy').click();
  const panel = page.getByTestId('strategy-panel');
  await expect(panel).toBeVisible();
  const estimate = panel.getByTestId('strategy-estimate');
  await expect(estimate).toHaveAttribute('data-state', /ready|target-met|error/, {
    timeout: 60_000,
  });
  await readScreen(page, 'strategy panel');
  await panel.getByTestId('strategy-amountUsdt').fill('-5');
  await expect(panel.getByTestId('strategy-start')).toBeDisabled();
  await readScreen(page, 'strategy panel: a careless field');
  await panel.getByTestId('strategy-amountUsdt').fill('10');
  await panel.getByTestId('strategy-token').fill('NOPE');
  await expect(estimate).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
  await readScreen(page, 'strategy panel: an unknown token');
  await panel.getByTestId('strategy-token').fill('KOGE');
  // A dry run: its progress and its last line (a target above what the account traded).
  await panel.getByTestId('strategy-volumeUsdt').fill('50000');
  await panel.getByTestId('strategy-amountUsdt').fill('100');
  await expect(estimate).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await panel.getByTestId('strategy-dryRun').check();
  await panel.getByTestId('strategy-start').click();
  await expect(panel.getByTestId('strategy-progress')).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByTestId('strategy-message')).toBeVisible({ timeout: 60_000 });
  await readScreen(page, 'strategy panel: a dry run');
  const stop = panel.getByTestId('strategy-stop');
  if (await stop.isVisible()) await stop.click();
  await page.getByTestId('tab-stats').click();

  // The fleet view.
  await page.getByTestId('open-fleet').click();
  await expect(page.getByTestId('fleet-row')).toHaveCount(1, { timeout: 60_000 });
  await readScreen(page, 'fleet view');
  await page.getByTestId('fleet-back').click();

  // Sessions: the list while live.
  await page.getByTestId('open-sessions').click();
  await expect(page.getByTestId('session-row').first()).toBeVisible({ timeout: 60_000 });
  await readScreen(page, 'sessions');
  await page.getByTestId('sessions-back').click();

  // An expired session: the exchange rotates the tokens (an order placed in the browser).
  await control(sim.controlUrl, '/faults/invalidate-session', { userId: sim.userId });
  await account.click();
  await account.getByTestId('account-verify').click();
  await expect(page.locator('.error-box[data-code="SESSION_EXPIRED"]').first()).toBeVisible({
    timeout: 60_000,
  });
  await readScreen(page, 'accounts: the session expired');

  // Stopped, then its past session, read only.
  await account.getByTestId('account-toggle').click();
  await expect(state).toHaveAttribute('data-state', 'stopped', { timeout: 60_000 });
  await readScreen(page, 'monitor: stopped');
  await page.getByTestId('open-sessions').click();
  const row = page.getByTestId('session-row').first();
  await expect(row).toBeVisible();
  await readScreen(page, 'sessions: one ended');
  await row.getByTestId('session-open').click();
  await expect(page.getByTestId('read-only-banner')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('order-row').first()).toBeVisible();
  await readScreen(page, 'past session');
  await page.getByTestId('back-to-live').click();

  // Deleting the past session: the confirmation, then what was deleted.
  await page.getByTestId('open-sessions').click();
  await page.getByTestId('session-row').first().getByTestId('session-delete').click();
  await expect(page.getByTestId('confirm-ok')).toBeVisible();
  await readScreen(page, 'sessions: delete, confirm');
  await page.getByTestId('confirm-ok').click();
  await expect(page.getByTestId('session-deleted')).toBeVisible({ timeout: 60_000 });
  await readScreen(page, 'sessions: deleted');
  await page.getByTestId('sessions-back').click();

  // Started again on the expired session: the connection fails and its panel says why.
  await account.click();
  await account.getByTestId('account-toggle').click();
  await expect(state).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  await expect(
    page.getByTestId('connection-panel').locator('.error-box[data-code="SESSION_EXPIRED"]'),
  ).toBeVisible({ timeout: 60_000 });
  await readScreen(page, 'monitor: the connection failed, the session expired');

  expect(visited.length).toBeGreaterThanOrEqual(22);
  expect(findings, `English sentences on zh-CN screens:\n${findings.join('\n')}`).toEqual([]);
});
