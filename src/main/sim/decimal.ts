import Big from 'big.js';

/**
 * Decimal helpers. Prices and quantities never pass through a float: request bodies carry
 * them as JSON numbers or strings (both captured), and we read the number's source text.
 */

/** Parses a decimal given as a string or a finite JSON number; undefined if it is not one. */
export function parseDecimal(value: unknown): Big | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // String(n) gives the shortest text that round-trips, i.e. what the client wrote.
    return safeBig(String(value));
  }
  if (typeof value === 'string' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value)) {
    return safeBig(value.trim());
  }
  return undefined;
}

function safeBig(text: string): Big | undefined {
  try {
    return new Big(text);
  } catch {
    return undefined;
  }
}

/** Fixed `dp` decimals, rounding half up (how the captured commissions and quote sums round). */
export function toFixedHalfUp(value: Big, dp: number): string {
  return value.round(dp, Big.roundHalfUp).toFixed(dp);
}

/** Fixed `dp` decimals, rounding down. */
export function toFixedDown(value: Big, dp: number): string {
  return value.round(dp, Big.roundDown).toFixed(dp);
}

/** Plain decimal text without trailing zeros (`"200"`, `"869.47"`). */
export function plain(value: Big): string {
  return value.toFixed();
}

/** Rounds down to a multiple of `step` (LOT_SIZE / tick rounding). */
export function floorToStep(value: Big, step: Big): Big {
  return value.div(step).round(0, Big.roundDown).times(step);
}

/** True when `value` is an exact multiple of `step`. */
export function isMultipleOf(value: Big, step: Big): boolean {
  return value.mod(step).eq(0);
}

/** Number of decimals a step such as "0.01000000" allows (2). */
export function stepDecimals(step: Big): number {
  const text = step.toFixed();
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

export { Big };
