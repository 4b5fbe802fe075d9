import { describe, expect, it } from 'vitest';
import { strategyReasonOf } from '../../../shared/reasons/strategy-reason.ts';
import { AlphaApiError } from '../rest/alpha-api-error.ts';
import { StrategyError } from './strategy-error.ts';

describe('strategyReasonOf', () => {
  it('takes a StrategyError’s own reason, else the engine reason of the error', () => {
    const own = new StrategyError({ code: 'TOKEN_OFFLINE', token: 'KOGE', alphaId: 'ALPHA_22' });
    expect(strategyReasonOf(own)).toEqual({
      code: 'TOKEN_OFFLINE',
      token: 'KOGE',
      alphaId: 'ALPHA_22',
    });
    // Its params are the reason's plain fields: what crosses IPC makes the reason again.
    expect({ ...own.params, code: own.code }).toEqual(strategyReasonOf(own));
    expect(own.message).toBe('KOGE (ALPHA_22) is offline on Binance Alpha');
    expect(strategyReasonOf(new AlphaApiError('VERIFICATION_REQUIRED', 'x'))).toEqual({
      code: 'VERIFICATION_REQUIRED',
    });
    expect(strategyReasonOf(new Error('boom'))).toEqual({ code: 'UNEXPECTED', detail: 'boom' });
  });
});
