import { afterEach, describe, expect, it } from 'vitest';
import {
  placeRestingOto,
  startStillSimulator,
  type Simulator,
} from '../../../../test/fakes/simulator.ts';
import type { OrderUpdate } from '../../../shared/domain/order-update.ts';
import { waitFor } from '../../../../test/fakes/wait-for.ts';
import { openEngineSession, SessionNotLiveError, type EngineSession } from './index.ts';

let sim: Simulator | undefined;
let session: EngineSession | undefined;
afterEach(async () => {
  await session?.dispose();
  await sim?.dispose();
  session = sim = undefined;
});

describe('openEngineSession against the simulator', () => {
  it('resolves with a live stream whose order updates arrive, and dispose closes it', async () => {
    sim = await startStillSimulator();
    session = await openEngineSession({
      accountId: sim.demoAccount.userId,
      restUrl: sim.restUrl,
      wsUrl: sim.wsUrl,
      credentials: sim.demoAccount.credentials,
      liveTimeoutMs: 60_000,
    });
    expect(session.monitor.state.name).toBe('live');
    expect(session.monitor.maskedListenKey).toMatch(/^.{10}\.\.\.$/);
    expect(sim.connectionCount).toBe(1);

    const updates: OrderUpdate[] = [];
    session.orderUpdates(({ update }) => updates.push(update));
    const { workingOrderId } = await placeRestingOto(sim);
    // The REST client is the session's own: it reads the same account.
    const open = await session.rest.getOpenOrders();
    expect(open.map((row) => String(row.orderId))).toContain(String(workingOrderId));
    sim.orders.fillNow(String(workingOrderId));
    await waitFor(
      () => updates.some((u) => u.orderId === String(workingOrderId) && u.status === 'FILLED'),
      { what: 'the fill on the session stream' },
    );

    await session.dispose();
    session = undefined;
    await waitFor(() => sim!.connectionCount === 0, { what: 'the stream to close' });
  });

  it('an expired session is refused with SESSION_EXPIRED and leaves nothing open', async () => {
    sim = await startStillSimulator();
    sim.faults.invalidateSession();
    const error = await openEngineSession({
      accountId: sim.demoAccount.userId,
      restUrl: sim.restUrl,
      wsUrl: sim.wsUrl,
      credentials: sim.demoAccount.credentials,
      liveTimeoutMs: 60_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionNotLiveError);
    expect(error).toMatchObject({ ending: 'refused', code: 'SESSION_EXPIRED' });
    expect(sim.connectionCount).toBe(0);
  });
});
