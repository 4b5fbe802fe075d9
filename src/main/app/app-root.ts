/**
 * The application, composed: every service behind the IPC contract, wired by hand. Both
 * Electron main and the browser host build one of these and put a transport in front.
 * Reads like a table of contents; the logic lives in the services.
 */
import { Emitter, type Event } from '../../shared/event/emitter.ts';
import { AsyncDisposableStore, type AsyncDisposable } from '../../shared/lifecycle/disposable.ts';
import type { ContractHandlers } from '../../shared/ipc/dispatch.ts';
import type { EventSink } from '../../shared/ipc/transport.ts';
import { maskingEventSink } from '../../shared/ipc/masking-sink.ts';
import type {
  AccountStorage,
  AccountView,
  HostKind,
  NoticeView,
} from '../../shared/ipc/views-app.ts';
import { SessionJournals } from '../core/journal/session-journals.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';
import { AccountService, probeOutcomeOf } from './account-service.ts';
import { DEMO_ACCOUNT_ID, DemoService } from './demo-service.ts';
import { ExportService } from './export-service.ts';
import { FleetService } from './fleet-service.ts';
import { DemoAccounts } from './demo-accounts.ts';
import { MonitorService } from './monitor-service.ts';
import { NotificationService } from './notification-service.ts';
import { PointsAppService } from './points-app-service.ts';
import { pointsFleetSource } from './points-fleet-source.ts';
import { healthFleetSource } from './health-fleet-source.ts';
import type {
  AccountsPort,
  DemoExchangeFactory,
  ExportTarget,
  MonitorFactory,
  Notifier,
} from './ports.ts';
import { SessionHealthService, type SessionHealthDeps } from './session-health-service.ts';
import { SessionService } from './session-service.ts';
import { SettingsService } from './settings-service.ts';
import { StrategyService } from './strategy-service.ts';
import { trackRequests } from './request-tracker.ts';
import { AlertsAppService } from './alerts-app-service.ts';
import { wireAppAlerts } from './alerts-wiring.ts';
import { createMemorySecretStore, type SecretStore } from '../core/ports/secret-store.ts';
import { overallState, type OverallState } from './overall-state.ts';

export interface AppRootDeps {
  host: HostKind;
  version: string;
  dataDir: string;
  clock: Clock;
  logger: Logger;
  accounts: AccountsPort;
  createMonitor: MonitorFactory;
  createDemoExchange: DemoExchangeFactory;
  exportTarget: ExportTarget;
  /** OS notifications (desktop); the browser host passes none and relies on `notice` events. */
  notifier?: Notifier;
  /** Where events go (the Electron window, or every WebSocket client). */
  events: EventSink;
  batchIntervalMs?: number;
  notificationGroupWindowMs?: number;
  /**
   * Where alert secrets (Telegram bot token, webhook signing secret) are kept: the keychain's
   * alerts service. Without one they are kept in memory for this run only.
   */
  alertSecrets?: SecretStore;
  /** api.telegram.org unless a test points alerts at a loopback fake. */
  telegramApiUrl?: string;
  /** Where added sessions are kept (the browser host without a keychain: memory). */
  accountStorage?: () => AccountStorage;
  /** The account run from `serve --credentials-file`, if any. */
  credentialsFileAccountId?: string;
  /** Session probes (default: hourly, and after a wake-up). */
  sessionProbe?: Pick<SessionHealthDeps, 'intervalMs' | 'tickMs'>;
}

export interface AppRoot extends AsyncDisposable {
  readonly handlers: ContractHandlers;
  readonly settings: SettingsService;
  /** Overall state for the tray: live / reconnecting / failed / stopped. */
  readonly onDidChangeOverallState: Event<OverallState>;
  overallState(): OverallState;
  /** Accounts with their state (the tray's menu). */
  listAccounts(): Promise<AccountView[]>;
  dispose(): Promise<void>;
}

