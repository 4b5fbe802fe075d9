import { access } from 'node:fs/promises';
import {
  alertSettingsPatchSchema,
  mergeAlertSettings,
  type AlertSecretName,
  type AlertSettings,
} from '../../../shared/alerts/alert-settings.ts';
import { createKeyringSecretStore, keychainServiceFromEnv } from '../../core/accounts/index.ts';
import {
  AlertSecrets,
  AlertService,
  AlertSettingsFileError,
  alertsFilePath,
  alertsKeychainService,
  createAlertChannelResolver,
  readAlertSettingsFile,
  telegramApiUrlFromEnv,
} from '../../core/alerts/index.ts';
import { systemClock } from '../../core/ports/clock.ts';
import type { Logger } from '../../core/ports/logger.ts';
import { SecretStoreError, type SecretStore } from '../../core/ports/secret-store.ts';
import { resolveAppDataDir } from '../../core/paths/app-data-dir.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import type { Lang } from '../i18n/lang.ts';
import { alertsMessages } from './alerts-messages.ts';

/** Secrets from the environment win over the keychain (a headless box may have none). */
export const SECRET_ENV_VARS: Record<AlertSecretName, string> = {
  telegramBotToken: 'ALPHA_MONITOR_TELEGRAM_BOT_TOKEN',
  webhookSecret: 'ALPHA_MONITOR_WEBHOOK_SECRET',
};

/** The keychain's alerts service. */
export function openAlertsKeychain(env: NodeJS.ProcessEnv): SecretStore {
  return createKeyringSecretStore({ service: alertsKeychainService(keychainServiceFromEnv(env)) });
}

/**
 * Alert secrets as the CLI reads them: the environment variable, else the keychain; no
 * keychain on this machine reads as "not set" (a webhook without signature still works).
 */
export function cliAlertSecrets(env: NodeJS.ProcessEnv, keychain: SecretStore): AlertSecrets {
  const fromEnv = (account: string) => {
    const name = SECRET_ENV_VARS[account as AlertSecretName];
    const value = name ? env[name]?.trim() : undefined;
    return value ? value : null;
  };
  return new AlertSecrets({
    async getPassword(account) {
      const value = fromEnv(account);
      if (value !== null) return value;
      try {
        return await keychain.getPassword(account);
      } catch (error) {
        if (error instanceof SecretStoreError && error.code === 'SECRET_STORE_UNAVAILABLE')
          return null;
        throw error;
      }
    },
    setPassword: (account, secret) => keychain.setPassword(account, secret),
    deletePassword: (account) => keychain.deletePassword(account),
    findCredentials: () => keychain.findCredentials(),
  });
}

/** Where the settings come from and whether that file exists. */
export async function settingsPathOf(
  configPath: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<{ path: string; exists: boolean; explicit: boolean }> {
  const path = configPath ?? alertsFilePath(resolveAppDataDir(env));
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  return { path, exists, explicit: configPath !== undefined };
}

/**
 * The settings of one command: the file (`--alerts-config`, else the app's alerts.json),
 * then `--webhook` / `--telegram-chat` turning that channel on. Bad input is a usage error.
 */
export async function resolveCliAlertSettings(
  options: { configPath?: string; webhook?: string; telegramChat?: string },
  env: NodeJS.ProcessEnv,
  lang: Lang,
): Promise<AlertSettings> {
  const m = alertsMessages(lang);
  const { path, explicit } = await settingsPathOf(options.configPath, env);
  let settings: AlertSettings;
  try {
    settings = await readAlertSettingsFile(path, { missingOk: !explicit });
  } catch (error) {
    if (error instanceof AlertSettingsFileError)
      throw new CliError(m.badOption('--alerts-config', error.message), ExitCode.usage);
    throw error;
  }
  const patch = alertSettingsPatchSchema.safeParse({
    ...(options.webhook === undefined ? {} : { webhook: { enabled: true, url: options.webhook } }),
    ...(options.telegramChat === undefined
      ? {}
      : { telegram: { enabled: true, chatId: options.telegramChat } }),
  });
  if (!patch.success) {
    const issue = patch.error.issues[0];
    const option = issue?.path[0] === 'webhook' ? '--webhook' : '--telegram-chat';
    throw new CliError(m.badOption(option, issue?.message ?? 'not valid'), ExitCode.usage);
  }
  return mergeAlertSettings(settings, patch.data);
}

/** An AlertService for one CLI run (system clock, the CLI's language). */
export function createCliAlertService(options: {
  settings: AlertSettings;
  env: NodeJS.ProcessEnv;
  lang: Lang;
  logger: Logger;
  keychain?: SecretStore;
  /** The demo's account: its fills alert only with `demoFills` on. */
  demoAccountId?: string;
}): AlertService {
  const secrets = cliAlertSecrets(options.env, options.keychain ?? openAlertsKeychain(options.env));
  return new AlertService({
    clock: systemClock,
    logger: options.logger,
    settings: () => options.settings,
    language: () => options.lang,
    channels: createAlertChannelResolver({
      secrets,
      telegramApiUrl: telegramApiUrlFromEnv(options.env),
    }),
    isDemoAccount: (accountId) => accountId === options.demoAccountId,
  });
}
