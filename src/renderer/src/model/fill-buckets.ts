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
   * The same sum as a number, for the chart's y axis only (charts plot numbers); every
   * figure shown as text uses `volumeQuote`.
   */
  volumeQuotePlot: number;
}

const NICE_BUCKETS_MS = [
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
  1_800_000, 3_600_000, 7_200_000, 14_400_000, 43_200_000, 86_400_000,
];

/**
 * The smallest "nice" bucket width that keeps the chart at or under `maxBuckets` bars and is
 * a whole number of `multipleOfMs` (the width the fills are kept at).
 */
export function chooseBucketMs(spanMs: number, maxBuckets: number, multipleOfMs = 1_000): number {
  const fitting = NICE_BUCKETS_MS.filter((width) => width % multipleOfMs === 0);
  for (const width of fitting) {
    if (spanMs / width <= maxBuckets) return width;
  }
  return fitting[fitting.length - 1] ?? multipleOfMs;
}

/**
 * The widths fills are kept at, each a whole number of the one before: a session of a few
 * minutes keeps seconds, a day keeps minutes, a long run keeps hours.
 */
const SLICE_WIDTHS_MS = [1_000, 60_000, 3_600_000, 86_400_000];
/** More slices than this and the next width is used (the chart needs ~50 bars, not thousands). */
const MAX_SLICES = 4_096;

interface Slice {
  fills: number;
  buyFills: number;
  sellFills: number;
  volume: Big;
}

/**
 * The fills of a session, pre-aggregated for the chart as they arrive: counts and exact
 * volume per time slice, never the fills themselves, so memory follows the session's length
 * in slices (at most MAX_SLICES), not its number of fills, and adding a fill costs O(1).
 * Fills may arrive out of time order (a backfill after a gap).
 */
export class FillSeries {
  private slices = new Map<number, Slice>();
  private sliceMs = SLICE_WIDTHS_MS[0]!;
  private firstMs = Infinity;
  private lastMs = -Infinity;
  private countValue = 0;

  /** How many fills were added. */
  get count(): number {
    return this.countValue;
  }

  /** How many slices are kept (what memory this costs; at most MAX_SLICES). */
  get sliceCount(): number {
    return this.slices.size;
  }

  add(fill: FillPoint): void {
    const key = Math.floor(fill.eventTimeMs / this.sliceMs);
    let slice = this.slices.get(key);
    if (!slice) {
      slice = { fills: 0, buyFills: 0, sellFills: 0, volume: new Big(0) };
      this.slices.set(key, slice);
    }
    slice.fills += 1;
    if (fill.side === 'BUY') slice.buyFills += 1;
    else slice.sellFills += 1;
    try {
      slice.volume = slice.volume.plus(fill.quoteQty);
    } catch {
      // A fill without a parseable quote amount still counts as a fill.
    }
    this.countValue += 1;
    if (fill.eventTimeMs < this.firstMs) this.firstMs = fill.eventTimeMs;
    if (fill.eventTimeMs > this.lastMs) this.lastMs = fill.eventTimeMs;
    while (this.slices.size > MAX_SLICES && this.widen());
  }

  /**
   * Equal time buckets from the first fill (or `fromMs`) to `toMs`, with empty buckets kept so
   * gaps in activity are visible as gaps. Costs O(slices + buckets), whatever the fill count.
   */
  buckets(options: { toMs: number; fromMs?: number; maxBuckets?: number }): {
    bucketMs: number;
    buckets: FillBucket[];
  } {
    const maxBuckets = options.maxBuckets ?? 60;
    if (this.countValue === 0) return { bucketMs: 60_000, buckets: [] };
    const fromMs = Math.min(options.fromMs ?? this.firstMs, this.firstMs);
    const toMs = Math.max(options.toMs, this.lastMs);
    const bucketMs = chooseBucketMs(Math.max(1, toMs - fromMs), maxBuckets, this.sliceMs);
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
    for (const [key, slice] of this.slices) {
      const i = Math.floor((key * this.sliceMs - startMs) / bucketMs);
      const bucket = buckets[i];
      if (!bucket) continue;
      bucket.fills += slice.fills;
      bucket.buyFills += slice.buyFills;
      bucket.sellFills += slice.sellFills;
      sums[i] = sums[i]!.plus(slice.volume);
    }
    buckets.forEach((bucket, i) => {
      bucket.volumeQuote = sums[i]!.toString();
      bucket.volumeQuotePlot = Number(bucket.volumeQuote);
    });
    return { bucketMs, buckets };
  }

  /** Merges the slices into the next wider width (each new slice is a whole number of old ones). */
  private widen(): boolean {
    const next = SLICE_WIDTHS_MS[SLICE_WIDTHS_MS.indexOf(this.sliceMs) + 1];
    if (next === undefined) return false;
    const merged = new Map<number, Slice>();
    for (const [key, slice] of this.slices) {
      const mergedKey = Math.floor((key * this.sliceMs) / next);
      const into = merged.get(mergedKey);
      if (!into) {
        merged.set(mergedKey, slice);
        continue;
      }
      into.fills += slice.fills;
      into.buyFills += slice.buyFills;
      into.sellFills += slice.sellFills;
      into.volume = into.volume.plus(slice.volume);
    }
    this.slices = merged;
    this.sliceMs = next;
    return true;
  }
}

/** `fills` in equal time buckets (see FillSeries.buckets). */
export function bucketFills(
  fills: readonly FillPoint[],
  options: { toMs: number; fromMs?: number; maxBuckets?: number },
): { bucketMs: number; buckets: FillBucket[] } {
  const series = new FillSeries();
  for (const fill of fills) series.add(fill);
  return series.buckets(options);
}
