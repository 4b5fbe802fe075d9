import Big from 'big.js';

/**
 * How wear (磨损) figures are written, in every face (CLI, app, strategy summaries): the
 * words around them are translated at each edge, the numbers are formatted here only, so
 * "wear 0.0149 USDT (4.9 bps)" reads the same in the terminal and the window. Positive wear
 * is money lost.
 */

function fixed(value: string, dp: number): string {
  try {
    return new Big(value).toFixed(dp, Big.roundHalfUp);
  } catch {
    return value;
  }
}

/** Wear in USDT, 4 dp: `"0.01490000"` → `"0.0149"`. */
export function wearUsdtText(wearUsdt: string): string {
  return fixed(wearUsdt, 4);
}

/** Wear in bps of counted volume, 1 dp; `–` when nothing was counted. */
export function wearBpsText(wearBps: string | null): string {
  return wearBps === null ? '–' : fixed(wearBps, 1);
}

/** Cost per point in USDT, 4 dp; null when no point was earned. */
export function costPerPointText(costPerPoint: string | null): string | null {
  return costPerPoint === null ? null : fixed(costPerPoint, 4);
}
