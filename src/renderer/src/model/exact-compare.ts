/**
 * Exact orderings for the text the exchange sends: order ids (integers that can exceed 2^53)
 * and decimal strings (prices, quantities). Nothing is turned into a float to decide an order.
 */

/** Order ids: a longer id is a larger number; ids of one length compare digit by digit. */
export function compareIdText(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

const DECIMAL = /^(-?)0*(\d*?)(?:\.(\d*?)0*)?$/;

/**
 * Decimal strings by value: `"10.00000000"` > `"9.5"`, `"1.0"` equals `"1"`. Text that is not
 * a decimal sorts after every decimal, by its text, so the order stays total.
 */
export function compareDecimalText(a: string, b: string): number {
  if (a === b) return 0;
  const ma = DECIMAL.exec(a);
  const mb = DECIMAL.exec(b);
  if (!ma || !mb) {
    if (ma) return -1;
    if (mb) return 1;
    return a < b ? -1 : 1;
  }
  const intA = ma[2] ?? '';
  const intB = mb[2] ?? '';
  const fracA = ma[3] ?? '';
  const fracB = mb[3] ?? '';
  // "-0" and "0.000" are zero: no sign.
  const negA = ma[1] === '-' && (intA !== '' || fracA !== '');
  const negB = mb[1] === '-' && (intB !== '' || fracB !== '');
  if (negA !== negB) return negA ? -1 : 1;
  let magnitude = compareIdText(intA, intB);
  if (magnitude === 0) magnitude = fracA < fracB ? -1 : fracA > fracB ? 1 : 0;
  return negA ? -magnitude : magnitude;
}

/** `Number(text)` for decimal text, NaN otherwise: the hint `compareDecimalWithHint` takes. */
export function decimalHint(text: string): number {
  return DECIMAL.test(text) ? Number(text) : NaN;
}

/**
 * `compareDecimalText`, fast: `Number` rounds monotonically, so when the two floats differ
 * they are already in the right order; only a tie (equal floats from different text) needs
 * the exact comparison. `numA`/`numB` are `decimalHint(a)`/`decimalHint(b)`, computed once
 * per row (NaN, for text that is not a decimal, never decides).
 */
export function compareDecimalWithHint(numA: number, numB: number, a: string, b: string): number {
  if (numA < numB) return -1;
  if (numA > numB) return 1;
  return compareDecimalText(a, b);
}
