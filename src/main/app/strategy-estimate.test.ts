import Big from 'big.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoticeView, StrategyProgressView } from '../../shared/ipc/index.ts';
import { DEMO_ACCOUNT_ID } from './demo-service.ts';
import { startEngineApp, waitUntil, type EngineApp } from './test-support/engine-app.ts';

let app: EngineApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const RUN = {
  accountId: DEMO_ACCOUNT_ID,
  token: 'KOGE',
  chain: 'BSC',
  volumeUsdt: '20',
  amountUsdt: '10',
  intervalSec: 1,
  timeoutSec: 30,
  cancelPending: true,
  dryRun: false,
} as const;
const isDone = (p: StrategyProgressView) => p.state === 'finished' || p.state === 'failed';

async function demoLive(a: EngineApp): Promise<void> {
  let live = false;
  a.api.onConnectionChanged((c) => (live = c.state === 'live'));
  expect(await a.api.startDemo({ activity: false })).toMatchObject({ ok: true });
  await waitUntil(() => live, 'the demo monitor is live');
}

describe('the strategy estimate (shown before Start) and account stops', () => {
  it('estimates trades and wear, says when the target is already met, and places nothing', async () => {
    app = await startEngineApp({ speed: 20 });
    const { api } = app;
    await demoLive(app);
    const before = await api.estimateStrategy(RUN);
    expect(before).toMatchObject({
      ok: true,
      value: { tokenSymbol: 'KOGE', targetMet: false, tradesEstimated: 3, doneUsdt: '0' },
    });
    expect(before.ok && new Big(before.value.expectedWearUsdt).gt(0)).toBe(true);
    expect(await app.root.handlers.getStrategyProgress({ accountId: DEMO_ACCOUNT_ID })).toBeNull();

    const progress: StrategyProgressView[] = [];
    api.onStrategyProgress((p) => progress.push(p));
    await api.startStrategy(RUN);
    await waitUntil(() => progress.some(isDone), 'the run finishes', 6000);
    const end = progress.find(isDone)!;
    // Wear, one sign: positive is money lost; the same fields as the CLI's summary.
    expect(end.wearUsdt).toMatch(/^-?\d/);
    expect(end.wearBps).toMatch(/^-?\d+\.\d\d$/);
    expect(end.points).toBeGreaterThanOrEqual(4);

    expect(await api.estimateStrategy(RUN)).toMatchObject({
      ok: true,
      value: { targetMet: true, tradesEstimated: 0 },
    });
    // A points target: 2^5 = 32 counted USDT is above what the run did (about 20).
    expect(await api.estimateStrategy({ ...RUN, points: 5 })).toMatchObject({
      ok: true,
      value: { targetPoints: 5, targetMet: false, pointsToday: 4 },
    });
  });

  it('the expected wear is what a run then wears on the simulator, not many times more', async () => {
    // A still market (no price walk): the run's wear is then what every trade surely costs.
    app = await startEngineApp({ speed: 20, sim: { priceStepFraction: 0 } });
    const { api } = app;
    await demoLive(app);
    const estimate = await api.estimateStrategy(RUN);
    expect(estimate.ok).toBe(true);
    const expected = new Big(estimate.ok ? estimate.value.expectedWearUsdt : '0');
    const progress: StrategyProgressView[] = [];
    api.onStrategyProgress((p) => progress.push(p));
    await api.startStrategy(RUN);
    await waitUntil(() => progress.some(isDone), 'the run finishes', 6000);
    const end = progress.find(isDone)!;
    expect(end.state).toBe('finished');
    const actual = new Big(end.wearUsdt);
    expect(actual.gt(0)).toBe(true);
    // Same order of magnitude: within 3x either way.
    expect(expected.lte(actual.times(3))).toBe(true);
    expect(actual.lte(expected.times(3))).toBe(true);
  });

  it('an unknown token is one error with its code, before anything starts', async () => {
    app = await startEngineApp({ speed: 20 });
    await demoLive(app);
    expect(await app.api.estimateStrategy({ ...RUN, token: 'NOPE' })).toMatchObject({
      ok: false,
      error: { code: 'TOKEN_NOT_FOUND' },
    });
  });

  it('补充认证 stops the run at once with a notice naming what to do', async () => {
    app = await startEngineApp({ speed: 20 });
    const { api, sim } = app;
    const notices: NoticeView[] = [];
    api.onNotice((n) => notices.push(n));
    const progress: StrategyProgressView[] = [];
    api.onStrategyProgress((p) => progress.push(p));
    await demoLive(app);
    sim.faults.setOrderGate('verification');
    await api.startStrategy({ ...RUN, volumeUsdt: '100' });
    await waitUntil(() => progress.some(isDone), 'the run stops');
    expect(progress.find(isDone)).toMatchObject({
      state: 'failed',
      trades: 1,
      status: { code: 'FAILED' },
      error: { code: 'VERIFICATION_REQUIRED', reason: { code: 'VERIFICATION_REQUIRED' } },
    });
    await waitUntil(() => notices.some((n) => n.kind === 'strategy-stopped'), 'the notice');
    expect(notices.find((n) => n.kind === 'strategy-stopped')).toMatchObject({
      title: expect.stringMatching(/strategy stopped \(VERIFICATION_REQUIRED\)/),
      body: expect.stringMatching(/Finish it in the Binance app .*Nothing was retried/),
    });
    expect((await api.listAccounts()).ok).toBe(true);
  });
});
