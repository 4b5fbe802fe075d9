import Big from 'big.js';

/**
 * The Alpha points rules as the user-score capture confirms them on every row
 * (ALPHA-PROTOCOL.md §9): volume points = floor(log2(counted volume)), balance points by tier,
 * total = balance + volume, a 15-day window of UTC days. Counted volume is Σ BUY quote ×
 * the token's mulPoint at fill time.
 */

export const DAY_MS = 86_400_000;
/** Days in the rolling points window. */
export const WINDOW_DAYS = 15;

/** Balance tiers, highest first: ≥ usdt gives points. */
export const BALANCE_TIERS: ReadonlyArray<{ minUsdt: string; points: number }> = [
  { minUsdt: '100000', points: 4 },
  { minUsdt: '10000', points: 3 },
  { minUsdt: '1000', points: 2 },
  { minUsdt: '100', points: 1 },
];

function big(value: Big | string): Big | null {
  try {
    return value instanceof Big ? value : new Big(value);
  } catch {
    return null;
  }
}

/**
 * floor(log2(counted)), exact (no float): the largest k with 2^k ≤ counted; 0 below 2 (a
 * volume under 1 USDT would give a negative logarithm, which no captured row shows).
 */
export function volumePoints(countedUsdt: Big | string): number {
  const v = big(countedUsdt);
  if (!v || v.lt(2)) return 0;
  let k = 0;
  let power = new Big(2);
  while (power.lte(v)) {
    k++;
    power = power.times(2);
  }
  return k;
}

/** Counted volume at which `points` volume points start (2^points). */
export function volumeThreshold(points: number): Big {
  return new Big(2).pow(points);
}

/** Points for a balance snapshot: 1 at ≥100, 2 at ≥1,000, 3 at ≥10,000, 4 at ≥100,000 USDT. */
export function balancePoints(balanceUsdt: Big | string): number {
  const v = big(balanceUsdt);
  if (!v) return 0;
  for (const tier of BALANCE_TIERS) if (v.gte(tier.minUsdt)) return tier.points;
  return 0;
}

/** 00:00 UTC of the day `ms` falls in. */
export function utcDayStartMs(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** `YYYY-MM-DD` of the UTC day `ms` falls in (the capture's `date`). */
export function utcDate(ms: number): string {
  return new Date(utcDayStartMs(ms)).toISOString().slice(0, 10);
}

/** Time left until the next 00:00 UTC, when today's volume stops counting toward today. */
export function msUntilUtcMidnight(ms: number): number {
  return utcDayStartMs(ms) + DAY_MS - ms;
}
