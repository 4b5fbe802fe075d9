import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import { AlphaApiError } from '../rest/alpha-api-error.ts';
import { ListenKeyService, type ListenKeyRefresh } from './index.ts';

const MIN = 60_000;

/** Answers the scripted keys/errors in order, then repeats the last one. */
function scriptedApi(script: Array<string | Error>) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    async getListenKey() {
      const step = script[Math.min(calls, script.length - 1)]!;
      calls++;
      if (step instanceof Error) throw step;
      return step;
    },
  };
}

function setup(script: Array<string | Error>, renewIntervalMs = 30 * MIN) {
  const clock = new FakeClock();
  const api = scriptedApi(script);
  const service = new ListenKeyService({ api, clock, renewIntervalMs, retryDelayMs: MIN });
  const refreshes: ListenKeyRefresh[] = [];
  const failures: Array<{ fatal: boolean }> = [];
  service.onDidRefresh((r) => refreshes.push(r));
  service.onDidFailRefresh((f) => failures.push({ fatal: f.fatal }));
  return { clock, api, service, refreshes, failures };
}

describe('ListenKeyService', () => {
  it('re-POSTs every renew interval; the same key means no resubscribe', async () => {
    const { clock, api, service, refreshes } = setup(['k'.repeat(32)]);
    expect(await service.acquire()).toBe('k'.repeat(32));
    await clock.advance(29 * MIN);
    expect(api.calls).toBe(1);
    await clock.advance(1 * MIN);
    expect(api.calls).toBe(2);
    await clock.advance(30 * MIN);
    expect(refreshes.map((r) => [r.changed, r.resubscribe])).toEqual([
      [false, false],
      [false, false],
    ]);
    service.dispose();
  });

  it('reports a new key on refresh so the session can swap subscriptions', async () => {
    const { clock, service, refreshes } = setup(['a'.repeat(32), 'b'.repeat(32)], 10 * MIN);
    await service.acquire();
    await clock.advance(10 * MIN);
    expect(refreshes).toEqual([
      {
        previousKey: 'a'.repeat(32),
        key: 'b'.repeat(32),
        changed: true,
        resubscribe: true,
        atMs: clock.now(),
      },
    ]);
    expect(service.current).toBe('b'.repeat(32));
    service.dispose();
  });

  it('retries a failed refresh sooner and asks for a resubscribe once it works', async () => {
    const network = new AlphaApiError('NETWORK', 'down');
    const { clock, api, service, refreshes, failures } = setup([
      'a'.repeat(32),
      network,
      network,
      'a'.repeat(32),
    ]);
    await service.acquire();
    await clock.advance(30 * MIN);
    expect(failures).toEqual([{ fatal: false }]);
    await clock.advance(1 * MIN);
    expect(failures).toHaveLength(2);
    await clock.advance(2 * MIN);
    expect(api.calls).toBe(4);
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]).toMatchObject({ changed: false, resubscribe: true });
    service.dispose();
  });

  it('reports a fatal refresh failure and stops refreshing', async () => {
    const { clock, api, service, failures } = setup([
      'a'.repeat(32),
      new AlphaApiError('SESSION_EXPIRED', 'expired'),
    ]);
    await service.acquire();
    await clock.advance(30 * MIN);
    expect(failures).toEqual([{ fatal: true }]);
    await clock.advance(300 * MIN);
    expect(api.calls).toBe(2);
    service.dispose();
  });

  it('restarts the schedule on every acquire and stops on dispose', async () => {
    const { clock, api, service } = setup(['a'.repeat(32)]);
    await service.acquire();
    await clock.advance(20 * MIN);
    await service.acquire();
    await clock.advance(20 * MIN);
    expect(api.calls).toBe(2);
    service.dispose();
    await clock.advance(120 * MIN);
    expect(api.calls).toBe(2);
    expect(clock.pendingTimers).toBe(0);
  });
});
