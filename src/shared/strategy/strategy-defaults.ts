/**
 * The strategy's defaults, one set for the CLI, the engine and the app's panel (so a field the
 * panel leaves at its default does what the CLI does). From the original script
 * (ALPHA-PROTOCOL.md §7): small offsets, 1 s between trades, 300 s per leg.
 */
export const DEFAULT_STRATEGY_PARAMS = {
  /** USDT of each OTO buy. */
  amountUsdt: '10',
  buyOffsetPct: '0.5',
  sellOffsetPct: '1',
  intervalMs: 1_000,
  legTimeoutMs: 300_000,
  maxConsecutiveFailures: 3,
  cancelConfirmTimeoutMs: 10_000,
} as const;

/** Highest points target accepted: 2^40 counted USDT is far beyond any account. */
export const MAX_TARGET_POINTS = 40;
