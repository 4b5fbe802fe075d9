import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Big from 'big.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../test/fakes/cli-process.ts';
import { floorLog2 } from '../../../../test/fakes/floor-log2.ts';
import { AlphaRestClient } from '../../core/rest/index.ts';
import { startSimulator, type SimAccount, type Simulator } from '../../sim/index.ts';

/** Runs the real CLI as a child process and resolves with its exit code and output. */
const runIn = (args: string[], lang = 'C') => runCli(args, { LANG: lang });

interface PointsJson {
  type: string;
  today: { countedVolumeUsdt: string; volumePoints: number; exchangeCountedVolumeUsdt: string };
  window: {
    days: Array<{ countedVolumeUsdt: string; volumePoints: number; totalPoints: number }>;
    earnedPoints: number;
    spentPoints: number;
    sumPoints: number;
  };
  nextPoint: { thresholdUsdt: string; points: number };
}

describe('alpha-monitor points as a subprocess', () => {
  let sim: Simulator;
  let trader: SimAccount;
  let dir: string;
  let credentialsFile: string;

  beforeAll(async () => {
    sim = await startSimulator({
      priceStepFraction: 0,
      splitFillProbability: 0,
      partialFillProbability: 0,
    });
    trader = sim.createAccount({ balances: { USDT: '5000' } });
    const rest = new AlphaRestClient({ baseUrl: sim.restUrl, credentials: trader.credentials });
    for (const [baseAsset, price, quantity] of [
      ['ALPHA_373', '0.22690468', '1000'],
      ['ALPHA_22', '48.02764722', '1'],
    ] as const) {
      const orderId = await rest.placeOrder({
        baseAsset,
        quoteAsset: 'USDT',
        side: 'BUY',
        price,
        quantity,
      });
      sim.orders.fillNow(orderId);
    }
    dir = mkdtempSync(join(tmpdir(), 'alpha-points-'));
    credentialsFile = join(dir, 'credentials.json');
    writeFileSync(credentialsFile, JSON.stringify(trader.credentials), { mode: 0o600 });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await sim.dispose();
  });

  it('points --demo --json: every day and today agree with floor(log2) of the counted volume', async () => {
    const run = await runIn(['points', '--demo', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as PointsJson;
    expect(out.type).toBe('points');
    expect(out.today.volumePoints).toBe(floorLog2(out.today.countedVolumeUsdt));
    expect(out.window.days.length).toBe(15);
    for (const day of out.window.days)
      expect(day.volumePoints).toBe(floorLog2(day.countedVolumeUsdt));
    expect(out.window.sumPoints).toBe(out.window.earnedPoints - out.window.spentPoints);
    expect(out.nextPoint.thresholdUsdt).toBe(new Big(2).pow(out.nextPoint.points).toFixed());
  }, 60_000);

  it('points --demo --csv: one row per UTC day, each with floor(log2) of its counted volume', async () => {
    const csvPath = join(dir, 'points-by-day.csv');
    const run = await runIn(['points', '--demo', '--json', '--csv', csvPath]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as PointsJson;
    expect(run.stderr).toContain(`Wrote 15 days to ${csvPath}`);
    const [header, ...lines] = readFileSync(csvPath, 'utf8').split('\r\n').filter(Boolean);
    const names = header!.split(',');
    expect(names).toEqual([
      'date_utc',
      'volume_usdt',
      'counted_volume_usdt',
      'counted_source',
      'volume_points',
      'balance_points',
      'total_points',
      'wear_usdt',
      'wear_bps',
      'cost_per_point_usdt',
      'fills',
    ]);
    const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
    expect(rows).toHaveLength(15);
    for (const row of rows)
      expect(Number(row.volume_points)).toBe(floorLog2(row.counted_volume_usdt));
    expect(rows.at(-1)!.counted_volume_usdt).toBe(new Big(out.today.countedVolumeUsdt).toFixed());
  }, 60_000);

  it("points --json against a simulator: today's counted volume is the sim's, points its floor(log2)", async () => {
    const run = await runIn([
      'points',
      '--rest-url',
      sim.restUrl,
      '--ws-url',
      sim.wsUrl,
      '--credentials-file',
      credentialsFile,
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as PointsJson;
    const counted = sim.points.countedToday(trader.userId);
    expect(counted).toBe(new Big('226.90468').times(4).plus('48.02764722').toFixed());
    expect(out.today.countedVolumeUsdt).toBe(counted);
    expect(out.today.exchangeCountedVolumeUsdt).toBe(counted);
    expect(out.today.volumePoints).toBe(floorLog2(counted));
    expect(out.today.volumePoints).toBe(9);
    // Nothing secret on either stream.
    const secret = trader.credentials.headers.csrftoken!;
    expect(run.stdout + run.stderr).not.toContain(secret);
  }, 60_000);

  it('prints the picture in words, in English and in Chinese', async () => {
    const args = ['points', '--rest-url', sim.restUrl, '--credentials-file', credentialsFile];
    const en = await runIn(args);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain(
      'Today: 9 volume points (counted volume 955.65 USDT) + 2 balance points = 11',
    );
    expect(en.stdout).toMatch(/Next point: 17\.09 USDT of buys on ALEO at mulPoint 4/);
    expect(en.stdout).toMatch(/wear \d+\.\d{4} USDT \(\d+\.\d bps\)/);
    const zh = await runIn(args, 'zh_CN.UTF-8');
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('今日：交易量积分 9');
    expect(zh.stdout).toMatch(/磨损 \d+\.\d{4} USDT（\d+\.\d bps）/);
  }, 60_000);
});
