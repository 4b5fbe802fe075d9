import { describe, expect, it } from 'vitest';
import { compareDecimal, DecimalSum, isDecimalSum, isPositiveDecimal } from './decimal-math.ts';

describe('decimal math', () => {
  it('compares decimal strings exactly, whatever their trailing zeros', () => {
    expect(compareDecimal('869.56000000', '869.56')).toBe(0);
    expect(compareDecimal('200', '869.47000000')).toBe(-1);
    expect(compareDecimal('1000', '999.99999999')).toBe(1);
    expect(compareDecimal('0.1', '0.09')).toBe(1);
    expect(compareDecimal('007.5', '7.50')).toBe(0);
    expect(compareDecimal('0', '0.00000001')).toBe(-1);
  });

  it('sums without float error', () => {
    const sum = new DecimalSum();
    for (const v of ['0.1', '0.2', '197.30724223', '45.38093600', '151.90587611']) sum.add(v);
    expect(sum.toFixed()).toBe('394.89405434');
    const tiny = new DecimalSum();
    tiny.add('0.0000000000000000001');
    tiny.add('1');
    tiny.add('0.999999999999');
    expect(tiny.toFixed()).toBe('1.9999999999990000001');
    expect(new DecimalSum().toFixed()).toBe('0');
    const carry = new DecimalSum();
    for (let i = 0; i < 1000; i++) carry.add('0.999999999999');
    expect(carry.toFixed()).toBe('999.999999999');
    const huge = new DecimalSum();
    huge.add('4503599627370495.5');
    huge.add('4503599627370495.5');
    expect(huge.toFixed()).toBe('9007199254740991');
  });

  it('tells whether one quantity continues another exactly', () => {
    expect(isDecimalSum('0', '869.56000000', '869.56000000')).toBe(true);
    expect(isDecimalSum('200', '669.47000000', '869.47000000')).toBe(true);
    expect(isDecimalSum('0.5', '0.5', '1')).toBe(true);
    expect(isDecimalSum('99.99', '0.01', '100.00')).toBe(true);
    expect(isDecimalSum('869.56', '869.56', '869.56')).toBe(false);
    expect(isDecimalSum('100', '669.47', '869.47')).toBe(false);
    expect(isDecimalSum('0.5', '0.5', '0.10')).toBe(false);
    expect(isDecimalSum('1e2', '0', '100')).toBe(true);
  });

  it('tells positive quantities', () => {
    expect(['0', '0.00000000', '200', '0.001'].map(isPositiveDecimal)).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});