export async function createAppRoot(deps: AppRootDeps): Promise<AppRoot> {
  const store = new AsyncDisposableStore();
  const { clock, logger, accounts } = deps;
  // Every event goes through one masking step: no payload carries a listen key we obtained.
  const events = maskingEventSink(deps.events);

  // --- services ---
  const settings = new SettingsService(deps.dataDir, logger);
  await settings.load();
  const journals = new SessionJournals(deps.dataDir, clock);
  const monitors = store.add(
    new MonitorService({
      createMonitor: deps.createMonitor,
      runOptions: () => ({ reconcileIntervalMs: settings.get().reconcileIntervalS * 1000 }),
      journals,
      clock,
      logger,
      batchIntervalMs: deps.batchIntervalMs,
    }),
  );
  const strategies = store.add(new StrategyService({ clock, logger }));
  const demo = store.add(new DemoService(deps.createDemoExchange));
  const labels = new Map<string, string>();
  const sessions = new SessionService(
    journals,
    (sessionId) => [...labels.keys()].some((id) => monitors.runtime(id)?.sessionId === sessionId),
    async (sessionId) => {
      for (const id of labels.keys()) {
        const runtime = monitors.runtime(id);
        if (runtime?.sessionId === sessionId) await runtime.flushJournal();
      }
    },
    (sessionId) => deps.exportTarget.discardSession?.(sessionId) ?? Promise.resolve(0),
  );
  const points = store.add(
    new PointsAppService({
      clock,
      logger,
      targetPoints: () => settings.get().dailyPointsTarget,
    }),
  );
  const exports = new ExportService(
    sessions,
    deps.exportTarget,
    (progress) => events.emit('exportProgress', progress),
    (accountId) => points.mulPoints(accountId),
  );
  const showNotice = (notice: NoticeView) => {
    events.emit('notice', notice);
    // The demo's fills show in the window only: a demo should not nag with OS notifications.
    if (notice.accountId === DEMO_ACCOUNT_ID && notice.kind !== 'session-failure') return;
    deps.notifier?.show(notice, () => {
      if (notice.orderId)
        events.emit('openOrder', { accountId: notice.accountId, orderId: notice.orderId });
    });
  };
  const notifications = store.add(
    new NotificationService(
      clock,
      () => settings.get(),
      { notify: showNotice },
      (id) => labels.get(id) ?? id,
      deps.notificationGroupWindowMs,
    ),
  );
  store.add(
    strategies.onDidStopAccount(({ accountId, code }) =>
      notifications.onStrategyStopped(accountId, code),
    ),
  );
  const overallEmitter = store.add(new Emitter<OverallState>({ name: 'app-root.overall-state' }));
  const alerts = store.add(
    new AlertsAppService({
      dataDir: deps.dataDir,
      clock,
      logger,
      secrets: deps.alertSecrets ?? createMemorySecretStore(),
      language: () => settings.get().language,
      accountLabel: (id) => labels.get(id) ?? id,
      isDemoAccount: (id) => id === DEMO_ACCOUNT_ID,
      telegramApiUrl: deps.telegramApiUrl,
    }),
  );
  await alerts.load();
  const health = store.add(
    new SessionHealthService({
      clock,
      logger,
      ...deps.sessionProbe,
      accountIds: async () =>
        (await accounts.list())
          .filter((a) => a.id !== DEMO_ACCOUNT_ID && a.environment !== 'demo')
          .map((a) => a.id),
      probe: async (accountId) => {
        try {
          await accounts.verify(accountId);
          return 'OK';
        } catch (error) {
          return probeOutcomeOf(error);
        }
      },
    }),
  );
  const fleetHealth = healthFleetSource(health);
  const fleet = store.add(
    new FleetService({
      clock,
      monitors,
      points: pointsFleetSource(points, clock),
      sessionHealth: fleetHealth,
    }),
  );

  const accountService = new AccountService({
    accounts,
    clock,
    labels,
    monitors,
    points,
    strategies,
    health,
    fleet,
    fleetHealth,
    events,
  });
  const demoAccounts = new DemoAccounts({ demo, accounts, accountService, labels, events });
  const publishAccounts = () => accountService.publish();
  const currentOverall = () =>
    overallState([...labels.keys()].map((id) => monitors.connection(id).state));

  // --- wiring between services ---
  store.add(monitors.onDidBatch((batch) => events.emit('orderUpdates', batch)));
  store.add(
    monitors.onDidChangeConnection((view) => {
      events.emit('connectionChanged', view);
      overallEmitter.fire(currentOverall());
    }),
  );
  store.add(
    monitors.onDidAcceptUpdate(({ accountId, view }) =>
      notifications.onAcceptedUpdate(accountId, view),
    ),
  );
  store.add(
    monitors.onDidHitProblem(({ accountId, code, reason }) =>
      notifications.onSessionFailure(accountId, { code, reason }),
    ),
  );
  store.add(
    monitors.onDidHitProblem(({ accountId, code }) => {
      if (code === 'SESSION_EXPIRED' || code === 'VERIFICATION_REQUIRED')
        health.record(accountId, code);
    }),
  );
  store.add(health.onDidChange(() => void publishAccounts().catch(() => {})));
  store.add(strategies.onDidProgress((progress) => events.emit('strategyProgress', progress)));
  store.add(
    strategies.onDidPlaceOrders(({ accountId, orderIds }) => {
      monitors.runtime(accountId)?.markStrategyOrders(orderIds);
    }),
  );
  store.add(settings.onDidChange((value) => events.emit('settingsChanged', value)));
  store.add(alerts.onDidChange((view) => events.emit('alertSettingsChanged', view)));
  store.add(wireAppAlerts({ alerts, monitors, strategies, clock }));
  store.add(points.onDidChange((view) => events.emit('pointsChanged', view)));
  store.add(
    monitors.onDidAcceptUpdate(({ accountId, view }) => points.onOrderUpdate(accountId, view)),
  );
  store.add(settings.onDidChange(() => points.retarget()));
  store.add(fleet.onDidChange((update) => events.emit('fleetChanged', update)));

  // --- the contract ---
  const requests = trackRequests({
    getAppInfo: async () => ({
      name: 'Alpha Monitor',
      version: deps.version,
      host: deps.host,
      firstRun: (await accounts.list()).length === 0,
      demoRunning: demo.running,
      platform: process.platform,
      accountStorage: deps.accountStorage?.() ?? 'keychain',
      credentialsFileAccountId: deps.credentialsFileAccountId ?? null,
    }),
    listAccounts: () => accountService.views(),
    addAccountFromCurl: (input) => accountService.addFromCurl(input),
    reimportAccountFromCurl: (input) => accountService.reimportFromCurl(input),
    verifyAccount: ({ accountId }) => accountService.verify(accountId),
    removeAccount: ({ accountId }) => accountService.remove(accountId),
    startMonitor: ({ accountId }) => accountService.start(accountId),
    stopMonitor: ({ accountId }) => accountService.stop(accountId),
    getMonitorSnapshot: ({ accountId }) => monitors.snapshot(accountId),
    listConnections: async () => monitors.connections((await accounts.list()).map((a) => a.id)),
    getFleet: async () => {
      await accountService.views();
      return fleet.snapshot();
    },
    startMonitors: ({ accountIds }) =>
      accountService.forEach(accountIds, (id) => accountService.startOne(id)),
    stopMonitors: ({ accountIds }) =>
      accountService.forEach(accountIds, (id) => accountService.stopOne(id)),
    startDemo: (options) => demoAccounts.start(options),
    stopDemo: () => demoAccounts.stop(),
    getDemoStatus: () => demo.status(),
    listSessions: (filter) => sessions.list(filter?.accountId),
    openSession: ({ sessionId }) => sessions.open(sessionId),
    deleteSession: ({ sessionId }) => sessions.delete(sessionId),
    exportUpdatesCsv: ({ sessionId }) => exports.updates(sessionId),
    exportOrdersCsv: ({ sessionId }) => exports.orders(sessionId),
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    startStrategy: async (params) => {
      if (!monitors.isRunning(params.accountId)) await accountService.start(params.accountId);
      const connection = await accounts.connection(params.accountId);
      const view = strategies.start(
        params,
        connection,
        accountService.strategyMonitorOf(params.accountId),
      );
      await publishAccounts();
      return view;
    },
    stopStrategy: async ({ accountId }) => {
      const view = await strategies.stop(accountId);
      await publishAccounts();
      return view;
    },
    getStrategyProgress: ({ accountId }) => strategies.progress(accountId),
    estimateStrategy: async (params) =>
      strategies.estimate(params, await accounts.connection(params.accountId)),
    getAlertSettings: () => alerts.view(),
    updateAlertSettings: (patch) => alerts.update(patch),
    setAlertSecret: ({ name, value }) => alerts.setSecret(name, value),
    sendTestAlert: () => alerts.sendTest(),
    getPoints: ({ accountId }) => points.view(accountId),
    listPoints: () => points.views(),
    refreshPoints: ({ accountId }) => points.refresh(accountId),
    exportDailySummaryCsv: async ({ accountId }) =>
      exports.dailySummary(
        labels.get(accountId) ?? accountId,
        await points.dailySummary(accountId),
      ),
  });

  await accountService.views();
  health.start();
  return {
    handlers: requests.handlers,
    settings,
    onDidChangeOverallState: overallEmitter.event,
    overallState: currentOverall,
    listAccounts: () => accountService.views(),
    async dispose() {
      await requests.close();
      await strategies.dispose();
      await monitors.dispose();
      await store.dispose();
    },
  };
}
