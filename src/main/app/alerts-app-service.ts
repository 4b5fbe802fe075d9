import {
  DEFAULT_ALERT_SETTINGS,
  mergeAlertSettings,
  type AlertSecretName,
  type AlertSettings,
  type AlertSettingsPatch,
} from '../../shared/alerts/alert-settings.ts';
import type { AlertSettingsView, AlertTestResultView } from '../../shared/alerts/alert-views.ts';
import { Emitter, type Event } from '../../shared/event/emitter.ts';
import type { LanguageSetting } from '../../shared/ipc/views-app.ts';
import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import {
  AlertSecrets,
  AlertService,
  AlertSettingsFileError,
  alertsFilePath,
  createAlertChannelResolver,
  MonitorAlerts,
  readAlertSettingsFile,
  writeAlertSettingsFile,
  type AlertEvent,
} from '../core/alerts/index.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { SecretStore } from '../core/ports/secret-store.ts';

/**
 * Alerts in the app: settings in `<data folder>/alerts.json`, secrets in the keychain (the
 * alerts' own service), the engine's AlertService for delivery, and MonitorAlerts for what
 * monitors report. `publish` is what every source calls.
 */
export class AlertsAppService implements Disposable {
  private current: AlertSettings = structuredClone(DEFAULT_ALERT_SETTINGS);
  private readonly secrets: AlertSecrets;
  private readonly service: AlertService;
  readonly monitorAlerts: MonitorAlerts;
  private readonly changed = new Emitter<AlertSettingsView>({ name: 'alerts-app-service.change' });
  readonly onDidChange: Event<AlertSettingsView> = this.changed.event;

  constructor(
    private readonly deps: {
      dataDir: string;
      clock: Clock;
      logger: Logger;
      secrets: SecretStore;
      language: () => LanguageSetting;
      accountLabel: (accountId: string) => string;
      isDemoAccount: (accountId: string) => boolean;
      /** api.telegram.org unless a test points it at a loopback fake. */
      telegramApiUrl?: string;
    },
  ) {
    this.secrets = new AlertSecrets(deps.secrets);
    this.service = new AlertService({
      clock: deps.clock,
      logger: deps.logger,
      settings: () => this.current,
      language: deps.language,
      channels: createAlertChannelResolver({
        secrets: this.secrets,
        telegramApiUrl: deps.telegramApiUrl,
      }),
      accountLabel: deps.accountLabel,
      isDemoAccount: deps.isDemoAccount,
    });
    this.monitorAlerts = new MonitorAlerts({
      clock: deps.clock,
      publish: (event) => this.publish(event),
      accountDownMs: () => this.current.accountDownMinutes * 60_000,
    });
  }

  private get path(): string {
    return alertsFilePath(this.deps.dataDir);
  }

  /** Reads alerts.json; a damaged file leaves alerts off (and says so in the log). */
  async load(): Promise<void> {
    try {
      this.current = await readAlertSettingsFile(this.path, { missingOk: true });
    } catch (error) {
      if (!(error instanceof AlertSettingsFileError)) throw error;
      this.deps.logger.warn('alerts.json is not valid; alerts are off until it is fixed', {
        path: this.path,
        problem: error.problem,
      });
    }
  }

  publish(event: AlertEvent): void {
    this.service.publish(event);
  }

  async view(): Promise<AlertSettingsView> {
    return { settings: structuredClone(this.current), secrets: await this.secretsStatus() };
  }

  async update(patch: AlertSettingsPatch): Promise<AlertSettingsView> {
    const next = mergeAlertSettings(this.current, patch);
    await writeAlertSettingsFile(this.path, next);
    this.current = next;
    return this.fireChanged();
  }

  /** Stores (or with null/empty removes) a secret in the keychain. */
  async setSecret(name: AlertSecretName, value: string | null): Promise<AlertSettingsView> {
    await this.secrets.set(name, value);
    return this.fireChanged();
  }

  sendTest(): Promise<AlertTestResultView[]> {
    return this.service.sendTest();
  }

  private async fireChanged(): Promise<AlertSettingsView> {
    const view = await this.view();
    this.changed.fire(view);
    return view;
  }

  /** Without a keychain the view says no secret is set (they cannot be stored either). */
  private async secretsStatus(): Promise<AlertSettingsView['secrets']> {
    try {
      return await this.secrets.status();
    } catch {
      return { telegramBotToken: false, webhookSecret: false };
    }
  }

  dispose(): void {
    this.monitorAlerts.dispose();
    this.service.dispose();
    this.changed.dispose();
  }
}
