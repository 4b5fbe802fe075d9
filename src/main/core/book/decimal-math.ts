import Big from 'big.js';

/**
 * Exact decimal helpers for the ingest hot path: comparing and summing the exchange's
 * decimal strings without floats and without allocating a big.js object per frame.
 */

/**
 * Compares two non-negative decimal strings (`"869.56000000"` vs `"869.56"` → 0) digit by
 * digit, without allocating: it runs for every update the book applies.
 */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  if (a.charCodeAt(0) === 45 || b.charCodeAt(0) === 45) {
    const c = new Big(a).cmp(b);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  const ae = dotIndex(a);
  const be = dotIndex(b);
  let as = 0;
  while (as < ae - 1 && a.charCodeAt(as) === 48) as++;
  let bs = 0;
  while (bs < be - 1 && b.charCodeAt(bs) === 48) bs++;
  if (ae - as !== be - bs) return ae - as < be - bs ? -1 : 1;
  for (let i = 0; i < ae - as; i++) {
    const d = a.charCodeAt(as + i) - b.charCodeAt(bs + i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  const af = a.length - ae - 1;
  const bf = b.length - be - 1;
  const n = Math.max(af, bf, 0);
  for (let i = 0; i < n; i++) {
    const x = i < af ? a.charCodeAt(ae + 1 + i) : 48;
    const y = i < bf ? b.charCodeAt(be + 1 + i) : 48;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

const FRAC_DIGITS = 12;
const FRAC_UNIT = 1e12;
/** `10 ** (FRAC_DIGITS - digits)`: what a fraction of `digits` digits is multiplied by. */
const FRAC_SCALE: readonly number[] = Array.from({ length: FRAC_DIGITS + 1 }, (_, digits) =>
  Number(`1e${FRAC_DIGITS - digits}`),
);
/** Integer parts stay below this so every double operation below is exact. */
const INT_LIMIT = 2 ** 52;

/**
 * An exact running sum of non-negative decimal strings. The common case (≤ 12 decimals,
 * sums below 2^52) is kept as two integer-valued doubles (whole part, and the fraction in
 * units of 1e-12), which are exact; anything else falls back to big.js.
 */
export class DecimalSum {
  private whole = 0;
  private fraction = 0;
  private overflow: Big | null = null;

  add(value: string): void {
    // No substrings, one loop per part: this runs three times per fill.
    const n = value.length;
    let whole = 0;
    let i = 0;
    for (; i < n; i++) {
      const d = value.charCodeAt(i) - 48;
      if (d === -2) break; // '.'
      if (d < 0 || d > 9 || i >= 15) return this.addExactly(value);
      whole = whole * 10 + d;
    }
    let fraction = 0;
    const fracStart = i + 1;
    for (i = fracStart; i < n; i++) {
      const d = value.charCodeAt(i) - 48;
      if (d < 0 || d > 9 || i - fracStart >= FRAC_DIGITS) return this.addExactly(value);
      fraction = fraction * 10 + d;
    }
    this.whole += whole;
    if (fraction > 0) {
      // A table, not `10 ** n`: Math.pow cost more than the rest of this method.
      this.fraction += fraction * FRAC_SCALE[n - fracStart]!;
      // Both fractions are below one unit, so the carry is at most 1.
      if (this.fraction >= FRAC_UNIT) {
        this.whole += 1;
        this.fraction -= FRAC_UNIT;
      }
    }
    if (this.whole >= INT_LIMIT) this.spill();
  }

  /** A sign, a long whole part or more than 12 decimals: big.js keeps it exact. */
  private addExactly(value: string): void {
    this.overflow = (this.overflow ?? new Big(0)).plus(value);
  }

  /** The exact sum, plain notation, no trailing zeros (`"394.59405434"`). */
  toFixed(): string {
    const frac = String(this.fraction).padStart(FRAC_DIGITS, '0').replace(/0+$/, '');
    const text = `${this.whole}${frac ? `.${frac}` : ''}`;
    return this.overflow === null ? text : this.overflow.plus(text).toFixed();
  }

  private spill(): void {
    this.overflow = (this.overflow ?? new Big(0)).plus(this.toFixedOwn());
    this.whole = 0;
    this.fraction = 0;
  }

  private toFixedOwn(): string {
    const frac = String(this.fraction).padStart(FRAC_DIGITS, '0');
    return `${this.whole}.${frac}`;
  }
}

/**
 * Whether `a + b` equals `sum` exactly (non-negative decimal strings, any trailing or leading
 * zeros), without allocating: the book asks this for every fill to see that it continues the
 * quantity already counted.
 */
export function isDecimalSum(a: string, b: string, sum: string): boolean {
  const ad = dotIndex(a);
  const bd = dotIndex(b);
  const sd = dotIndex(sum);
  const fracDigits = Math.max(a.length - ad - 1, b.length - bd - 1, sum.length - sd - 1, 0);
  const intDigits = Math.max(ad, bd, sd) + 1;
  let carry = 0;
  // Every character but the dot is visited; anything else (a sign, an exponent) goes to big.js.
  for (let p = -fracDigits; p < intDigits; p++) {
    const x = digitAt(a, ad, p);
    const y = digitAt(b, bd, p);
    const z = digitAt(sum, sd, p);
    if (x < 0 || y < 0 || z < 0) return new Big(a).plus(b).eq(sum);
    const total = x + y + carry;
    if (total % 10 !== z)
      return isPlain(a) && isPlain(b) && isPlain(sum) ? false : new Big(a).plus(b).eq(sum);
    carry = total >= 10 ? 1 : 0;
  }
  return carry === 0;
}

function isPlain(value: string): boolean {
  for (let i = 0, dots = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 46 ? ++dots > 1 : c < 48 || c > 57) return false;
  }
  return true;
}

/** Where the dot is, or the length: a loop, cheaper than a call to indexOf for these short strings. */
function dotIndex(value: string): number {
  const n = value.length;
  let i = 0;
  while (i < n && value.charCodeAt(i) !== 46) i++;
  return i;
}

/** The digit of `value` (dot at `dot`) for 10^power: 0 outside the written digits, -1 if not a digit. */
function digitAt(value: string, dot: number, power: number): number {
  const i = power >= 0 ? dot - 1 - power : dot - power;
  if (i < 0 || i >= value.length) return 0;
  const d = value.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** True when the decimal string is greater than zero. */
export function isPositiveDecimal(value: string): boolean {
  if (value.charCodeAt(0) === 45) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 49 && c <= 57) return true;
  }
  return false;
}
