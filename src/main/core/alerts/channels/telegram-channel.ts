import { redactSecrets } from '../../../../shared/secrets/mask.ts';
import { AlertDeliveryError } from '../delivery-queue.ts';
import type { AlertMessage } from '../alert-message.ts';
import { DEFAULT_ALERT_TIMEOUT_MS, type AlertChannel } from './alert-channel.ts';
import { isRetryableStatus, postForAlert } from './http-post.ts';

export const TELEGRAM_API_URL = 'https://api.telegram.org';
/** Points Telegram alerts elsewhere (a loopback fake in tests); unset means api.telegram.org. */
export const TELEGRAM_API_URL_ENV_VAR = 'ALPHA_MONITOR_TELEGRAM_API_URL';

export function telegramApiUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const value = env[TELEGRAM_API_URL_ENV_VAR]?.trim();
  return value ? value : undefined;
}
/** Telegram refuses longer texts. */
export const TELEGRAM_MAX_TEXT = 4096;

/**
 * A Telegram bot: `sendMessage` with the message's text to one chat. `apiUrl` is
 * api.telegram.org unless a test points it at a loopback fake. The bot token is in the
 * request path only; no error message holds it.
 */
export function createTelegramChannel(options: {
  botToken: string;
  chatId: string;
  apiUrl?: string;
  timeoutMs?: number;
}): AlertChannel {
  const apiUrl = (options.apiUrl ?? TELEGRAM_API_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_ALERT_TIMEOUT_MS;
  return {
    name: 'telegram',
    target: `chat ${options.chatId}`,
    async send(message: AlertMessage) {
      const text =
        message.text.length > TELEGRAM_MAX_TEXT
          ? `${message.text.slice(0, TELEGRAM_MAX_TEXT - 1)}…`
          : message.text;
      const body = JSON.stringify({
        chat_id: options.chatId,
        text,
        disable_web_page_preview: true,
      });
      const { status, text: answer } = await postForAlert(
        `${apiUrl}/bot${options.botToken}/sendMessage`,
        body,
        {},
        timeoutMs,
      );
      if (status >= 200 && status < 300) return;
      const { description, retryAfterS } = describe(answer);
      const reason = redactSecrets(
        `Telegram answered HTTP ${status}${description ? `: ${description}` : ''}`,
        { values: [options.botToken] },
      );
      // 401/404: the token is wrong; 400/403: the chat id is wrong or the bot is not in it.
      throw new AlertDeliveryError(
        isRetryableStatus(status) ? 'HTTP_ERROR' : 'REFUSED',
        reason,
        isRetryableStatus(status),
        retryAfterS === null ? null : retryAfterS * 1000,
      );
    },
  };
}

/** Telegram's error answer: `description`, and `parameters.retry_after` (seconds) on a 429. */
function describe(answer: string): { description: string | null; retryAfterS: number | null } {
  try {
    const parsed = JSON.parse(answer) as {
      description?: unknown;
      parameters?: { retry_after?: unknown };
    };
    const retryAfter = parsed.parameters?.retry_after;
    return {
      description: typeof parsed.description === 'string' ? parsed.description.slice(0, 200) : null,
      retryAfterS:
        typeof retryAfter === 'number' && retryAfter > 0 && retryAfter <= 3600 ? retryAfter : null,
    };
  } catch {
    return { description: null, retryAfterS: null };
  }
}
