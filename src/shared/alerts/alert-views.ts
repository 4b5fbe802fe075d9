import type { AlertSettings } from './alert-settings.ts';

/** Alerts settings as the renderer sees them: whether each secret is set, never its value. */
export interface AlertSettingsView {
  settings: AlertSettings;
  secrets: { telegramBotToken: boolean; webhookSecret: boolean };
}

/** How one channel's test message went. */
export interface AlertTestResultView {
  channel: 'webhook' | 'telegram';
  /** Where it went, safe to show (`https://hooks.example.com/…`, `chat 12345`); null on failure. */
  target: string | null;
  ok: boolean;
  /**
   * Why not: `REFUSED` (4xx: wrong URL, token or chat), `HTTP_ERROR` (5xx), `NETWORK`,
   * `TIMEOUT`, `WEBHOOK_URL_MISSING`, `TELEGRAM_CHAT_MISSING`, `TELEGRAM_TOKEN_MISSING`.
   */
  code: string | null;
  /** Plain language (English), never a secret; the renderer translates by `code`. */
  message: string | null;
}
