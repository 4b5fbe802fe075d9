import { MonitorAlerts } from '../../core/alerts/index.ts';
import type { AccountMonitor } from '../../core/monitor/index.ts';
import { systemClock } from '../../core/ports/clock.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { CliContext } from '../common/cli-context.ts';
import { alertsMessages } from './alerts-messages.ts';
import { createCliAlertService, resolveCliAlertSettings } from './cli-alerts.ts';

/** How long `watch` waits at exit for alerts still being delivered. */
export const WATCH_ALERT_FLUSH_MS = 15_000;

/** `watch`'s alert options, as parsed. */
export interface WatchAlertOptions {
  webhook?: string;
  telegramChat?: string;
  alertsConfig?: string;
}

export interface WatchAlerts {
  /** Sends what the rate limit holds back and waits (bounded) for delivery; then stops. */
  close(): Promise<void>;
}

/**
 * `watch --webhook <url>` / `--telegram-chat <id>` / `--alerts-config <path>`: the same
 * alerts as the app (session expired, verification needed, fills, missed updates, down for
 * N minutes) for this one account. Null when none of the options is given. Delivery problems
 * go to `logger` (watch's CLI logger: stderr only with `--verbose`); at the end, one friendly
 * line says how many alerts did not go out.
 */
export async function openWatchAlerts(
  options: WatchAlertOptions,
  monitor: AccountMonitor,
  account: { accountId: string; demo: boolean },
  context: CliContext,
  logger: Logger,
): Promise<WatchAlerts | null> {
  const { accountId } = account;
  if (!options.webhook && !options.telegramChat && !options.alertsConfig) return null;
  const m = alertsMessages(context.lang);
  const settings = await resolveCliAlertSettings(
    {
      configPath: options.alertsConfig,
      webhook: options.webhook,
      telegramChat: options.telegramChat,
    },
    context.env,
    context.lang,
  );
  const service = createCliAlertService({
    settings,
    env: context.env,
    lang: context.lang,
    logger: logger.child({ component: 'watch-alerts' }),
    demoAccountId: account.demo ? accountId : undefined,
  });
  const source = new MonitorAlerts({
    clock: systemClock,
    publish: (event) => service.publish(event),
    accountDownMs: () => settings.accountDownMinutes * 60_000,
  });
  const channels = [
    settings.webhook.enabled && settings.webhook.url ? 'webhook' : null,
    settings.telegram.enabled && settings.telegram.chatId ? 'telegram' : null,
  ].filter((c) => c !== null);
  context.stderr(m.watchAlerts(channels.length > 0 ? channels.join(', ') : m.off) + '\n');
  const subscriptions = [
    monitor.onDidChangeState(({ state }) =>
      source.onState(accountId, state.name, state.name === 'failed' ? state.code : null),
    ),
    monitor.onDidReceiveOrderUpdate((event) => {
      if (event.accepted)
        source.onUpdate(
          accountId,
          event.update,
          event.verdict,
          monitor.book.statusOf(event.update.orderId),
        );
    }),
    monitor.onDidReconcile((event) => source.onReconcile(accountId, event.missedByStream)),
  ];
  return {
    async close() {
      for (const s of subscriptions) s.dispose();
      source.dispose();
      const why = context.logFile ? m.whyInLog(context.logFile.path) : m.whyVerbose;
      if (!(await service.flush(WATCH_ALERT_FLUSH_MS)))
        context.stderr(m.watchUndelivered(why) + '\n');
      const dropped = Object.values(service.stats()).reduce((n, s) => n + s.dropped, 0);
      if (dropped > 0) context.stderr(m.watchDropped(dropped, why) + '\n');
      service.dispose();
    },
  };
}
