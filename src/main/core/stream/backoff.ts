/** Capped exponential backoff settings. */
export interface BackoffPolicy {
  /** Ceiling of the first retry's delay. */
  baseMs: number;
  /** No delay ever exceeds this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };

/**
 * "Full jitter" (AWS architecture blog): a uniform draw in [0, min(cap, base × 2^(attempt−1))).
 * Spreading retries over the whole window keeps many clients from reconnecting in lockstep
 * after an outage. `random` is injected so tests are deterministic.
 */
export function backoffDelayMs(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number,
): number {
  const exponent = Math.max(0, attempt - 1);
  // 2^30 already dwarfs any sane cap; keep the arithmetic finite.
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}
