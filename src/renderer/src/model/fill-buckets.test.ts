import { describe, expect, it } from 'vitest';
import type { FillPoint } from '../../../shared/ipc/views-monitor.ts';
import { FillSeries, bucketFills, chooseBucketMs } from './fill-buckets.ts';

const fill = (eventTimeMs: number, quoteQty: string, side: 'BUY' | 'SELL' = 'BUY'): FillPoint => ({
  orderId: String(eventTimeMs),
  symbol: 'ALPHA_22USDT',
  side,
  eventTimeMs,
  qty: '1',
  price: quoteQty,
  quoteQty,
  status: 'FILLED',
});

describe('bucketFills', () => {
  it('sums volume exactly per bucket and keeps empty buckets as gaps', () => {
    const { bucketMs, buckets } = bucketFills(
      [fill(0, '0.1'), fill(500, '0.2', 'SELL'), fill(3_000, '5')],
      {
        toMs: 3_000,
        maxBuckets: 60,
      },
    );
    expect(bucketMs).toBe(1_000);
    expect(buckets.map((b) => b.fills)).toEqual([2, 0, 0, 1]);
    // 0.1 + 0.2 in floats is 0.30000000000000004; the chart's text must say 0.3.
    expect(buckets[0]!.volumeQuote).toBe('0.3');
    expect(buckets[0]!.buyFills).toBe(1);
    expect(buckets[0]!.sellFills).toBe(1);
  });

  it('widens buckets to stay within the bar budget', () => {
    expect(chooseBucketMs(3_600_000, 60)).toBe(60_000);
    const { buckets } = bucketFills([fill(0, '1'), fill(7_200_000, '1')], {
      toMs: 7_200_000,
      maxBuckets: 48,
    });
    expect(buckets.length).toBeLessThanOrEqual(49);
    expect(buckets.reduce((n, b) => n + b.fills, 0)).toBe(2);
  });

  it('has nothing to draw without fills', () => {
    expect(bucketFills([], { toMs: 1 }).buckets).toEqual([]);
  });
});

describe('FillSeries', () => {
  it('keeps counts and exact volume whatever order the fills arrive in', () => {
    const series = new FillSeries();
    series.add(fill(3_000, '5'));
    // A backfill after a gap brings older fills.
    series.add(fill(500, '0.2', 'SELL'));
    series.add(fill(0, '0.1'));
    expect(series.count).toBe(3);
    const { buckets } = series.buckets({ toMs: 3_000 });
    expect(buckets.map((b) => b.fills)).toEqual([2, 0, 0, 1]);
    expect(buckets[0]!.volumeQuote).toBe('0.3');
  });

  it('a day of fills every second: bounded slices, every fill and every unit of volume still counted', () => {
    const series = new FillSeries();
    const daySeconds = 86_400;
    for (let s = 0; s < daySeconds; s++) series.add(fill(s * 1000, '0.1'));
    const { bucketMs, buckets } = series.buckets({ toMs: daySeconds * 1000, maxBuckets: 48 });
    expect(series.sliceCount).toBeLessThanOrEqual(4_096);
    expect(bucketMs).toBe(1_800_000);
    expect(buckets.reduce((n, b) => n + b.fills, 0)).toBe(daySeconds);
    expect(buckets[0]!.volumeQuote).toBe('180');
    // Bars start on the half hour, as the axis labels them.
    expect(buckets.every((b) => b.startMs % 1_800_000 === 0)).toBe(true);
  });
});
