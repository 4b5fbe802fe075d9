import { describe, expect, it } from 'vitest';
import type { PointsSnapshot } from '../../../shared/ipc/views-points.ts';
import { sampleWearFill } from '../../../../test/fakes/wear-fills.ts';
import { dailySummary } from './daily-summary.ts';

/** A fill on 2025-07-15 (yesterday in the snapshot below). */
const fill = (over: Parameters<typeof sampleWearFill>[0]) =>
  sampleWearFill({ timeMs: Date.UTC(2025, 6, 15, 10), ...over });

/** Yesterday listed by the exchange (with fills), today projected (no row yet). */
const snapshot = {
  date: '2025-07-16',
  today: {
    countedVolumeUsdt: '907.6',
    exchangeCountedVolumeUsdt: null,
    volumePoints: 9,
    balancePoints: 2,
  },
  window: {
    days: [
      {
        date: '2025-07-15',
        volumePoints: 9,
        balancePoints: 2,
        totalPoints: 11,
        countedVolumeUsdt: '907.6',
        balanceUsdt: '4000',
      },
      {
        date: '2025-07-14',
        volumePoints: 15,
        balancePoints: 2,
        totalPoints: 17,
        countedVolumeUsdt: '40000',
        balanceUsdt: '4000',
      },
    ],
  },
} as unknown as PointsSnapshot;

describe('the per-day summary', () => {
  it('joins the exchange rows with the wear of the listed fills, oldest first; today is the snapshot', () => {
    const rows = dailySummary(snapshot, [
      fill({}),
      fill({
        side: 'SELL',
        quote: '224.7',
        price: '0.2247',
        commission: '0.02247',
        commissionAsset: 'USDT',
        timeMs: Date.UTC(2025, 6, 15, 11),
      }),
      fill({ timeMs: Date.UTC(2025, 6, 16, 1) }),
    ]);
    expect(rows.map((r) => r.date)).toEqual(['2025-07-14', '2025-07-15', '2025-07-16']);
    expect(rows[0]).toMatchObject({
      volumeUsdt: null,
      countedVolumeUsdt: '40000',
      countedSource: 'exchange',
      volumePoints: 15,
      totalPoints: 17,
      wearUsdt: null,
      costPerPoint: null,
      fills: 0,
    });
    expect(rows[1]).toMatchObject({
      volumeUsdt: '226.9',
      countedVolumeUsdt: '907.6',
      volumePoints: 9,
      wearUsdt: '2.24516',
      wearBps: '24.74',
      costPerPoint: '0.24946222',
      fills: 2,
    });
    expect(rows[2]).toMatchObject({
      countedSource: 'fills',
      volumePoints: 9,
      balancePoints: 2,
      totalPoints: 11,
      fills: 1,
    });
  });
});
