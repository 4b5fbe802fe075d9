import { describe, expect, it } from 'vitest';
import { formatDecimal, isZeroDecimal, roundDecimal, sumDecimals, trimZeros } from './decimal.ts';

describe('decimal display', () => {
  it('trims trailing zeros and groups digits without changing the value', () => {
    expect(trimZeros('869.56000000')).toBe('869.56');
    expect(trimZeros('0.00010000')).toBe('0.0001');
    expect(trimZeros('200')).toBe('200');
    expect(trimZeros('5.000')).toBe('5');
    expect(formatDecimal('1686625.00000000')).toBe('1,686,625');
    expect(formatDecimal('197.30724223')).toBe('197.30724223');
  });

  it('rounds and sums exactly', () => {
    expect(roundDecimal('0.226904689', 4)).toBe('0.2269');
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(isZeroDecimal('0.00000000')).toBe(true);
    expect(isZeroDecimal('0.00000001')).toBe(false);
  });
});
