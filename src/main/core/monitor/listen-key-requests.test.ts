import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import type { ListenKeyApi } from '../listen-key/listen-key-service.ts';
import { createAccountMonitor } from './account-monitor.ts';
import type { ReconcileApi } from './backfill.ts';

/** A listen-key endpoint that answers only when told, or fails once its caller aborts. */
function slowKeyApi() {
  const pending: Array<{ settled: boolean; abortedBy: 'caller' | null }> = [];
  const api: ListenKeyApi & ReconcileApi = {
    getListenKey: (options) =>
      new Promise<string>((_resolve, reject) => {
        const request = { settled: false, abortedBy: null as 'caller' | null };
        pending.push(request);
        options?.signal?.addEventListener('abort', () => {
          request.settled = true;
          request.abortedBy = 'caller';
          reject(Object.assign(new Error('cancelled'), { code: 'ABORTED' }));
        });
      }),
    getOpenOrders: async () => [],
    getAllOrderHistory: async () => [],
    getUserTrades: async () => [],
  };
  return { api, pending };
}

/** A monitor started on a fake clock, its first listen-key request under way. */
async function startingMonitor() {
  const clock = new FakeClock();
  const { api, pending } = slowKeyApi();
  const monitor = createAccountMonitor({
    accountId: 'a',
    rest: api,
    wsUrl: 'ws://127.0.0.1:9/w3w/stream',
    clock,
  });
  monitor.start();
  await clock.advance(0);
  return { clock, monitor, pending };
}

describe('AccountMonitor.stop while its listen key is being requested', () => {
  it('ends the request before it returns, so nothing is left running against the exchange', async () => {
    const { monitor, pending } = await startingMonitor();
    expect(pending).toHaveLength(1);
    expect(monitor.state.name).toBe('connecting');

    await monitor.stop();

    expect(pending[0]).toEqual({ settled: true, abortedBy: 'caller' });
    expect(monitor.state.name).toBe('stopped');
    await monitor.dispose();
  });

  it('can start again after such a stop and asks for a fresh key', async () => {
    const { clock, monitor, pending } = await startingMonitor();
    await monitor.stop();
    monitor.start();
    await clock.advance(0);
    expect(pending).toHaveLength(2);
    expect(pending[1]!.settled).toBe(false);
    await monitor.dispose();
    expect(pending[1]!.settled).toBe(true);
  });
});
