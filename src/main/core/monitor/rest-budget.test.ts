import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import { RestBudget, withRestBudget } from './rest-budget.ts';

describe('RestBudget', () => {
  it('runs private calls one at a time, at least 300 ms apart (fake clock)', async () => {
    const clock = new FakeClock();
    const budget = new RestBudget({ clock });
    const startedAt: number[] = [];
    const call = () => budget.run(async () => void startedAt.push(clock.now()));
    const all = Promise.all([call(), call(), call()]);
    await clock.advance(1_000);
    await all;
    expect(startedAt.map((t) => t - startedAt[0]!)).toEqual([0, 300, 600]);
  });

  it('backs off after errors (doubling) and returns to the pace after a success', async () => {
    const clock = new FakeClock();
    const budget = new RestBudget({ clock, backoffBaseMs: 1_000 });
    const startedAt: number[] = [];
    let fail = 2;
    const call = () =>
      budget
        .run(async () => {
          startedAt.push(clock.now());
          if (fail-- > 0) throw new Error('HTTP 503');
        })
        .catch(() => undefined);
    const all = Promise.all([call(), call(), call(), call()]);
    await clock.advance(10_000);
    await all;
    expect(startedAt.map((t) => t - startedAt[0]!)).toEqual([0, 1_000, 3_000, 3_300]);
    expect(budget.failures).toBe(0);
  });

  it('budgets the reconciliation calls of an API object, and leaves others alone', async () => {
    const clock = new FakeClock();
    const calls: string[] = [];
    const api = {
      getOpenOrders: async () => void calls.push(`open@${clock.now()}`),
      getUserTrades: async () => void calls.push(`trades@${clock.now()}`),
      getListenKey: async () => 'k',
    };
    const wrapped = withRestBudget(api, new RestBudget({ clock }));
    const t0 = clock.now();
    const both = Promise.all([wrapped.getOpenOrders(), wrapped.getUserTrades()]);
    await clock.advance(500);
    await both;
    expect(calls).toEqual([`open@${t0}`, `trades@${t0 + 300}`]);
    expect(await wrapped.getListenKey()).toBe('k');
  });
});
