import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import {
  startSimulator,
  SUPPLEMENTARY_VERIFICATION_MESSAGE,
  type Simulator,
  type SimulatorOptions,
} from './index.ts';
import { obtainListenKey, placeRestingOto, subscribedSocket } from './testing/demo-session.ts';
import {
  callRest,
  isExecutionReport,
  openRecordingSocket,
  pushData,
  type RecordingSocket,
} from './testing/sim-test-client.ts';

const VOLUME = '/bapi/defi/v1/private/wallet-direct/buw/wallet/today/user-volume';

/** Each fault switch, observed from a plain `ws` client. */
describe('fault injection', () => {
  let clock: FakeClock;
  let sim: Simulator;
  const sockets: RecordingSocket[] = [];
  const start = async (options: SimulatorOptions = {}) => {
    sim = await startSimulator({ clock, fillDelayMs: 3_600_000, priceStepFraction: 0, ...options });
  };
  const track = (s: RecordingSocket) => (sockets.push(s), s);

  beforeEach(() => {
    clock = new FakeClock();
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) await s.close();
    await sim.dispose();
  });

  it('dropAllConnections destroys every socket without a close frame (client sees 1006)', async () => {
    await start();
    const key = await obtainListenKey(sim);
    const a = track(await subscribedSocket(sim, key));
    const b = track(await openRecordingSocket(sim.wsUrl));
    sim.faults.dropAllConnections();
    expect((await a.closed).code).toBe(1006);
    expect((await b.closed).code).toBe(1006);
    // The server itself keeps running: a reconnect works.
    const c = track(await subscribedSocket(sim, key));
    await placeRestingOto(sim);
    await c.waitForCount(isExecutionReport, 2);
  });

  it('stall stops acks, pongs and pushes but keeps TCP open; resume restores service', async () => {
    await start();
    const key = await obtainListenKey(sim);
    const s = track(await subscribedSocket(sim, key));
    let pongs = 0;
    s.socket.on('pong', () => pongs++);
    sim.faults.stall();
    s.send({ method: 'LIST_SUBSCRIPTIONS', id: 5 });
    s.socket.ping();
    const lost = await placeRestingOto(sim);
    sim.faults.resume();
    expect(s.socket.readyState).toBe(WebSocket.OPEN);
    // Frames are handled in order, so the replies to these prove the earlier ones were ignored.
    s.send({ method: 'LIST_SUBSCRIPTIONS', id: 6 });
    s.socket.ping();
    await s.waitFor((f) => f.id === 6);
    const kept = await placeRestingOto(sim);
    await s.waitFor((f) => pushData(f)?.i === String(kept.workingOrderId));
    expect(s.frames.some((f) => f.id === 5)).toBe(false);
    expect(pongs).toBe(1);
    expect(s.frames.some((f) => pushData(f)?.i === String(lost.workingOrderId))).toBe(false);
  });

  it('refuseConnections rejects upgrades with HTTP 503 for the given sim time', async () => {
    await start();
    sim.faults.refuseConnections(5_000);
    await expect(openRecordingSocket(sim.wsUrl)).rejects.toThrow(/503/);
    await clock.advance(4_999);
    await expect(openRecordingSocket(sim.wsUrl)).rejects.toThrow(/503/);
    await clock.advance(1);
    track(await openRecordingSocket(sim.wsUrl));
  });

  it('expireListenKey stops pushes to that key; a new key works', async () => {
    await start();
    const oldKey = await obtainListenKey(sim);
    const s = track(await subscribedSocket(sim, oldKey));
    expect(sim.faults.expireListenKey()).toBe(oldKey);
    const newKey = await obtainListenKey(sim);
    expect(newKey).not.toBe(oldKey);
    s.send({ method: 'SUBSCRIBE', params: [`alpha@${newKey}`], id: 2 });
    await s.waitFor((f) => f.id === 2);
    await placeRestingOto(sim);
    await s.waitForCount(isExecutionReport, 2);
    expect(s.frames.filter(isExecutionReport).map((f) => f.stream)).toEqual([
      `alpha@${newKey}`,
      `alpha@${newKey}`,
    ]);
  });

  it('with sendListenKeyExpired, the expiry is announced on the stream first', async () => {
    await start({ sendListenKeyExpired: true });
    const key = await obtainListenKey(sim);
    const s = track(await subscribedSocket(sim, key));
    sim.faults.expireListenKey(key);
    const frame = await s.waitFor((f) => pushData(f)?.e === 'listenKeyExpired');
    expect(frame).toEqual({
      stream: `alpha@${key}`,
      data: { e: 'listenKeyExpired', E: clock.now(), listenKey: key },
    });
  });

  it('invalidateSession makes that account answer 100002001; others and a renewed session work', async () => {
    await start();
    const other = sim.createAccount();
    sim.faults.invalidateSession();
    const demo = await callRest(sim.restUrl, 'GET', VOLUME, {
      credentials: sim.demoAccount.credentials,
    });
    expect(demo.body.code).toBe('100002001');
    expect(
      (await callRest(sim.restUrl, 'GET', VOLUME, { credentials: other.credentials })).body.success,
    ).toBe(true);
    const renewed = sim.renewSession(sim.demoAccount.userId);
    expect(
      (await callRest(sim.restUrl, 'GET', VOLUME, { credentials: renewed.credentials })).body
        .success,
    ).toBe(true);
  });

  it('injectRaw sends exact text to one stream, or to everyone', async () => {
    await start();
    const key = await obtainListenKey(sim);
    const subscribed = track(await subscribedSocket(sim, key));
    const bystander = track(await openRecordingSocket(sim.wsUrl));
    sim.faults.injectRaw('{"stream":"alpha@x","data":{', key);
    sim.faults.injectRaw('hello everyone');
    bystander.send({ method: 'LIST_SUBSCRIPTIONS', id: 9 });
    await bystander.waitFor((f) => f.id === 9);
    await subscribed.waitFor(() => subscribed.texts.includes('hello everyone'));
    expect(subscribed.texts.slice(-2)).toEqual(['{"stream":"alpha@x","data":{', 'hello everyone']);
    expect(bystander.texts).toContain('hello everyone');
    expect(bystander.texts).not.toContain('{"stream":"alpha@x","data":{');
  });

  it('duplicateLastFrame repeats the last push byte for byte', async () => {
    await start();
    const key = await obtainListenKey(sim);
    const s = track(await subscribedSocket(sim, key));
    await placeRestingOto(sim);
    await s.waitForCount(isExecutionReport, 2);
    expect(sim.faults.duplicateLastFrame()).toBe(true);
    await s.waitForCount(isExecutionReport, 3);
    const reports = s.texts.filter((t) => t.includes('executionReport'));
    expect(reports[2]).toBe(reports[1]);
  });

  it('reorderNextPushes delivers the held pushes newest first', async () => {
    await start();
    const key = await obtainListenKey(sim);
    const s = track(await subscribedSocket(sim, key));
    sim.faults.reorderNextPushes(2);
    await placeRestingOto(sim);
    const frames = await s.waitForCount(isExecutionReport, 2);
    const ids = frames.map((f) => pushData(f)!.id as number);
    expect(ids[0]).toBeGreaterThan(ids[1]!);
  });

  it('loseNextPushes never sends the next pushes and delivers the ones after them', async () => {
    await start();
    const key = await obtainListenKey(sim);
    const s = track(await subscribedSocket(sim, key));
    sim.faults.loseNextPushes(1);
    // Placing an OTO pushes its two legs: the first is lost.
    await placeRestingOto(sim);
    await s.waitForCount(isExecutionReport, 1);
    await placeRestingOto(sim);
    const frames = await s.waitForCount(isExecutionReport, 3);
    // The first OTO's working leg (NEW) never arrived; its pending leg and the next OTO did.
    expect(frames.map((f) => pushData(f)!.X)).toEqual(['PENDING', 'NEW', 'PENDING']);
  });

  it('pings on the interval and drops a client that never answers, keeping one that does', async () => {
    await start({ pingIntervalMs: 20_000, pongTimeoutMs: 60_000 });
    const silent = track(await openRecordingSocket(sim.wsUrl, { autoPong: false }));
    const polite = track(await openRecordingSocket(sim.wsUrl));
    const silentPinged = new Promise<void>((resolve) =>
      silent.socket.once('ping', () => resolve()),
    );
    const politePinged = new Promise<void>((resolve) =>
      polite.socket.once('ping', () => resolve()),
    );
    await clock.advance(20_000);
    await Promise.all([silentPinged, politePinged]);
    // The polite client's pong precedes this request on the wire, so the server has seen it.
    polite.send({ method: 'LIST_SUBSCRIPTIONS', id: 3 });
    await polite.waitFor((f) => f.id === 3);
    await clock.advance(60_000);
    expect((await silent.closed).code).toBe(1006);
    polite.send({ method: 'LIST_SUBSCRIPTIONS', id: 4 });
    await polite.waitFor((f) => f.id === 4);
    expect(polite.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('setPrice moves the market and fillNow fills an order now', async () => {
    await start();
    const key = await obtainListenKey(sim);
    const s = track(await subscribedSocket(sim, key));
    const { workingOrderId } = await placeRestingOto(sim);
    sim.market.setPrice('ALPHA_373USDT', '0.19');
    expect(sim.market.getPrice('ALPHA_373USDT')).toBe('0.19000000');
    sim.orders.fillNow(String(workingOrderId));
    const fill = await s.waitFor((f) => pushData(f)?.x === 'TRADE');
    expect(pushData(fill)).toMatchObject({
      i: String(workingOrderId),
      X: 'FILLED',
      L: '0.19000000',
    });
  });

  it('order gates: 补充认证 and risk challenge block placement until lifted', async () => {
    await start();
    const place = () =>
      fetch(`${sim.restUrl}/bapi/asset/v1/private/alpha-trade/order/place`, {
        method: 'POST',
        headers: {
          ...sim.demoAccount.credentials.headers,
          cookie: sim.demoAccount.credentials.cookies,
        },
        body: JSON.stringify({
          baseAsset: 'ALPHA_373',
          quoteAsset: 'USDT',
          side: 'BUY',
          price: '0.2',
          quantity: '100',
        }),
      });
    sim.faults.setOrderGate('verification');
    const verification = await place();
    expect(await verification.json()).toMatchObject({
      success: false,
      message: SUPPLEMENTARY_VERIFICATION_MESSAGE,
    });
    sim.faults.setOrderGate('riskChallenge');
    const challenged = await place();
    expect(challenged.headers.get('risk_challenge_enable_flow')).toBe('true');
    expect(challenged.headers.get('risk_challenge_biz_no')).toMatch(/^[0-9a-f]{32}$/);
    expect(((await challenged.json()) as { success: boolean }).success).toBe(false);
    sim.faults.setOrderGate('none');
    expect(((await (await place()).json()) as { success: boolean }).success).toBe(true);
  });
});
