import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Big from 'big.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../../../test/fakes/cli-process.ts';
import { floorLog2 } from '../../../test/fakes/floor-log2.ts';
import { waitFor } from '../../../test/fakes/wait-for.ts';
import type { PointsSnapshot, PointsView } from '../../shared/ipc/views-points.ts';
import { AlphaRestClient } from '../core/rest/index.ts';
import { startEngineApp, type EngineApp } from './test-support/engine-app.ts';

const csvRows = (text: string) => {
  const [header, ...rows] = text.split('\r\n').filter(Boolean);
  const names = header!.split(',');
  return rows.map((line) => {
    const fields = line.split(',');
    return Object.fromEntries(names.map((n, i) => [n, fields[i] ?? '']));
  });
};

/**
 * Done-when of issue 11 for the app: the points card's data (PointsView over the contract) and
 * `alpha-monitor points --json` against the same simulator both say floor(log2) of the sim's
 * counted volume, and the CSVs carry the same figures.
 */
describe('points and wear in the app, against the simulator', () => {
  let app: EngineApp;
  const views: PointsView[] = [];
  let rest: AlphaRestClient;

  beforeAll(async () => {
    app = await startEngineApp({
      speed: 1,
      sim: { priceStepFraction: 0, splitFillProbability: 0, partialFillProbability: 0 },
    });
    app.api.onPointsChanged((view) => views.push(view));
    const started = await app.api.startDemo({ activity: false });
    expect(started.ok).toBe(true);
    rest = new AlphaRestClient({
      baseUrl: app.sim.restUrl,
      credentials: app.sim.demoAccount.credentials,
    });
    await waitFor(() => views.some((v) => v.state === 'ready'), { what: 'the first points read' });
  }, 120_000);
  afterAll(async () => {
    await app?.dispose();
  });

  const last = () => views.filter((v) => v.accountId === 'demo').at(-1)!;

  it('the card follows the fills between reads (projected) and the exchange at the next read', async () => {
    // Wait for the stream: the projection is fed by the account's TRADE updates.
    await waitFor(
      async () => {
        const r = await app.api.getMonitorSnapshot({ accountId: 'demo' });
        return r.ok && r.value.connection.state === 'live';
      },
      { what: 'the demo monitor live' },
    );
    // ALEO (ALPHA_373) counts 4× : 5000 × 0.2269 = 1134.5 USDT of buys, 4538 counted.
    const buy = await rest.placeOrder({
      baseAsset: 'ALPHA_373',
      quoteAsset: 'USDT',
      side: 'BUY',
      price: '0.2269',
      quantity: '5000',
    });
    app.sim.orders.fillNow(buy);
    const sell = await rest.placeOrder({
      baseAsset: 'ALPHA_373',
      quoteAsset: 'USDT',
      side: 'SELL',
      price: '0.2268',
      quantity: '4999',
    });
    app.sim.orders.fillNow(sell);
    const counted = app.sim.points.countedToday();
    expect(new Big(counted).gt(0)).toBe(true);

    await waitFor(() => last().snapshot?.today.countedVolumeUsdt === counted, {
      what: 'the projected counted volume',
    });
    expect(last().snapshot!.today.volumePoints).toBe(floorLog2(counted));

    const read = await app.api.refreshPoints({ accountId: 'demo' });
    expect(read.ok).toBe(true);
    const view = (read as { value: PointsView }).value;
    expect(view.state).toBe('ready');
    expect(view.snapshot!.today.exchangeCountedVolumeUsdt).toBe(counted);
    expect(view.snapshot!.today.countedVolumeUsdt).toBe(counted);
    expect(view.snapshot!.today.differenceUsdt).toBe('0');
    expect(view.snapshot!.today.volumePoints).toBe(floorLog2(counted));
    // The default daily target: 15 volume points, 2^15 − counted still to go.
    expect(view.target).toMatchObject({
      points: 15,
      reached: false,
      countedNeededUsdt: new Big(32768).minus(counted).toFixed(),
    });
    expect(new Big(view.snapshot!.wearToday.wearUsdt).gt(0)).toBe(true);
    // The fleet view shows the same figure (from this service, not its own count).
    const fleet = await app.api.getFleet();
    expect(fleet.ok).toBe(true);
    const row = (
      fleet as { value: { rows: Array<{ accountId: string; points: unknown }> } }
    ).value.rows.find((r) => r.accountId === 'demo')!;
    expect(row.points).toEqual({
      countedVolumeUsdt: counted,
      volumePoints: floorLog2(counted),
      wearUsdt: view.snapshot!.wearToday.wearUsdt,
      wearBps: view.snapshot!.wearToday.wearBps,
      source: 'exchange',
    });

    // The CLI against the same exchange and account says the same.
    const credentialsFile = join(app.dataDir, 'demo-credentials.json');
    await writeFile(credentialsFile, JSON.stringify(app.sim.demoAccount.credentials), {
      mode: 0o600,
    });
    const run = startCli([
      'points',
      '--rest-url',
      app.sim.restUrl,
      '--credentials-file',
      credentialsFile,
      '--json',
    ]);
    expect(await run.exited, run.stderr).toBe(0);
    const cli = JSON.parse(run.stdout) as PointsSnapshot;
    expect(cli.today.countedVolumeUsdt).toBe(counted);
    expect(cli.today.volumePoints).toBe(view.snapshot!.today.volumePoints);
    expect(cli.today.totalPoints).toBe(view.snapshot!.today.totalPoints);
    expect(cli.window.sumPoints).toBe(view.snapshot!.window.sumPoints);
    expect(cli.wearToday.wearUsdt).toBe(view.snapshot!.wearToday.wearUsdt);
    expect(cli.wearToday.wearBps).toBe(view.snapshot!.wearToday.wearBps);
  }, 180_000);

  it('the orders CSV carries counted volume and the trade wear; the per-day summary today', async () => {
    const sessions = await app.api.listSessions({ accountId: 'demo' });
    expect(sessions.ok).toBe(true);
    const sessionId = (sessions as { value: Array<{ sessionId: string }> }).value[0]!.sessionId;
    const orders = await app.api.exportOrdersCsv({ sessionId });
    expect(orders.ok).toBe(true);
    const ordersPath = (orders as { value: { path: string } }).value.path;
    const rows = csvRows(await readFile(ordersPath, 'utf8'));
    const buy = rows.find((r) => r.side === 'BUY')!;
    const sell = rows.find((r) => r.side === 'SELL')!;
    expect(buy).toMatchObject({ mul_point: '4', counted_volume_usdt: '4538' });
    // Two lone orders: each its own trade, each carrying its fees as wear.
    expect(new Big(buy.trade_wear_usdt!).gt(0)).toBe(true);
    expect(sell.counted_volume_usdt).toBe('0');

    const summary = await app.api.exportDailySummaryCsv({ accountId: 'demo' });
    expect(summary.ok).toBe(true);
    const summaryPath = (summary as { value: { path: string } }).value.path;
    const days = csvRows(await readFile(summaryPath, 'utf8'));
    const counted = app.sim.points.countedToday();
    const today = days.at(-1)!;
    expect(today).toMatchObject({
      counted_volume_usdt: counted,
      counted_source: 'exchange',
      volume_points: String(floorLog2(counted)),
      volume_usdt: '1134.5',
      fills: '2',
    });
    expect(new Big(today.wear_usdt!).gt(0)).toBe(true);
    // The seeded history: one row per listed day, oldest first, each floor(log2) of its volume.
    expect(days.length).toBe(15);
    for (const day of days)
      expect(Number(day.volume_points)).toBe(floorLog2(day.counted_volume_usdt!));

    // Nothing secret reached the renderer.
    const secret = app.sim.demoAccount.credentials.headers.csrftoken!;
    expect(app.seen.join('\n')).not.toContain(secret);
  }, 120_000);
});
