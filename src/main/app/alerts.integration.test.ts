import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startFixtureHttpServer } from '../../../test/fakes/fixture-http-server.ts';
import type { AlertMessage } from '../core/alerts/index.ts';
import { placeRestingOto } from '../sim/testing/demo-session.ts';
import { startEngineApp, waitUntil, type EngineApp } from './test-support/engine-app.ts';

const SECRET = 'whsec-integration-0123456789';

let app: EngineApp | undefined;
let closeReceiver: (() => Promise<void>) | undefined;
afterEach(async () => {
  await app?.dispose();
  await closeReceiver?.();
  app = undefined;
  closeReceiver = undefined;
});

describe('alerts from the demo reach a webhook on loopback', () => {
  it('gets the test message, a grouped fill and a session-expired alert, each signed', async () => {
    const receiver = await startFixtureHttpServer({ '/hook': { body: '{}' } });
    closeReceiver = receiver.close;
    // Real time: the fill group window (5 s) and the rate limit run as they would for a user.
    app = await startEngineApp({ speed: 1, sim: { priceStepFraction: 0, fillDelayMs: 3_600_000 } });
    const { api, sim } = app;
    const messages = () =>
      receiver.requests
        .filter((r) => r.path === '/hook')
        .map((r) => JSON.parse(r.body) as AlertMessage);

    const updated = await api.updateAlertSettings({
      webhook: { enabled: true, url: `${receiver.url}/hook` },
      demoFills: true,
    });
    expect(updated).toMatchObject({ ok: true });
    const withSecret = await api.setAlertSecret({ name: 'webhookSecret', value: SECRET });
    expect(withSecret).toMatchObject({ ok: true, value: { secrets: { webhookSecret: true } } });

    // 1. The "Send test" button.
    const test = await api.sendTestAlert();
    expect(test).toMatchObject({ ok: true, value: [{ channel: 'webhook', ok: true }] });
    expect(messages()[0]).toMatchObject({
      kind: 'test',
      text: 'Alpha Monitor test alert: this channel works.',
    });

    // 2. Two fills in one burst: one message.
    let live = false;
    let failed = false;
    api.onConnectionChanged((c) => {
      live = c.state === 'live';
      failed = c.state === 'failed';
    });
    expect(await api.startDemo({ activity: false })).toMatchObject({ ok: true });
    await waitUntil(() => live, 'the demo monitor is live', 6000);
    const first = await placeRestingOto(sim);
    const second = await placeRestingOto(sim);
    sim.orders.fillNow(String(first.workingOrderId));
    sim.orders.fillNow(String(second.workingOrderId));
    await waitUntil(() => messages().some((m) => m.kind === 'fill'), 'a fill alert', 6000);
    const fill = messages().find((m) => m.kind === 'fill')!;
    expect(fill).toMatchObject({ accountId: 'demo', accountLabel: 'Demo', count: 2 });
    expect(fill.text).toMatch(
      /^2 fills on Demo: BUY 100 ALPHA_373USDT @ 0\.2; BUY 100 ALPHA_373USDT @ 0\.2$/,
    );

    // 3. The session dies (an order placed in the browser would rotate the tokens like this).
    sim.faults.invalidateSession();
    sim.faults.dropAllConnections();
    await waitUntil(() => failed, 'the demo monitor failed', 6000);
    await waitUntil(
      () => messages().some((m) => m.kind === 'session-expired'),
      'a session-expired alert',
      6000,
    );
    expect(messages().find((m) => m.kind === 'session-expired')!.text).toBe(
      'Session expired on Demo: monitoring stopped. Copy a fresh cURL from the browser and re-import the account.',
    );

    for (const request of receiver.requests) {
      const signature = createHmac('sha256', SECRET).update(request.body).digest('hex');
      expect(request.headers['x-alpha-monitor-signature']).toBe(`sha256=${signature}`);
      expect(request.body).not.toContain(SECRET);
    }
    // The secret never reached the renderer either.
    expect(app.seen.join('\n')).not.toContain(SECRET);
  }, 120_000);
});
