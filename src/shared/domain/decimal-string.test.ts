import { describe, expect, it } from 'vitest';
import { DecimalStringError, isDecimalString, parseDecimalString } from './decimal-string.ts';

describe('isDecimalString', () => {
  it.each(['0', '200', '869.56000000', '0.000005933', '604467.9396990947', '00.10'])(
    'accepts %s',
    (text) => {
      expect(isDecimalString(text)).toBe(true);
    },
  );

  it.each(['', '.5', '5.', '1.2.3', '1e-7', '+1', ' 1', '1 ', 'NaN', 'Infinity', '-', '1,5'])(
    'rejects %j',
    (text) => {
      expect(isDecimalString(text)).toBe(false);
      expect(isDecimalString(text, { signed: true })).toBe(false);
    },
  );

  it('takes a sign only where one is allowed', () => {
    expect(isDecimalString('-5')).toBe(false);
    expect(isDecimalString('-5', { signed: true })).toBe(true);
    expect(isDecimalString('-0.5', { signed: true })).toBe(true);
    expect(isDecimalString('--5', { signed: true })).toBe(false);
    expect(isDecimalString('-.5', { signed: true })).toBe(false);
  });

  it('rejects anything that is not a string, a JSON number included', () => {
    expect(isDecimalString(1.5)).toBe(false);
    expect(isDecimalString(null)).toBe(false);
    expect(isDecimalString(undefined)).toBe(false);
  });
});

describe('parseDecimalString', () => {
  it('trims what a person typed and keeps the digits exactly', () => {
    expect(parseDecimalString(' 10.50 ')).toBe('10.50');
  });

  it('says NOT_A_DECIMAL with the text it was given', () => {
    let error: unknown;
    try {
      parseDecimalString('12,5');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DecimalStringError);
    expect(error).toMatchObject({ code: 'NOT_A_DECIMAL', params: { text: '12,5' } });
  });
});
