export type { AlertEvent, AlertEventOf, AlertGroup } from './alert-event.ts';
export { AlertService, type AlertTestResult } from './alert-service.ts';
export { createAlertChannelResolver, type AlertChannelResolver } from './alert-channels.ts';
export { AlertSecrets, alertsKeychainService, type AlertSecretsStatus } from './alert-secrets.ts';
export { ALERT_SCHEMA, type AlertMessage } from './alert-message.ts';
export { MonitorAlerts } from './monitor-alerts.ts';
export { AlertDeliveryError, type AlertDeliveryErrorCode } from './delivery-queue.ts';
export { SIGNATURE_HEADER, signBody } from './channels/webhook-channel.ts';
export {
  TELEGRAM_API_URL,
  TELEGRAM_API_URL_ENV_VAR,
  telegramApiUrlFromEnv,
} from './channels/telegram-channel.ts';
export type { AlertChannelName } from './channels/alert-channel.ts';
export { MAX_LISTED_EVENTS, formatAlertText } from './alert-text.ts';
export { strategyAlertOf, WEAR_LIMIT_CODES } from './strategy-alerts.ts';
export {
  alertsFilePath,
  AlertSettingsFileError,
  readAlertSettingsFile,
  writeAlertSettingsFile,
} from './alert-settings-file.ts';
