import type { AlertSettings } from '../../../shared/alerts/alert-settings.ts';
import type { AlertSecrets } from './alert-secrets.ts';
import type { AlertChannel, AlertChannelName } from './channels/alert-channel.ts';
import { createTelegramChannel } from './channels/telegram-channel.ts';
import { createWebhookChannel } from './channels/webhook-channel.ts';

/** Builds a channel from the settings and the keychain at the moment of sending. */
export interface AlertChannelResolver {
  /** The channels the settings turn on (a Telegram channel needs its token too, see `resolve`). */
  enabled(settings: AlertSettings): AlertChannelName[];
  /** The channel ready to send, or a reason code why not. */
  resolve(
    name: AlertChannelName,
    settings: AlertSettings,
  ): Promise<AlertChannel | { missing: 'WEBHOOK_URL' | 'TELEGRAM_CHAT' | 'TELEGRAM_TOKEN' }>;
  /** Secret values no message may contain. */
  secretValues(): Promise<string[]>;
}

export function createAlertChannelResolver(options: {
  secrets: AlertSecrets;
  /** api.telegram.org unless a test points it at a loopback fake. */
  telegramApiUrl?: string;
  timeoutMs?: number;
}): AlertChannelResolver {
  const { secrets } = options;
  return {
    enabled(settings) {
      const names: AlertChannelName[] = [];
      if (settings.webhook.enabled && settings.webhook.url) names.push('webhook');
      if (settings.telegram.enabled && settings.telegram.chatId) names.push('telegram');
      return names;
    },
    async resolve(name, settings) {
      if (name === 'webhook') {
        if (!settings.webhook.url) return { missing: 'WEBHOOK_URL' };
        return createWebhookChannel({
          url: settings.webhook.url,
          secret: await secrets.get('webhookSecret'),
          timeoutMs: options.timeoutMs,
        });
      }
      if (!settings.telegram.chatId) return { missing: 'TELEGRAM_CHAT' };
      const botToken = await secrets.get('telegramBotToken');
      if (!botToken) return { missing: 'TELEGRAM_TOKEN' };
      return createTelegramChannel({
        botToken,
        chatId: settings.telegram.chatId,
        apiUrl: options.telegramApiUrl,
        timeoutMs: options.timeoutMs,
      });
    },
    async secretValues() {
      const values = await Promise.all([
        secrets.get('telegramBotToken'),
        secrets.get('webhookSecret'),
      ]);
      return values.filter((v): v is string => v !== null);
    },
  };
}
