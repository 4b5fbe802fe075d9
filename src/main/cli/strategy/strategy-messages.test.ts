import { describe, expect, it } from 'vitest';
import { percent } from './strategy-messages.ts';

describe('strategy progress percentage', () => {
  it('never shows 100% while the target is not reached', () => {
    expect(percent('19.91', '20')).toBe('99');
  });
  it('shows 100% at or past the target, and for an empty target', () => {
    expect(percent('20', '20')).toBe('100');
    expect(percent('29.85', '20')).toBe('100');
    expect(percent('5', '0')).toBe('100');
  });
});
