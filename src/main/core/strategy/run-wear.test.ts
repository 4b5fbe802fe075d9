import { describe, expect, it } from 'vitest';
import { createAcceleratedClock } from '../ports/clock.ts';
import { nullLogger } from '../ports/logger.ts';
import { RunWear } from './run-wear.ts';
import type { StrategyRestPort } from './strategy-ports.ts';

const token = { symbol: 'ALPHA_22USDT', alphaId: 'ALPHA_22', mulPoint: 1 };

describe("a run's wear", () => {
  it('counts what the leftover sale received and its fee, not the tokens at the last fill price', () => {
    const wear = new RunWear(
      {} as StrategyRestPort,
      createAcceleratedClock({ speed: 1 }),
      nullLogger,
    );
    wear.record(
      {
        type: 'leg-filled',
        trade: 1,
        leg: 'working',
        orderId: '1',
        quantity: '1',
        quoteUsdt: '40',
        feeUsdt: '0',
      },
      token,
    );
    // Bought and not sold: valued at the last fill price, so no wear yet.
    expect(wear.total().wearUsdt).toBe('0');
    expect(wear.heldQuantity().toFixed()).toBe('1');

    wear.recordLeftoverSale({ quantity: '1', quoteUsdt: '39.6', feeUsdt: '0.04' }, token);
    // 40 paid − 39.6 received + 0.04 fee.
    expect(wear.total().wearUsdt).toBe('0.44');
    expect(wear.heldQuantity().toFixed()).toBe('0');
    // Selling counts no volume.
    expect(wear.total().countedVolumeUsdt).toBe('40');
  });
});
