import { describe, expect, it } from 'vitest';
import { costPerPointText, wearBpsText, wearUsdtText } from './wear-format.ts';

describe('wear figures', () => {
  it('USDT at 4 dp, bps at 1 dp, a dash without counted volume', () => {
    expect(wearUsdtText('0.01490000')).toBe('0.0149');
    expect(wearUsdtText('-3.1')).toBe('-3.1000');
    expect(wearBpsText('4.94')).toBe('4.9');
    expect(wearBpsText(null)).toBe('–');
    expect(costPerPointText('0.24946222')).toBe('0.2495');
    expect(costPerPointText(null)).toBeNull();
  });
});
