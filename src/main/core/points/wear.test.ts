import { describe, expect, it } from 'vitest';
import { sampleWearFill as fill } from '../../../../test/fakes/wear-fills.ts';
import { computeWear, costPerPoint, wearBpsOf, wearByUtcDay } from './wear.ts';

const sell = fill({
  side: 'SELL',
  quote: '224.7',
  price: '0.2247',
  commission: '0.02247',
  commissionAsset: 'USDT',
  timeMs: Date.UTC(2025, 6, 16, 10, 1),
});

describe('wear from fills', () => {
  it('a round trip: buy quote − sell quote + both fees at the fill price; bps of counted volume', () => {
    const wear = computeWear([fill({}), sell]);
    // 226.9 − 224.7 + 0.1 × 0.2269 + 0.02247
    expect(wear.wearUsdt).toBe('2.24516');
    expect(wear.feesUsdt).toBe('0.04516');
    expect(wear.countedVolumeUsdt).toBe('907.6');
    expect(wear.heldValueUsdt).toBe('0');
    expect(wear.wearBps).toBe('24.74');
  });

  it('an open sell is not wear: what was bought and not sold is valued at the mark', () => {
    const wear = computeWear([fill({})], { ALPHA_373USDT: '0.2269' });
    expect(wear.wearUsdt).toBe('0.02269');
    expect(wear.heldValueUsdt).toBe('226.9');
  });

  it('positive wear is money lost; a gain is negative', () => {
    const gain = computeWear([
      fill({ commission: '0' }),
      { ...sell, quote: '230', price: '0.23', commission: '0' },
    ]);
    expect(gain.wearUsdt).toBe('-3.1');
    expect(gain.wearBps!.startsWith('-')).toBe(true);
  });

  it('per UTC day, with cost per point and no bps without counted volume', () => {
    const nextDay = { ...sell, timeMs: Date.UTC(2025, 6, 17, 0, 0, 1) };
    const days = wearByUtcDay([nextDay, fill({})]);
    expect([...days.keys()]).toEqual(['2025-07-16', '2025-07-17']);
    expect(days.get('2025-07-17')!.wearBps).toBeNull();
    expect(wearBpsOf('1', '0')).toBeNull();
    expect(costPerPoint('2.24516', 9)).toBe('0.24946222');
    expect(costPerPoint('2.24516', 0)).toBeNull();
  });
});
