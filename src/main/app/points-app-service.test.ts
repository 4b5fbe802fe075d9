import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { startPointsHarness, type PointsHarness } from '../../../test/fakes/points-harness.ts';
import { waitFor } from '../../../test/fakes/wait-for.ts';
import type { PointsView } from '../../shared/ipc/views-points.ts';
import { nullLogger } from '../core/ports/logger.ts';
import type { PointsRestPort } from '../core/points/index.ts';
import { PointsAppService } from './points-app-service.ts';
import type { AccountConnection } from './ports.ts';

const START_MS = Date.UTC(2025, 6, 16, 12);

/** The app's points service against the simulator's REST API, on a fake clock. */
describe('PointsAppService', () => {
  let h: PointsHarness;
  let connection: AccountConnection;

  beforeAll(async () => {
    h = await startPointsHarness({ startMs: START_MS, balances: { USDT: '5000' } });
    await h.trade('BUY', 'ALPHA_373', '0.22690468', '1000'); // 907.62 counted: 9 points
    connection = {
      accountId: 'a1',
      credentials: h.trader.credentials,
      restUrl: h.sim.restUrl,
      wsUrl: h.sim.wsUrl,
    };
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('reads at start, shows progress to the target, follows a new target, and keeps the last figures when stopped', async () => {
    let target = 15;
    const service = new PointsAppService({
      clock: new FakeClock(START_MS),
      logger: nullLogger,
      targetPoints: () => target,
    });
    const seen: PointsView[] = [];
    service.onDidChange((v) => seen.push(v));
    expect(service.start(connection).state).toBe('loading');
    await waitFor(() => service.view('a1').state === 'ready', { what: 'the first read' });
    expect(service.view('a1').snapshot!.today.volumePoints).toBe(9);
    expect(service.view('a1').target).toMatchObject({ points: 15, reached: false });
    target = 9;
    service.retarget();
    expect(seen.at(-1)!.target).toMatchObject({ points: 9, reached: true, countedNeededUsdt: '0' });
    service.stop('a1');
    expect(seen.at(-1)).toMatchObject({
      state: 'stopped',
      snapshot: { today: { volumePoints: 9 } },
    });
    expect(service.views().map((v) => v.state)).toEqual(['stopped']);
    await service.dispose();
  });

  it('a failed read says why (code and message) and keeps the account running', async () => {
    const failing: PointsRestPort = {
      getUserScore: () =>
        Promise.reject(Object.assign(new Error('session expired'), { code: 'SESSION_EXPIRED' })),
      getAggTicker24: () => Promise.resolve([]),
      getUserTrades: () => Promise.resolve([]),
    };
    const service = new PointsAppService({
      clock: new FakeClock(START_MS),
      logger: nullLogger,
      targetPoints: () => 15,
      createRest: () => failing,
    });
    service.start(connection);
    const view = await service.refresh('a1');
    expect(view).toMatchObject({
      state: 'failed',
      problem: { code: 'SESSION_EXPIRED', message: 'session expired' },
      snapshot: null,
    });
    await expect(service.dailySummary('a1')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    await expect(service.dailySummary('other')).rejects.toMatchObject({
      code: 'POINTS_NOT_RUNNING',
    });
    await service.dispose();
  });
});
