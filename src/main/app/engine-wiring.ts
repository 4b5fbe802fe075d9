/**
 * The one dependency set both composition roots hand to createAppRoot: the Electron main
 * (src/main/index.ts) and the browser host / `fleet` (src/main/host/run-host.ts) differ only in
 * their transport, platform adapters and where secrets fall back to, never in the engine.
 */
import { createKeyringSecretStore, keychainServiceFromEnv } from '../core/accounts/index.ts';
import { alertsKeychainService, telegramApiUrlFromEnv } from '../core/alerts/index.ts';
import { systemClock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { SecretStore } from '../core/ports/secret-store.ts';
import { AccountsAdapter } from './accounts-adapter.ts';
import type { AppRootDeps } from './app-root.ts';
import { createEngineMonitorFactory, createSimulatorDemoFactory } from './engine-adapters.ts';

/** The OS keychain's two services: the accounts' sessions and the alerts' secrets. */
export function keychainStores(env: NodeJS.ProcessEnv = process.env): {
  accounts: SecretStore;
  alerts: SecretStore;
} {
  const service = keychainServiceFromEnv(env);
  return {
    accounts: createKeyringSecretStore({ service }),
    alerts: createKeyringSecretStore({ service: alertsKeychainService(service) }),
  };
}

export interface EngineAppDepsOptions {
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  /** Where accounts.json and the per-account endpoints are kept. */
  accountsDir: string;
  accountSecrets: SecretStore;
  alertSecrets: SecretStore;
  /** The exchange for accounts added without one (`serve --rest-url`); default Binance's. */
  defaultRestUrl?: string;
  defaultWsUrl?: string;
}

/** The engine behind the app: accounts, monitors (the engine-session factory), the demo exchange, alerts. */
export function engineAppDeps(
  options: EngineAppDepsOptions,
): Pick<
  AppRootDeps,
  'clock' | 'logger' | 'createMonitor' | 'createDemoExchange' | 'alertSecrets' | 'telegramApiUrl'
> & { accounts: AccountsAdapter } {
  const clock = systemClock;
  const { logger } = options;
  return {
    clock,
    logger,
    accounts: new AccountsAdapter({
      dataDir: options.accountsDir,
      secrets: options.accountSecrets,
      clock,
      logger,
      defaultRestUrl: options.defaultRestUrl,
      defaultWsUrl: options.defaultWsUrl,
    }),
    createMonitor: createEngineMonitorFactory({ clock, logger }),
    createDemoExchange: createSimulatorDemoFactory(),
    alertSecrets: options.alertSecrets,
    telegramApiUrl: telegramApiUrlFromEnv(options.env ?? process.env),
  };
}
