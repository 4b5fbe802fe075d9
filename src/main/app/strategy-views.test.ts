import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STRATEGY_PARAMS,
  DEFAULT_VOLUME_RULE,
  strategyParamsOf,
} from '../core/strategy/index.ts';
import { engineParamsOf } from './strategy-views.ts';

const PANEL = {
  accountId: 'demo',
  token: 'KOGE',
  chain: 'BSC',
  volumeUsdt: '100',
  amountUsdt: '10',
  intervalSec: 2,
  cancelPending: false,
  dryRun: false,
};

describe("the panel's strategy parameters", () => {
  it('take the engine defaults for every field the panel leaves out, as the CLI does', () => {
    expect(engineParamsOf(PANEL)).toEqual({
      token: 'KOGE',
      chain: 'BSC',
      targetVolumeUsdt: '100',
      targetPoints: null,
      amountUsdt: '10',
      buyOffsetPct: DEFAULT_STRATEGY_PARAMS.buyOffsetPct,
      sellOffsetPct: DEFAULT_STRATEGY_PARAMS.sellOffsetPct,
      intervalMs: 2_000,
      legTimeoutMs: DEFAULT_STRATEGY_PARAMS.legTimeoutMs,
      volumeRule: DEFAULT_VOLUME_RULE,
      maxLossUsdt: null,
      maxWearBps: null,
      maxMovePct: null,
      sellLeftovers: false,
      maxConsecutiveFailures: DEFAULT_STRATEGY_PARAMS.maxConsecutiveFailures,
      cancelPendingAtEnd: false,
      dryRun: false,
    });
    // The same mapping the CLI's flags go through.
    expect(engineParamsOf(PANEL)).toEqual(
      strategyParamsOf({ token: 'KOGE', chain: 'BSC', targetVolumeUsdt: '100', intervalMs: 2_000 }),
    );
  });

  it('convert seconds to ms and keep what the panel set', () => {
    const params = engineParamsOf({
      ...PANEL,
      points: 7,
      timeoutSec: 30,
      buyOffsetPct: '-1',
      maxWearBps: '12',
      sellLeftovers: true,
      cancelPending: true,
    });
    expect(params).toMatchObject({
      targetPoints: 7,
      legTimeoutMs: 30_000,
      buyOffsetPct: '-1',
      maxWearBps: '12',
      sellLeftovers: true,
      cancelPendingAtEnd: true,
    });
  });
});
