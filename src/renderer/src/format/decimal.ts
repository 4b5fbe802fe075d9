import Big from 'big.js';

/**
 * Display helpers for exact decimal strings. Values are never turned into floats for
 * display: trimming zeros and grouping digits work on the string itself.
 */

/** `"869.56000000"` → `"869.56"`, `"0E-8"`-style or empty input is returned as is. */
export function trimZeros(value: string): string {
  if (!/^-?\d+\.\d+$/.test(value)) return value;
  const trimmed = value.replace(/0+$/, '');
  return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
}

/** Groups the integer part with thin commas: `"1234567.5"` → `"1,234,567.5"`. */
export function groupDigits(value: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(value);
  if (!match) return value;
  const [, sign, int = '', frac = ''] = match;
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac}`;
}

/** Trimmed and grouped: what a trader reads in a table cell. */
export function formatDecimal(value: string): string {
  return groupDigits(trimZeros(value));
}

/** Rounds an exact decimal to `dp` places (half-up) for summary figures, still a string. */
export function roundDecimal(value: string, dp: number): string {
  try {
    return new Big(value).round(dp, Big.roundHalfUp).toFixed(dp);
  } catch {
    return value;
  }
}

/** Sums decimal strings exactly. Unparseable entries are skipped (they cannot be money). */
export function sumDecimals(values: Iterable<string>): string {
  let total = new Big(0);
  for (const value of values) {
    try {
      total = total.plus(value);
    } catch {
      // A malformed value never reaches the book; skipping keeps a chart alive if one did.
    }
  }
  return total.toString();
}

/** True when the decimal string is exactly zero (`"0"`, `"0.00000000"`). */
export function isZeroDecimal(value: string): boolean {
  return /^-?0*(\.0*)?$/.test(value) && value !== '' && value !== '-';
}
