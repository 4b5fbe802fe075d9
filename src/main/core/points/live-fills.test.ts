import { describe, expect, it } from 'vitest';
import { LiveFills } from './live-fills.ts';
import { computeWear, WearTally, wearByUtcDay, type WearFill } from './wear.ts';

const DAY = Date.UTC(2025, 6, 16);

function fill(over: Partial<WearFill>): WearFill {
  return {
    symbol: 'ALPHA_373USDT',
    side: 'BUY',
    qty: '100',
    quote: '22.69',
    price: '0.2269',
    commission: '0.01',
    commissionAsset: 'ALPHA_373',
    baseAsset: 'ALPHA_373',
    quoteAsset: 'USDT',
    timeMs: DAY + 1_000,
    mulPoint: 4,
    ...over,
  };
}

const fills = [
  fill({}),
  fill({
    side: 'SELL',
    quote: '22.5',
    price: '0.225',
    commissionAsset: 'USDT',
    timeMs: DAY + 2_000,
  }),
  fill({ symbol: 'ALPHA_22USDT', quote: '48.03', price: '48.03', qty: '1', timeMs: DAY + 2_000 }),
  // Same time as the SELL: the later one sets the symbol's last price.
  fill({ price: '0.23', quote: '23', timeMs: DAY + 2_000, mulPoint: 1 }),
];

describe('LiveFills', () => {
  it('folds fills into the same wear and counted volume as the fills themselves', () => {
    const live = new LiveFills();
    for (const f of fills) live.add(f, DAY + 5_000);
    const tally = new WearTally();
    live.addTo(tally, DAY);
    expect(tally.wear()).toEqual(computeWear(fills));
    expect(tally.wear({ ALPHA_373USDT: '0.3' })).toEqual(
      computeWear(fills, { ALPHA_373USDT: '0.3' }),
    );
    // 22.69 × 4 + 48.03 × 4 + 23 × 1; the SELL counts nothing.
    expect(live.countedFrom(DAY).toFixed()).toBe('305.88');
    expect(live.countedFrom(DAY + 86_400_000).toFixed()).toBe('0');
  });

  it('adds a tally after fills already listed, as if one by one', () => {
    const listed = [fill({ price: '0.21', timeMs: DAY + 2_000 }), fill({ timeMs: DAY + 500 })];
    const live = new LiveFills();
    for (const f of fills) live.add(f, DAY + 5_000);
    const tally = new WearTally();
    for (const f of listed) tally.add(f);
    live.addTo(tally, DAY);
    expect(tally.wear()).toEqual(computeWear([...listed, ...fills]));
  });

  it('drops what a read includes; a fill timed after it was recorded outlives that read', () => {
    const live = new LiveFills();
    live.add(fill({}), DAY + 5_000);
    const ahead = fill({ quote: '10', timeMs: DAY + 9_000 });
    live.add(ahead, DAY + 5_000);
    live.afterRead(DAY + 6_000);
    expect(live.countedFrom(DAY).toFixed()).toBe('40');
    live.afterRead(DAY + 9_000);
    expect(live.countedFrom(DAY).toFixed()).toBe('0');
  });

  it('holds a fill timed ahead only until the clock reaches its time, then folds it', () => {
    const live = new LiveFills();
    for (let i = 0; i < 100; i++) live.add(fill({ quote: '1', timeMs: DAY + 2_000 + i }), DAY + i);
    expect(live.heldCount).toBe(100);
    live.add(fill({ quote: '1', timeMs: DAY + 2_050 }), DAY + 2_050);
    expect(live.heldCount).toBe(49);
    expect(live.countedFrom(DAY).toFixed()).toBe('404');
    const tally = new WearTally();
    live.addTo(tally, DAY);
    expect(tally.wear().fills).toBe(101);
    // A read then lists the folded ones (timed before it); the rest stay.
    live.afterRead(DAY + 2_060);
    expect(live.countedFrom(DAY).toFixed()).toBe(String(4 * 39));
  });

  it('keeps the days apart: only fills from a day start on count for it, each day its own wear', () => {
    const live = new LiveFills();
    const yesterday = fill({ timeMs: DAY - 1_000 });
    live.add(yesterday, DAY + 5_000);
    for (const f of fills) live.add(f, DAY + 5_000);
    expect(live.countedFrom(DAY).toFixed()).toBe('305.88');
    const tally = new WearTally();
    live.addTo(tally, DAY);
    expect(tally.wear()).toEqual(computeWear(fills));
    expect(wearByUtcDay([], {}, live.byDay())).toEqual(wearByUtcDay([yesterday, ...fills]));
  });
});
