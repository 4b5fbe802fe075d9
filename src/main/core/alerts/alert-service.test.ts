import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import { startFixtureHttpServer } from '../../../../test/fakes/fixture-http-server.ts';
import { MemorySecretStore } from '../../../../test/fakes/memory-secret-store.ts';
import { waitFor } from '../../../../test/fakes/wait-for.ts';
import {
  DEFAULT_ALERT_SETTINGS,
  mergeAlertSettings,
  type AlertSettings,
  type AlertSettingsPatch,
} from '../../../shared/alerts/alert-settings.ts';
import { rememberListenKey } from '../../../shared/secrets/listen-key-registry.ts';
import { nullLogger } from '../ports/logger.ts';
import { createAlertChannelResolver } from './alert-channels.ts';
import type { AlertMessage } from './alert-message.ts';
import { AlertSecrets } from './alert-secrets.ts';
import { AlertService } from './alert-service.ts';
import { systemClock } from '../ports/clock.ts';

const BOT_TOKEN = '123456789:AAH-secret-bot-token-value';
const WEBHOOK_SECRET = 'whsec-0123456789abcdef';
const LISTEN_KEY = 'ff950c2e0d3da25cb0f320669c3f986fALERTS';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function setup(patch: AlertSettingsPatch, clock: FakeClock | typeof systemClock) {
  const server = await startFixtureHttpServer({
    '/hook': { body: '{}' },
    [`/bot${BOT_TOKEN}/sendMessage`]: { body: '{"ok":true,"result":{}}' },
  });
  closers.push(server.close);
  const store = new MemorySecretStore();
  const secrets = new AlertSecrets(store);
  await secrets.set('telegramBotToken', BOT_TOKEN);
  await secrets.set('webhookSecret', WEBHOOK_SECRET);
  let settings: AlertSettings = mergeAlertSettings(DEFAULT_ALERT_SETTINGS, {
    webhook: { enabled: true, url: `${server.url}/hook` },
    telegram: { enabled: true, chatId: '-100200300' },
    ...patch,
  });
  const service = new AlertService({
    clock,
    logger: nullLogger,
    settings: () => settings,
    language: () => 'en',
    channels: createAlertChannelResolver({ secrets, telegramApiUrl: server.url }),
    accountLabel: (id) => (id === 'acct1' ? 'Main' : `label with ${BOT_TOKEN} and ${LISTEN_KEY}`),
    isDemoAccount: (id) => id === 'demo',
  });
  closers.push(async () => service.dispose());
  const webhookBodies = () =>
    server.requests
      .filter((r) => r.path === '/hook')
      .map((r) => JSON.parse(r.body) as AlertMessage);
  const telegramBodies = () =>
    server.requests
      .filter((r) => r.path.endsWith('/sendMessage'))
      .map((r) => JSON.parse(r.body) as { chat_id: string; text: string });
  return {
    server,
    service,
    webhookBodies,
    telegramBodies,
    change: (p: AlertSettingsPatch) => (settings = mergeAlertSettings(settings, p)),
  };
}

