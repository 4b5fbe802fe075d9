import Big from 'big.js';
import type { FillPoint } from '../../../shared/ipc/views-monitor.ts';

/** One time bucket of the "fills and filled volume" chart. */
export interface FillBucket {
  startMs: number;
  fills: number;
  buyFills: number;
  sellFills: number;
  /** Exact sum of `Y` (quote amount) in the bucket. */
  volumeQuote: string;
  /**
   * The same sum as a number, for the chart's y axis only (recharts plots numbers); every
   * figure shown as text uses `volumeQuote`.
   */
  volumeQuotePlot: number;
}

const NICE_BUCKETS_MS = [
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
  1_800_000, 3_600_000, 7_200_000, 14_400_000, 43_200_000, 86_400_000,
];

/** The smallest "nice" bucket width that keeps the chart at or under `maxBuckets` bars. */
export function chooseBucketMs(spanMs: number, maxBuckets: number): number {
  for (const width of NICE_BUCKETS_MS) {
    if (spanMs / width <= maxBuckets) return width;
  }
  return NICE_BUCKETS_MS[NICE_BUCKETS_MS.length - 1]!;
}

/**
 * Groups fills into equal time buckets from the first fill (or `fromMs`) to `toMs`, with
 * empty buckets kept so gaps in activity are visible as gaps.
 */
export function bucketFills(
  fills: readonly FillPoint[],
  options: { toMs: number; fromMs?: number; maxBuckets?: number },
): { bucketMs: number; buckets: FillBucket[] } {
  const maxBuckets = options.maxBuckets ?? 60;
  if (fills.length === 0) return { bucketMs: 60_000, buckets: [] };
  let first = Infinity;
  let last = -Infinity;
  for (const fill of fills) {
    if (fill.eventTimeMs < first) first = fill.eventTimeMs;
    if (fill.eventTimeMs > last) last = fill.eventTimeMs;
  }
  const fromMs = Math.min(options.fromMs ?? first, first);
  const toMs = Math.max(options.toMs, last);
  const bucketMs = chooseBucketMs(Math.max(1, toMs - fromMs), maxBuckets);
  const startMs = Math.floor(fromMs / bucketMs) * bucketMs;
  const count = Math.floor((toMs - startMs) / bucketMs) + 1;
  const sums: Big[] = Array.from({ length: count }, () => new Big(0));
  const buckets: FillBucket[] = Array.from({ length: count }, (_, i) => ({
    startMs: startMs + i * bucketMs,
    fills: 0,
    buyFills: 0,
    sellFills: 0,
    volumeQuote: '0',
    volumeQuotePlot: 0,
  }));
  for (const fill of fills) {
    const i = Math.floor((fill.eventTimeMs - startMs) / bucketMs);
    const bucket = buckets[i];
    if (!bucket) continue;
    bucket.fills += 1;
    if (fill.side === 'BUY') bucket.buyFills += 1;
    else bucket.sellFills += 1;
    try {
      sums[i] = sums[i]!.plus(fill.quoteQty);
    } catch {
      // A fill without a parseable quote amount still counts as a fill.
    }
  }
  buckets.forEach((bucket, i) => {
    bucket.volumeQuote = sums[i]!.toString();
    bucket.volumeQuotePlot = Number(bucket.volumeQuote);
  });
  return { bucketMs, buckets };
}
