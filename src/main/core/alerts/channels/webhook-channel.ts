import { createHmac } from 'node:crypto';
import { AlertDeliveryError } from '../delivery-queue.ts';
import type { AlertMessage } from '../alert-message.ts';
import { DEFAULT_ALERT_TIMEOUT_MS, type AlertChannel } from './alert-channel.ts';
import { isRetryableStatus, postForAlert, safeTarget } from './http-post.ts';

export const SIGNATURE_HEADER = 'X-Alpha-Monitor-Signature';

/** `sha256=<hex>`: HMAC-SHA256 of the raw body with the secret. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * A webhook: the message's JSON (AlertMessage) POSTed to `url`; with a secret, the
 * `X-Alpha-Monitor-Signature` header lets the receiver check it came from us. Any 2xx is
 * delivered.
 */
export function createWebhookChannel(options: {
  url: string;
  secret?: string | null;
  timeoutMs?: number;
}): AlertChannel {
  const timeoutMs = options.timeoutMs ?? DEFAULT_ALERT_TIMEOUT_MS;
  return {
    name: 'webhook',
    target: safeTarget(options.url),
    async send(message: AlertMessage) {
      const body = JSON.stringify(message);
      const headers: Record<string, string> = { 'user-agent': 'alpha-monitor' };
      if (options.secret) headers[SIGNATURE_HEADER] = signBody(body, options.secret);
      const { status } = await postForAlert(options.url, body, headers, timeoutMs);
      if (status >= 200 && status < 300) return;
      throw new AlertDeliveryError(
        isRetryableStatus(status) ? 'HTTP_ERROR' : 'REFUSED',
        `the webhook answered HTTP ${status}`,
        isRetryableStatus(status),
      );
    },
  };
}
