import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { startSimulator, type Simulator, type SimulatorOptions } from './index.ts';
import { obtainListenKey, placeRestingOto, subscribedSocket } from './testing/demo-session.ts';
import { isExecutionReport, pushData, type RecordingSocket } from './testing/sim-test-client.ts';

describe('listen keys', () => {
  const clock = new FakeClock();
  let sim: Simulator;
  const sockets: RecordingSocket[] = [];
  const start = async (options: SimulatorOptions) => {
    sim = await startSimulator({ clock, fillDelayMs: 3_600_000, priceStepFraction: 0, ...options });
  };
  afterEach(async () => {
    for (const s of sockets.splice(0)) await s.close();
    await sim.dispose();
  });

  /** Places an order and reports whether `socket` got its NEW frame on `alpha@key`. */
  async function receivesPushes(
    socket: RecordingSocket,
    key: string,
    probe: RecordingSocket,
  ): Promise<boolean> {
    const { workingOrderId } = await placeRestingOto(sim);
    // The probe is subscribed to the account's current key, so once it has the frame, any
    // frame for `socket` would have been sent too (same server turn, same order).
    await probe.waitFor((f) => pushData(f)?.i === String(workingOrderId));
    return socket.frames.some(
      (f) => f.stream === `alpha@${key}` && pushData(f)?.i === String(workingOrderId),
    );
  }

  it('are 32 lowercase hex chars and differ per account', async () => {
    await start({});
    const a = await obtainListenKey(sim);
    const b = await obtainListenKey(sim, sim.createAccount());
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });

  it("'extend' (default): a POST returns the same key and pushes go on past the first lifetime", async () => {
    await start({ listenKeyLifetimeMs: 60_000 });
    const key = await obtainListenKey(sim);
    const s = await subscribedSocket(sim, key);
    sockets.push(s);
    await clock.advance(50_000);
    expect(await obtainListenKey(sim)).toBe(key);
    await clock.advance(50_000);
    expect(await receivesPushes(s, key, s)).toBe(true);
  });

  it('a key that is not extended ends after its lifetime and receives nothing more', async () => {
    await start({ listenKeyLifetimeMs: 60_000 });
    const key = await obtainListenKey(sim);
    const s = await subscribedSocket(sim, key);
    sockets.push(s);
    await clock.advance(60_000);
    const fresh = await obtainListenKey(sim);
    expect(fresh).not.toBe(key);
    const probe = await subscribedSocket(sim, fresh);
    sockets.push(probe);
    expect(await receivesPushes(s, key, probe)).toBe(false);
  });

  it("'rotate': a POST with a live key returns a new key and the old one stops", async () => {
    await start({ listenKeyRepost: 'rotate' });
    const oldKey = await obtainListenKey(sim);
    const s = await subscribedSocket(sim, oldKey);
    sockets.push(s);
    const newKey = await obtainListenKey(sim);
    expect(newKey).not.toBe(oldKey);
    const probe = await subscribedSocket(sim, newKey);
    sockets.push(probe);
    expect(await receivesPushes(s, oldKey, probe)).toBe(false);
    expect(probe.frames.filter(isExecutionReport).length).toBeGreaterThan(0);
  });

  it('announces lifetime expiry only when sendListenKeyExpired is on', async () => {
    await start({ listenKeyLifetimeMs: 1_000, sendListenKeyExpired: true });
    const key = await obtainListenKey(sim);
    const s = await subscribedSocket(sim, key);
    sockets.push(s);
    await clock.advance(1_000);
    const frame = await s.waitFor((f) => pushData(f)?.e === 'listenKeyExpired');
    expect(pushData(frame)).toEqual({ e: 'listenKeyExpired', E: clock.now(), listenKey: key });
  });
});
