import { describe, expect, it } from 'vitest';
import { dispatchRequest, type ContractHandlers } from '../../shared/ipc/dispatch.ts';
import { IpcServiceError } from '../../shared/ipc/result.ts';
import { parseCurl } from '../core/accounts/index.ts';
import { InvalidEndpointError } from '../core/endpoints/exchange-endpoint.ts';
import { appError, passAppError, problemOf, reasonError } from './app-error.ts';
import { StrategyError } from '../core/strategy/strategy-error.ts';
import { describeStrategyReason } from '../../shared/reasons/strategy-reason-text.ts';
import { isStrategyReason } from '../../shared/reasons/strategy-reason.ts';

/** Runs one request whose handler throws `error`, as both transports do. */
async function failureOf(error: () => unknown) {
  const handlers = {
    addAccountFromCurl: () => {
      throw error();
    },
  } as unknown as ContractHandlers;
  const result = await dispatchRequest(handlers, 'addAccountFromCurl', { curl: 'x' });
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('app errors reach the renderer as a code with params', () => {
  it('a wrong paste crosses with its code and the params its sentence needs', async () => {
    const error = await failureOf(() => {
      try {
        parseCurl("curl 'https://example.com/bapi/x' -H 'cookie: a=b'");
      } catch (thrown) {
        return thrown;
      }
      return new Error('parseCurl accepted a non-Binance paste');
    });
    expect(error).toMatchObject({
      code: 'NOT_BINANCE_REQUEST',
      params: { detail: 'https://example.com' },
    });
    expect(error.message).toContain('Not a Binance request');
  });

  it('an app error carries its typed params; an engine reason its own', async () => {
    expect(
      await failureOf(() => appError('ACCOUNT_NOT_FOUND', 'No account "a".', { accountId: 'a' })),
    ).toEqual({
      code: 'ACCOUNT_NOT_FOUND',
      params: { accountId: 'a' },
      message: 'No account "a".',
    });
    expect(
      await failureOf(() =>
        reasonError({ code: 'NETWORK', baseUrl: 'http://127.0.0.1:9' }, 'down'),
      ),
    ).toEqual({ code: 'NETWORK', params: { baseUrl: 'http://127.0.0.1:9' }, message: 'down' });
    const endpoint = new InvalidEndpointError('ws', 'ws://example.com', 'plain-to-remote');
    expect(await failureOf(() => endpoint)).toMatchObject({
      code: 'INVALID_ENDPOINT',
      params: { kind: 'ws', reason: 'plain-to-remote' },
    });
  });

  it('an order the exchange would refuse crosses with every broken rule, said as the CLI says it', async () => {
    const problems = [
      { rule: 'NOTIONAL_BELOW_MIN', notionalUsdt: '0.5', limit: '1' },
      { rule: 'PRICE_ZERO', leg: 'sell', price: '0', tickSize: null },
    ] as const;
    const error = await failureOf(
      () =>
        new StrategyError({
          code: 'FILTER_VIOLATION',
          symbol: 'ALPHA_22USDT',
          amountUsdt: '0.5',
          price: '48.01',
          problems: [...problems],
        }),
    );
    // As the page receives it (the browser host sends JSON), then says it from code and params.
    const crossed = JSON.parse(JSON.stringify(error)) as typeof error;
    expect(crossed.params).toEqual({
      symbol: 'ALPHA_22USDT',
      amountUsdt: '0.5',
      price: '48.01',
      problems,
    });
    const reason: unknown = { ...crossed.params, code: crossed.code };
    if (!isStrategyReason(reason)) throw new Error('not a strategy reason');
    for (const lang of ['en', 'zh-CN'] as const) {
      const text = describeStrategyReason(lang, reason);
      expect(text).toContain('0.5');
      expect(text).toContain('1');
      expect(text).not.toMatch(/breaks a rule of the exchange|违反交易所的下单规则/);
    }
    expect(describeStrategyReason('en', reason)).toMatch(/below the minimum.*; .*sell price 0/);
  });

  it('an error without a code becomes INTERNAL and its message stays in the log', async () => {
    const error = await failureOf(() => new Error('cookie=SECRET in a stack'));
    expect(error.code).toBe('INTERNAL');
    expect(error.params).toEqual({ channel: 'addAccountFromCurl' });
    expect(JSON.stringify(error)).not.toContain('SECRET');
  });

  it('passAppError keeps a coded error and gives a plain one the fallback code', () => {
    const coded = new IpcServiceError('DISK_FULL', 'full', { path: '/d/a.json' });
    expect(passAppError(coded, 'STRATEGY_FAILED')).toBe(coded);
    expect(passAppError(new Error('boom'), 'STRATEGY_FAILED')).toMatchObject({
      code: 'STRATEGY_FAILED',
      message: 'boom',
    });
    expect(problemOf(coded, 'POINTS_READ_FAILED')).toEqual({
      code: 'DISK_FULL',
      params: { path: '/d/a.json' },
      message: 'full',
    });
    expect(problemOf('weird', 'POINTS_READ_FAILED')).toEqual({
      code: 'POINTS_READ_FAILED',
      params: {},
      message: 'weird',
    });
  });
});
