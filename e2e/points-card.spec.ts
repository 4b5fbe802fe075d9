import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './support/fixtures.ts';
import { startCli } from './support/cli-process.ts';
import { parseCsv } from './support/csv.ts';
import { submitAddAccount } from './support/add-account.ts';
import { simControl } from './support/sim-client.ts';
import { saveScreen } from './support/screenshots.ts';
import { floorLog2 } from '../test/fakes/floor-log2.ts';

async function countedToday(controlUrl: string): Promise<string> {
  const response = await fetch(`${controlUrl}/points/counted-today`);
  const json = (await response.json()) as { value: { countedVolume: string } };
  return json.value.countedVolume;
}

interface PointsJson {
  type: 'points';
  today: { countedVolumeUsdt: string; volumePoints: number; totalPoints: number };
}

test("the points card shows floor(log2) of the exchange's counted volume, as 'points --json' does", async ({
  page,
  host,
  sim,
}, testInfo) => {
  await simControl.stopDemoActivity(sim.controlUrl);
  await page.goto(host.url);
  await page.getByTestId('welcome-add-account').click();
  await submitAddAccount(page, { ...sim, label: 'Points trader' });
  const account = page.getByTestId('account-item').filter({ hasText: 'Points trader' });
  await account.click();
  if (!/connecting|subscribing|live/.test((await account.getAttribute('data-state')) ?? ''))
    await account.getByTestId('account-toggle').click();
  await expect(page.getByTestId('topbar-account').getByTestId('state-pill')).toHaveAttribute(
    'data-state',
    'live',
    { timeout: 60_000 },
  );
  const card = page.getByTestId('points-card');
  await expect(card.getByTestId('points-figures')).toBeVisible({ timeout: 60_000 });

  // The exchange trades for a while, then stops: today's counted volume is fixed from then on.
  await simControl.startDemoActivity(sim.controlUrl, 240);
  await expect
    .poll(async () => Number(await countedToday(sim.controlUrl)), { timeout: 90_000 })
    .toBeGreaterThan(64);
  await simControl.stopDemoActivity(sim.controlUrl);
  // Orders still working when activity stopped fill a little later: wait until it is still
  // (the same figure three times, 5 s apart; a busy machine's simulator can take longer).
  let counted = '';
  let stillFor = 0;
  await expect
    .poll(
      async () => {
        const again = await countedToday(sim.controlUrl);
        stillFor = again === counted ? stillFor + 1 : 0;
        counted = again;
        return stillFor >= 2;
      },
      { timeout: 180_000, intervals: [5_000] },
    )
    .toBe(true);

  // The card, fed by the fills it saw (projected) and the exchange's user-score, says the same.
  const figures = card.getByTestId('points-figures');
  await expect(figures).toHaveAttribute('data-counted-volume', counted, { timeout: 90_000 });
  const points = floorLog2(counted);
  await expect(figures).toHaveAttribute('data-volume-points', String(points));
  await expect(card.getByTestId('points-today')).toContainText(`${points} volume +`);
  await expect(card.getByTestId('points-wear')).toContainText(
    /wear -?\d+\.\d{4} USDT \((–|-?\d+\.\d) bps\)/,
  );
  await expect(card).toContainText('Target 15');
  await expect(card.getByTestId('points-day-ends')).toHaveText(/\d+(h|m|s)/);
  await saveScreen(page, testInfo, '16-points-card');

  // The CLI against the same exchange and account.
  const dir = await mkdtemp(join(tmpdir(), 'alpha-points-e2e-'));
  try {
    const credentialsFile = join(dir, 'credentials.json');
    await writeFile(credentialsFile, JSON.stringify(sim.credentials), { mode: 0o600 });
    const cli = await startCli<PointsJson>(
      ['points', '--rest-url', sim.restUrl, '--credentials-file', credentialsFile, '--json'],
      { accept: (json) => (json as { type?: unknown }).type === 'points' },
    );
    await cli.stop();
    // The CLI says what the exchange says as it asks (read again at once: a fill still landing
    // after the card's check moves both), and its points are floor(log2) of that.
    const countedNow = await countedToday(sim.controlUrl);
    expect(cli.info.today.countedVolumeUsdt).toBe(countedNow);
    expect(cli.info.today.volumePoints).toBe(floorLog2(countedNow));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  // The per-day summary from the export bar: today's row says the same.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-points-by-day').click();
  const file = await (await download).path();
  const rows = parseCsv(await readFile(file, 'utf8'));
  const today = rows.at(-1)!;
  expect(today.counted_volume_usdt).toBe(counted);
  expect(Number(today.volume_points)).toBe(points);
  expect(today.wear_usdt).toMatch(/^-?\d+(\.\d+)?$/);

  // A new daily target (Settings) is shown at once; the card speaks Chinese too.
  await page.getByTestId('open-settings').click();
  const target = page.getByTestId('setting-dailyPointsTarget');
  await target.fill('10');
  await target.press('Enter');
  await page.getByTestId('setting-language').selectOption('zh-CN');
  await page.keyboard.press('Escape');
  await expect(card).toContainText('目标 10');
  await expect(card.getByTestId('points-wear')).toContainText('磨损');
});
