import type { AlertSecretName } from '../../../shared/alerts/alert-settings.ts';
import type { SecretStore } from '../ports/secret-store.ts';

/**
 * The keychain service of alert secrets: the accounts' service with `.alerts` added, so an
 * alert secret is never mistaken for an account's session (nor listed as one).
 */
export function alertsKeychainService(accountsService: string): string {
  return `${accountsService}.alerts`;
}

/** Whether each secret is set; values never leave this class except to a channel. */
export type AlertSecretsStatus = Record<AlertSecretName, boolean>;

/** The Telegram bot token and the webhook signing secret, in the keychain. */
export class AlertSecrets {
  constructor(private readonly store: SecretStore) {}

  get(name: AlertSecretName): Promise<string | null> {
    return this.store.getPassword(name);
  }

  /** Stores a value; null or an empty value removes it. */
  async set(name: AlertSecretName, value: string | null): Promise<void> {
    const trimmed = value?.trim() ?? '';
    if (trimmed === '') await this.store.deletePassword(name);
    else await this.store.setPassword(name, trimmed);
  }

  async status(): Promise<AlertSecretsStatus> {
    const [telegramBotToken, webhookSecret] = await Promise.all([
      this.get('telegramBotToken'),
      this.get('webhookSecret'),
    ]);
    return { telegramBotToken: telegramBotToken !== null, webhookSecret: webhookSecret !== null };
  }
}
