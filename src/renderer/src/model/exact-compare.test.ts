import { describe, expect, it } from 'vitest';
import {
  compareDecimalText,
  compareDecimalWithHint,
  compareIdText,
  decimalHint,
} from './exact-compare.ts';

const sortWith = (values: string[], cmp: (a: string, b: string) => number) => [...values].sort(cmp);

describe('exact comparisons', () => {
  it('orders ids above 2^53 that are one apart (as floats they are equal)', () => {
    expect(Number('9007199254740993')).toBe(Number('9007199254740992'));
    expect(compareIdText('9007199254740993', '9007199254740992')).toBeGreaterThan(0);
    expect(
      sortWith(['100', '9', '9007199254740993', '9007199254740992', '10'], compareIdText),
    ).toEqual(['9', '10', '100', '9007199254740992', '9007199254740993']);
  });

  it('orders decimals by value, whatever their zeros', () => {
    const values = [
      '10.00000000',
      '9.5',
      '0.00010000',
      '0.0001',
      '-2',
      '-0.5',
      '0',
      '-0',
      '1.10',
      '1.09',
    ];
    expect(sortWith(values, compareDecimalText)).toEqual([
      '-2',
      '-0.5',
      '0',
      '-0',
      '0.00010000',
      '0.0001',
      '1.09',
      '1.10',
      '9.5',
      '10.00000000',
    ]);
    expect(compareDecimalText('1.0', '1')).toBe(0);
  });

  it('tells apart decimals that are the same float', () => {
    const a = '0.10000000000000000001';
    const b = '0.1';
    expect(Number(a)).toBe(Number(b));
    expect(compareDecimalWithHint(decimalHint(a), decimalHint(b), a, b)).toBeGreaterThan(0);
    expect(compareDecimalWithHint(decimalHint('2'), decimalHint('10'), '2', '10')).toBeLessThan(0);
  });

  it('keeps a total order when a value is not a decimal', () => {
    expect(decimalHint('1e5')).toBeNaN();
    expect(
      sortWith(['x', '5', '1e5', '4'], (a, b) =>
        compareDecimalWithHint(decimalHint(a), decimalHint(b), a, b),
      ),
    ).toEqual(['4', '5', '1e5', 'x']);
  });
});
