import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { startSimulator, type Simulator } from './index.ts';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.dispose();
  sim = undefined;
});

describe('demo activity for a simulated fleet', () => {
  it('makes every listed account trade by itself, each on its own schedule, until stopped', async () => {
    const clock = new FakeClock();
    sim = await startSimulator({ clock, demoPointsHistory: false });
    const users = [sim.createAccount(), sim.createAccount(), sim.createAccount()];
    sim.demoActivity.start({ userIds: users.map((u) => u.userId), ordersPerMinute: 60 });
    expect(sim.demoActivity.running).toBe(true);
    await clock.advance(10_000);
    for (const u of users) expect(sim.orders.list(u.userId).length).toBeGreaterThan(3);
    // The demo account was not listed: it stays quiet.
    expect(sim.orders.list().length).toBe(0);

    sim.demoActivity.stop();
    expect(sim.demoActivity.running).toBe(false);
    const counts = users.map((u) => sim!.orders.list(u.userId).length);
    await clock.advance(10_000);
    expect(users.map((u) => sim!.orders.list(u.userId).length)).toEqual(counts);
  });
});
