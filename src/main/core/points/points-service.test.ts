import Big from 'big.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPointsHarness, type PointsHarness } from '../../../../test/fakes/points-harness.ts';
import type { AlphaRestClient } from '../rest/index.ts';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import { FILL_PUBLISH_INTERVAL_MS, PointsService, type PointsRestPort } from './points-service.ts';

const START_MS = Date.UTC(2025, 6, 16, 21); // 3 h before 00:00 UTC

/** A stream fill: 100 ALEO bought at 0.22690468 (counted ×4). */
function aleoBuy(timeMs: number) {
  return {
    symbol: 'ALPHA_373USDT',
    side: 'BUY' as const,
    qty: '100',
    quote: '22.690468',
    price: '0.22690468',
    commission: '0.01',
    commissionAsset: 'ALPHA_373',
    baseAsset: 'ALPHA_373',
    quoteAsset: 'USDT',
    timeMs,
  };
}

/** The points service against the real simulator: user-score, aggTicker24, get-user-trades. */
describe('PointsService', () => {
  let h: PointsHarness;
  let rest: AlphaRestClient;
  let clock: PointsHarness['clock'];
  let trader: PointsHarness['trader'];

  beforeAll(async () => {
    h = await startPointsHarness({ startMs: START_MS, balances: { USDT: '5000' } });
    ({ rest, clock, trader } = h);
    await h.trade('BUY', 'ALPHA_373', '0.22690468', '1000'); // ALEO, mulPoint 4
    await h.trade('BUY', 'ALPHA_22', '48.02764722', '1'); // KOGE, mulPoint 1
    await h.trade('SELL', 'ALPHA_373', '0.22690468', '999');
  });
  afterAll(async () => {
    await h.dispose();
  });

  it("reads today's counted volume and points, the window, the next point and the time left", async () => {
    const service = new PointsService({ accountId: trader.userId, rest, clock });
    const s = await service.refresh();
    const counted = new Big('226.90468').times(4).plus('48.02764722');
    expect(s.today.countedVolumeUsdt).toBe(counted.toFixed());
    expect(s.today.exchangeCountedVolumeUsdt).toBe(counted.toFixed());
    expect(s.today.differenceUsdt).toBe('0');
    expect(s.today).toMatchObject({ volumePoints: 9, balancePoints: 2, totalPoints: 11 });
    expect(s.window).toMatchObject({ sumPoints: 11, earnedPoints: 11, spentPoints: 0 });
    expect(s.date).toBe('2025-07-16');
    expect(s.msUntilDayEnd).toBe(3 * 3_600_000);
    // 1024 − 955.64636722 counted, bought on ALEO (the best mulPoint) at 4.
    expect(s.nextPoint).toMatchObject({
      points: 10,
      thresholdUsdt: '1024',
      countedNeededUsdt: new Big(1024).minus(counted).toFixed(),
      buyUsdt: new Big(1024).minus(counted).div(4).round(8, Big.roundUp).toFixed(),
      token: 'ALEO',
      mulPoint: 4,
    });
    // Wear: bought and sold ALEO at one price, so the fees and the one token kept back.
    expect(new Big(s.wearToday.wearUsdt).gt(0)).toBe(true);
    expect(s.wearToday.countedVolumeUsdt).toBe(counted.toFixed());
    expect(s.wearToday.costPerPoint).not.toBeNull();
    service.dispose();
  });

  it('projects fills seen after the read, and the exchange wins at the next read', async () => {
    const service = new PointsService({ accountId: trader.userId, rest, clock });
    await service.refresh();
    clock.advance(60_000);
    service.recordFill(aleoBuy(clock.now()));
    const projected = service.snapshot()!;
    const before = new Big('226.90468').times(4).plus('48.02764722');
    expect(projected.today.countedVolumeUsdt).toBe(before.plus('90.761872').toFixed());
    expect(projected.today.volumePoints).toBe(10);
    expect(projected.today.exchangeCountedVolumeUsdt).toBe(before.toFixed());
    expect(projected.window.projectedSumPoints).toBe(12);
    service.dispose();
  });

  it("the per-day summary has today's listed fills and those seen since, with their wear", async () => {
    const service = new PointsService({ accountId: trader.userId, rest, clock });
    await service.refresh();
    const listed = service.dailySummary().find((d) => d.date === '2025-07-16')!;
    expect(listed.fills).toBe(3);
    clock.advance(60_000);
    service.recordFill(aleoBuy(clock.now()));
    const today = service.dailySummary().find((d) => d.date === '2025-07-16')!;
    expect(today.fills).toBe(4);
    expect(today.volumeUsdt).toBe(new Big(listed.volumeUsdt!).plus('22.690468').toFixed());
    expect(today.wearUsdt).toBe(service.snapshot()!.wearToday.wearUsdt);
    service.dispose();
  });

  it('tells the fills recorded meanwhile in one change, at most once per interval', async () => {
    const fake = new FakeClock(clock.now());
    const service = new PointsService({ accountId: trader.userId, rest, clock: fake });
    await service.refresh();
    const told: string[] = [];
    service.onDidChange((s) => told.push(s.today.countedVolumeUsdt));
    await fake.advance(60_000);
    for (let i = 0; i < 3; i++) service.recordFill(aleoBuy(fake.now()));
    expect(told).toEqual([]);
    await fake.advance(FILL_PUBLISH_INTERVAL_MS);
    const before = new Big('226.90468').times(4).plus('48.02764722');
    expect(told).toEqual([before.plus(new Big('90.761872').times(3)).toFixed()]);
    await fake.advance(10 * FILL_PUBLISH_INTERVAL_MS);
    expect(told).toHaveLength(1);
    service.dispose();
  });

  it('shows the difference when the exchange and the projection disagree, and uses the exchange', async () => {
    // A projection that believes ALEO counts ×1 (as if its mulPoint had changed).
    const skewed: PointsRestPort = {
      getUserScore: () => rest.getUserScore(),
      getUserTrades: (q) => rest.getUserTrades(q),
      getAggTicker24: async () =>
        (await rest.getAggTicker24()).map((t) => (t.symbol === 'ALEO' ? { ...t, mulPoint: 1 } : t)),
    };
    const service = new PointsService({ accountId: trader.userId, rest: skewed, clock });
    const s = await service.refresh();
    const exchange = new Big('226.90468').times(4).plus('48.02764722');
    expect(s.today.countedVolumeUsdt).toBe(exchange.toFixed());
    expect(s.today.projectedCountedVolumeUsdt).toBe(
      new Big('226.90468').plus('48.02764722').toFixed(),
    );
    expect(s.today.differenceUsdt).toBe(new Big('226.90468').times(3).toFixed());
    service.dispose();
  });

  it('after 00:00 UTC the last read no longer counts for today', async () => {
    const service = new PointsService({ accountId: trader.userId, rest, clock });
    await service.refresh();
    clock.set(Date.UTC(2025, 6, 17, 0, 0, 5));
    const s = service.snapshot()!;
    expect(s.date).toBe('2025-07-17');
    expect(s.today).toMatchObject({
      countedVolumeUsdt: '0',
      exchangeCountedVolumeUsdt: null,
      volumePoints: 0,
    });
    expect(s.nextPoint).toMatchObject({ points: 1, thresholdUsdt: '2' });
    const fresh = await service.refresh();
    expect(fresh.window.days.map((d) => d.date)).toEqual(['2025-07-17', '2025-07-16']);
    expect(fresh.today.exchangeCountedVolumeUsdt).toBe('0');
    service.dispose();
  });
});
