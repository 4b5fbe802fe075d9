import { describe, expect, it } from 'vitest';
import type { StrategyProgressView } from '../../../shared/ipc/views-app.ts';
import { strategyAlertOf } from './strategy-alerts.ts';

const view = (patch: Partial<StrategyProgressView>): StrategyProgressView => ({
  accountId: 'acct1',
  runId: 'r1',
  state: 'running',
  targetVolumeUsdt: '500',
  doneVolumeUsdt: '120.5',
  trades: 3,
  fills: 6,
  feesUsdt: '0.1',
  costUsdt: '0.42',
  wearUsdt: '0.42',
  wearBps: '34.85',
  points: 6,
  costPerPoint: '0.07',
  targetPoints: null,
  placedOrderIds: [],
  status: { code: 'PREPARING' },
  error: null,
  ...patch,
});

describe('strategyAlertOf', () => {
  it('says nothing while a run runs, nor twice for the same end', () => {
    expect(strategyAlertOf('starting', view({}), 1)).toBeNull();
    expect(strategyAlertOf('finished', view({ state: 'finished' }), 1)).toBeNull();
  });

  it('tells a run that reached its target from one stopped by the user', () => {
    expect(
      strategyAlertOf('running', view({ state: 'finished', doneVolumeUsdt: '500.2' }), 1),
    ).toMatchObject({
      kind: 'strategy-finished',
      outcome: 'target-reached',
      trades: 3,
    });
    expect(strategyAlertOf('running', view({ state: 'finished' }), 1)).toMatchObject({
      kind: 'strategy-finished',
      outcome: 'stopped',
    });
  });

  it('a wear or loss limit is a wear-limit alert; any other early stop is strategy-paused', () => {
    const failed = (code: string) =>
      view({
        state: 'failed',
        error: { code, reason: { code: 'POINTS_UNAVAILABLE' }, message: 'x' },
      });
    expect(strategyAlertOf('running', failed('MAX_WEAR_RUN'), 1)).toMatchObject({
      kind: 'wear-limit',
      reasonCode: 'MAX_WEAR_RUN',
      wearUsdt: '0.42',
      wearBps: '34.85',
    });
    expect(strategyAlertOf('running', failed('MAX_LOSS'), 1)).toMatchObject({ kind: 'wear-limit' });
    expect(strategyAlertOf('running', failed('SESSION_EXPIRED'), 1)).toMatchObject({
      kind: 'strategy-paused',
      reasonCode: 'SESSION_EXPIRED',
      doneVolumeUsdt: '120.5',
    });
  });
});
