import type { WearFill } from '../../src/main/core/points/wear.ts';

/** A BUY of 1,000 ALEO (ALPHA_373, mulPoint 4) at 0.2269, fee 0.1 ALEO, with any field overridden. */
export function sampleWearFill(over: Partial<WearFill> = {}): WearFill {
  return {
    symbol: 'ALPHA_373USDT',
    side: 'BUY',
    qty: '1000',
    quote: '226.9',
    price: '0.2269',
    commission: '0.1',
    commissionAsset: 'ALPHA_373',
    baseAsset: 'ALPHA_373',
    quoteAsset: 'USDT',
    timeMs: Date.UTC(2025, 6, 16, 10),
    mulPoint: 4,
    ...over,
  };
}
