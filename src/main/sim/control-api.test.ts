import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { startSimulator, type Simulator } from './index.ts';
import { obtainListenKey, placeRestingOto, subscribedSocket } from './testing/demo-session.ts';
import {
  callRest,
  isExecutionReport,
  pushData,
  type RecordingSocket,
} from './testing/sim-test-client.ts';

/** The control API drives the same switches as the programmatic API, over loopback HTTP. */
describe('control API', () => {
  const clock = new FakeClock();
  let sim: Simulator;
  let stream: RecordingSocket;
  const control = async (
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    rawBody?: string,
  ) => {
    const response = await fetch(`${sim.controlUrl}${path}`, {
      method,
      headers: method === 'POST' ? { 'content-type': 'application/json' } : {},
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    sim = await startSimulator({ clock, fillDelayMs: 3_600_000, priceStepFraction: 0 });
    stream = await subscribedSocket(sim, await obtainListenKey(sim));
  });
  afterAll(async () => {
    await stream.close();
    await sim.dispose();
  });

  it('reports its state', async () => {
    const reply = await control('GET', '');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      ok: true,
      value: { restUrl: sim.restUrl, wsUrl: sim.wsUrl, demoUserId: 'demo', connectionCount: 1 },
    });
  });

  it('sets a price and fills an order in two frames sharing E and t', async () => {
    expect(
      (await control('POST', '/market/price', { symbol: 'ALPHA_373USDT', price: '0.19' })).body,
    ).toEqual({ ok: true, value: null });
    expect((await control('GET', '/market/price?symbol=ALPHA_373USDT')).body.value).toEqual({
      symbol: 'ALPHA_373USDT',
      price: '0.19000000',
    });
    const { workingOrderId } = await placeRestingOto(sim);
    const reply = await control('POST', '/orders/fill-now', {
      orderId: String(workingOrderId),
      quantities: ['30', '70'],
    });
    expect(reply.body.ok).toBe(true);
    const fills = (
      await stream.waitForCount((f) => isExecutionReport(f) && pushData(f)?.x === 'TRADE', 2)
    ).map((f) => pushData(f)!);
    expect(fills.map((f) => [f.l, f.X])).toEqual([
      ['30', 'PARTIALLY_FILLED'],
      ['70.00000000', 'FILLED'],
    ]);
    expect(fills[0]!.E).toBe(fills[1]!.E);
    expect(fills[0]!.t).toBe(fills[1]!.t);
  });

  it('creates a second account whose credentials work, and invalidates it', async () => {
    const created = await control('POST', '/accounts', { balances: { USDT: '500' } });
    const account = created.body.value as {
      userId: string;
      credentials: { headers: Record<string, string>; cookies: string };
    };
    const volume = '/bapi/defi/v1/private/wallet-direct/buw/wallet/today/user-volume';
    expect(
      (await callRest(sim.restUrl, 'GET', volume, { credentials: account.credentials })).body
        .success,
    ).toBe(true);
    await control('POST', '/faults/invalidate-session', { userId: account.userId });
    expect(
      (await callRest(sim.restUrl, 'GET', volume, { credentials: account.credentials })).body.code,
    ).toBe('100002001');
    const renewed = (await control('POST', '/accounts/renew-session', { userId: account.userId }))
      .body.value as typeof account;
    expect(
      (await callRest(sim.restUrl, 'GET', volume, { credentials: renewed.credentials })).body
        .success,
    ).toBe(true);
  });

  it('injects a raw frame to the demo stream', async () => {
    await control('POST', '/faults/inject-raw', { text: 'not json at all' });
    await stream.waitFor(() => stream.texts.includes('not json at all'));
  });

  it('starts and stops demo activity', async () => {
    const before = stream.frames.filter(isExecutionReport).length;
    await control('POST', '/demo/start', { ordersPerMinute: 60 });
    expect((await control('GET', '')).body.value).toMatchObject({ demoActivityRunning: true });
    await clock.advance(5_000);
    await stream.waitForCount(isExecutionReport, before + 2);
    await control('POST', '/demo/stop');
    expect((await control('GET', '')).body.value).toMatchObject({ demoActivityRunning: false });
  });

  it.each([
    ['an unknown endpoint', 'POST', '/faults/explode', undefined, undefined, 404, 'NOT_FOUND'],
    [
      'a body that is not JSON',
      'POST',
      '/faults/refuse-connections',
      undefined,
      '{',
      400,
      'BAD_REQUEST',
    ],
    ['a missing field', 'POST', '/faults/refuse-connections', {}, undefined, 400, 'BAD_REQUEST'],
    [
      'an unknown symbol',
      'POST',
      '/market/price',
      { symbol: 'NOPE', price: '1' },
      undefined,
      400,
      'REJECTED',
    ],
    ['an unknown order', 'POST', '/orders/fill-now', { orderId: '1' }, undefined, 400, 'REJECTED'],
    [
      'a bad end status',
      'POST',
      '/orders/end-now',
      { orderId: '1', status: 'FILLED' },
      undefined,
      400,
      'BAD_REQUEST',
    ],
  ] as const)(
    'answers %s with a clear error',
    async (_name, method, path, body, raw, status, code) => {
      const reply = await control(method, path, body, raw);
      expect(reply.status).toBe(status);
      expect(reply.body).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
    },
  );

  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(sim.restUrl).hostname).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    if (external.length === 0)
      console.log(
        'skipping the external-interface probe: this machine has no non-loopback IPv4 address',
      );
    for (const address of external) {
      await expect(fetch(`http://${address}:${sim.port}/__sim`)).rejects.toThrow();
    }
  });
});

describe('control API: web pages are refused (issue 12)', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(async () => {
    await sim?.dispose();
  });
  const stop = (url: string, headers: Record<string, string>) =>
    fetch(`${url}/demo/stop`, { method: 'POST', headers, body: '{}' });

  it('refuses a cross-origin POST, a form-type POST and a request without the token; a program gets through', async () => {
    sim.demoActivity.start();
    const json = { 'content-type': 'application/json' };
    // What an ordinary page can send: its Origin, or a "simple" (no-preflight) content type.
    const fromPage = await stop(sim.controlUrl, { ...json, origin: 'https://evil.example' });
    expect(fromPage.status).toBe(403);
    const crossSite = await stop(sim.controlUrl, { ...json, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const form = await stop(sim.controlUrl, { 'content-type': 'text/plain' });
    expect(((await form.json()) as { error: { message: string } }).error.message).toContain(
      'Content-Type: application/json',
    );
    // Without the run's token (the path a page could guess).
    const base = sim.controlUrl.slice(0, sim.controlUrl.lastIndexOf('/'));
    expect((await stop(base, json)).status).toBe(403);
    expect((await fetch(base)).status).toBe(403);
    expect((await stop(`${base}/wrong-token`, json)).status).toBe(403);
    expect(sim.demoActivity.running).toBe(true);

    expect((await stop(sim.controlUrl, json)).status).toBe(200);
    expect(sim.demoActivity.running).toBe(false);
  });
});