describe('AlertService', () => {
  it('sends a test through both channels: a signed webhook body and a Telegram sendMessage', async () => {
    const { service, server, webhookBodies, telegramBodies } = await setup({}, systemClock);
    const results = await service.sendTest();
    expect(results.map((r) => [r.channel, r.ok])).toEqual([
      ['webhook', true],
      ['telegram', true],
    ]);
    expect(results[1]!.target).toBe('chat -100200300');
    const hook = server.requests.find((r) => r.path === '/hook')!;
    const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(hook.body).digest('hex')}`;
    expect(hook.headers['x-alpha-monitor-signature']).toBe(expected);
    expect(webhookBodies()[0]).toMatchObject({
      schema: 'alpha-monitor.alert/1',
      kind: 'test',
      count: 1,
      text: 'Alpha Monitor test alert: this channel works.',
      droppedBefore: 0,
    });
    expect(telegramBodies()[0]).toEqual({
      chat_id: '-100200300',
      text: 'Alpha Monitor test alert: this channel works.',
      disable_web_page_preview: true,
    });
  });

  it('never puts the bot token, the signing secret or a listen key in a message', async () => {
    rememberListenKey(LISTEN_KEY);
    const clock = new FakeClock();
    const { service, server } = await setup({}, clock);
    service.publish({ kind: 'session-expired', accountId: 'acct2', atMs: clock.now() });
    await clock.advance(1);
    await waitFor(() => server.requests.length >= 2, { what: 'both channels' });
    for (const r of server.requests) {
      expect(r.body).not.toContain(BOT_TOKEN);
      expect(r.body).not.toContain(WEBHOOK_SECRET);
      expect(r.body).not.toContain(LISTEN_KEY);
      expect(r.body).toContain('ff950c2e0d...');
    }
  });

  it('says why a Telegram test failed without the token, and gives up at once on a refusal', async () => {
    const { service, server } = await setup({ webhook: { enabled: false } }, systemClock);
    server.setRoute(`/bot${BOT_TOKEN}/sendMessage`, {
      status: 401,
      body: JSON.stringify({
        ok: false,
        error_code: 401,
        description: `Unauthorized ${BOT_TOKEN}`,
      }),
    });
    const [result] = await service.sendTest();
    expect(result).toMatchObject({ channel: 'telegram', ok: false, code: 'REFUSED' });
    expect(result!.message).toContain('HTTP 401');
    expect(result!.message).not.toContain(BOT_TOKEN);
  });

  it('follows the per-event toggles and keeps demo fills out unless asked', async () => {
    const clock = new FakeClock();
    const { service, webhookBodies, change } = await setup(
      { telegram: { enabled: false }, events: { 'account-down': false } },
      clock,
    );
    const fill = (accountId: string) => ({
      kind: 'fill' as const,
      accountId,
      atMs: clock.now(),
      orderId: '1',
      symbol: 'ALPHA_373USDT',
      side: 'SELL',
      quantity: '2.5',
      price: '0.051',
      status: 'FILLED',
    });
    service.publish({
      kind: 'account-down',
      accountId: 'acct1',
      atMs: clock.now(),
      downForMs: 600_000,
      state: 'reconnecting',
    });
    service.publish(fill('demo'));
    service.publish(fill('acct1'));
    await clock.advance(10_000);
    await waitFor(() => webhookBodies().length >= 1);
    change({ demoFills: true });
    service.publish(fill('demo'));
    await clock.advance(10_000);
    await waitFor(() => webhookBodies().length >= 2);
    expect(webhookBodies().map((b) => [b.kind, b.accountId, b.text])).toEqual([
      ['fill', 'acct1', 'Fill on Main: SELL 2.5 ALPHA_373USDT @ 0.051'],
      ['fill', 'demo', expect.stringMatching(/^Fill on label with \[redacted\]/)],
    ]);
  });

  it('keeps monitoring unblocked while the webhook is down, then delivers with a retry', async () => {
    const clock = new FakeClock();
    const { service, server, webhookBodies } = await setup({ telegram: { enabled: false } }, clock);
    server.setRoute('/hook', { status: 503, body: 'busy' });
    service.publish({ kind: 'verification-needed', accountId: 'acct1', atMs: clock.now() });
    await waitFor(() => server.requests.length === 1, { what: 'the first attempt' });
    server.setRoute('/hook', { body: '{}' });
    await clock.advance(2_000);
    await waitFor(() => server.requests.length === 2, { what: 'the retry' });
    expect(webhookBodies().map((b) => b.kind)).toEqual([
      'verification-needed',
      'verification-needed',
    ]);
    expect(service.stats().webhook).toMatchObject({ delivered: 1, retries: 1, dropped: 0 });
  });
});
