import { describe, expect, it } from 'vitest';
import { assertStrategyParams, StrategyParamError } from './params-check.ts';
import { strategyParamsOf } from './strategy-params.ts';

function problemOf(input: Parameters<typeof strategyParamsOf>[0]) {
  try {
    assertStrategyParams(strategyParamsOf(input));
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(StrategyParamError);
    const e = error as StrategyParamError;
    return [e.param, e.problem];
  }
}

const base = { token: 'KOGE', chain: 'BSC', targetVolumeUsdt: '100' };

describe('assertStrategyParams decimals', () => {
  it('takes plain decimal text, as the panel and the IPC contract do', () => {
    expect(problemOf({ ...base, amountUsdt: ' 20.50 ', buyOffsetPct: '-0.5' })).toBeNull();
  });

  it.each(['1e3', '.5', '5.', '+5', '10,5', 'ten'])(
    'names %j as not a number, not as some other amount',
    (text) => {
      expect(problemOf({ ...base, amountUsdt: text })).toEqual(['amount', 'not-a-number']);
    },
  );

  it('still tells a negative amount from a malformed one', () => {
    expect(problemOf({ ...base, amountUsdt: '-5' })).toEqual(['amount', 'negative']);
    expect(problemOf({ ...base, sellOffsetPct: '-100' })).toEqual(['sell-offset', 'out-of-range']);
  });
});
