import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import type { AlertEvent } from './alert-event.ts';
import { MonitorAlerts } from './monitor-alerts.ts';

function setup(accountDownMs = 10 * 60_000) {
  const clock = new FakeClock();
  const events: AlertEvent[] = [];
  const alerts = new MonitorAlerts({
    clock,
    publish: (e) => events.push(e),
    accountDownMs: () => accountDownMs,
  });
  return { clock, events, alerts };
}

describe('MonitorAlerts', () => {
  it('says session expired / verification needed once when a session fails for that reason', () => {
    const { events, alerts } = setup();
    alerts.onState('a', 'live', null);
    alerts.onState('a', 'failed', 'SESSION_EXPIRED');
    alerts.onState('a', 'failed', 'SESSION_EXPIRED');
    alerts.onState('b', 'live', null);
    alerts.onState('b', 'failed', 'VERIFICATION_REQUIRED');
    alerts.onState('c', 'failed', 'NETWORK');
    expect(events.map((e) => `${e.kind}/${e.accountId}`)).toEqual([
      'session-expired/a',
      'verification-needed/b',
    ]);
  });

  it('reports an account not live for N minutes once per outage, not when it recovers in time', async () => {
    const { clock, events, alerts } = setup();
    alerts.onState('a', 'live', null);
    alerts.onState('a', 'reconnecting', null);
    await clock.advance(5 * 60_000);
    alerts.onState('a', 'live', null);
    await clock.advance(20 * 60_000);
    expect(events).toEqual([]);
    alerts.onState('a', 'reconnecting', null);
    await clock.advance(4 * 60_000);
    alerts.onState('a', 'connecting', null);
    await clock.advance(6 * 60_000);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'account-down',
        accountId: 'a',
        downForMs: 600_000,
        state: 'connecting',
      }),
    ]);
    await clock.advance(60 * 60_000);
    expect(events).toHaveLength(1);
  });

  it('a stop by the user is no outage', async () => {
    const { clock, events, alerts } = setup();
    alerts.onState('a', 'live', null);
    alerts.onState('a', 'reconnecting', null);
    alerts.onState('a', 'stopped', null);
    await clock.advance(60 * 60_000);
    expect(events).toEqual([]);
  });

  it('turns TRADE updates into fills and recovered updates into missed-updates', () => {
    const { events, alerts } = setup();
    const base = {
      executionType: 'NEW',
      status: 'NEW',
      orderId: '7',
      symbol: 'S',
      side: 'BUY',
      lastFilledQty: '0',
      lastFilledPrice: '0',
    };
    const applied = { outcome: 'applied', reason: 'moves-forward', counted: null } as const;
    alerts.onUpdate('a', base as never, applied);
    const trade = {
      ...base,
      executionType: 'TRADE',
      status: 'FILLED',
      lastFilledQty: '3',
      lastFilledPrice: '1.5',
    } as never;
    alerts.onUpdate('a', trade, { ...applied, counted: { base: '3', quote: '4.5', fee: null } });
    // The same fill again (its late frame after a backfill counted it): no second alert.
    alerts.onUpdate('a', trade, { outcome: 'late', reason: 'after-terminal', counted: null });
    // A fill counted in part (a backfill had counted the rest): the part counted.
    alerts.onUpdate('a', { ...(trade as object), orderId: '8' } as never, {
      ...applied,
      counted: { base: '1', quote: '1.5', fee: null },
    });
    alerts.onReconcile('a', 0);
    alerts.onReconcile('a', 2);
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'fill',
        orderId: '7',
        quantity: '3',
        price: '1.5',
        status: 'FILLED',
      }),
      expect.objectContaining({ kind: 'fill', orderId: '8', quantity: '1' }),
      expect.objectContaining({ kind: 'missed-updates', missed: 2 }),
    ]);
  });
});
