import { afterEach, describe, expect, it } from 'vitest';
import { startFixtureHttpServer } from '../../../../../test/fakes/fixture-http-server.ts';
import type { AlertMessage } from '../alert-message.ts';
import { AlertDeliveryError } from '../delivery-queue.ts';
import { createTelegramChannel } from './telegram-channel.ts';

const TOKEN = '42:telegram-channel-test-token';
const message = { text: 'hello' } as AlertMessage;

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('the Telegram channel', () => {
  it('honours a 429 retry_after, and keeps the token out of the error', async () => {
    const server = await startFixtureHttpServer({
      [`/bot${TOKEN}/sendMessage`]: {
        status: 429,
        body: JSON.stringify({
          ok: false,
          error_code: 429,
          description: 'Too Many Requests: retry after 17',
          parameters: { retry_after: 17 },
        }),
      },
    });
    close = server.close;
    const channel = createTelegramChannel({ botToken: TOKEN, chatId: '7', apiUrl: server.url });
    const error = (await channel.send(message).catch((e: unknown) => e)) as AlertDeliveryError;
    expect(error).toBeInstanceOf(AlertDeliveryError);
    expect(error).toMatchObject({ code: 'HTTP_ERROR', retryable: true, retryAfterMs: 17_000 });
    expect(error.message).not.toContain(TOKEN);
  });

  it('cuts a text longer than Telegram takes', async () => {
    const server = await startFixtureHttpServer({
      [`/bot${TOKEN}/sendMessage`]: { body: '{"ok":true}' },
    });
    close = server.close;
    const channel = createTelegramChannel({ botToken: TOKEN, chatId: '7', apiUrl: server.url });
    await channel.send({ text: 'x'.repeat(5000) } as AlertMessage);
    const sent = JSON.parse(server.requests[0]!.body) as { text: string };
    expect(sent.text).toHaveLength(4096);
    expect(sent.text.endsWith('…')).toBe(true);
  });
});
