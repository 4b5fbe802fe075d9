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
import type { FleetActionResult } from '../../shared/ipc/views-fleet.ts';
import { SessionJournals } from '../core/journal/session-journals.ts';
import type { VerificationOutcome } from '../core/accounts/index.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';
import { appError } from './app-error.ts';
import { DEMO_ACCOUNT_ID, DemoService } from './demo-service.ts';
import { ExportService } from './export-service.ts';
import { FleetService } from './fleet-service.ts';
import { demoFleetAccountId, demoFleetLabel, isDemoAccountId } from './demo-fleet.ts';
import { MonitorService } from './monitor-service.ts';
import { NotificationService } from './notification-service.ts';
import { PointsAppService } from './points-app-service.ts';
import { pointsFleetSource } from './points-fleet-source.ts';
import { healthFleetSource } from './health-fleet-source.ts';
import type {
  AccountConnection,
  AccountsPort,
  DemoExchangeFactory,
  ExportTarget,
  MonitorFactory,
  Notifier,
} from './ports.ts';
import { SessionHealthService, type SessionHealthDeps } from './session-health-service.ts';
import { SessionService } from './session-service.ts';
import { SettingsService } from './settings-service.ts';
import { StrategyService, type StrategyMonitor } from './strategy-service.ts';
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
  const overallEmitter = store.add(new Emitter<OverallState>());
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

  // --- views ---
  const accountViews = async (): Promise<AccountView[]> => {
    const records = await accounts.list();
    for (const r of records) labels.set(r.id, r.label);
    fleetHealth.noteCopyWarnings(records);
    fleet.setAccounts(
      records.map((r) => ({
        id: r.id,
        label: r.label,
        environment: isDemoAccountId(r.id) ? 'demo' : r.environment,
      })),
    );
    return records.map((r) => {
      const state = monitors.connection(r.id).state;
      return {
        ...r,
        environment: isDemoAccountId(r.id) ? 'demo' : r.environment,
        monitorState: state,
        running: monitors.isRunning(r.id),
        strategyRunning: strategies.isRunning(r.id),
        sessionHealth: health.view(r.id, r.copyWarnings),
      };
    });
  };
  const publishAccounts = async () => events.emit('accountsChanged', await accountViews());
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
  /** A monitor and the account's points service start and stop together. */
  const startWatching = (connection: AccountConnection) => {
    const { accountId } = connection;
    const view = monitors.start(connection, labels.get(accountId) ?? accountId);
    points.start(connection);
    return view;
  };
  const stopWatching = (accountId: string) => {
    points.stop(accountId);
    return monitors.stop(accountId);
  };
  store.add(fleet.onDidChange((update) => events.emit('fleetChanged', update)));

  const startOne = async (accountId: string) => {
    const connection = await accounts.connection(accountId);
    if (!labels.has(accountId)) await accountViews();
    return startWatching(connection);
  };
  const stopOne = async (accountId: string) => {
    await strategies.stop(accountId);
    return stopWatching(accountId);
  };
  const startMonitor = async (accountId: string) => {
    const view = await startOne(accountId);
    await publishAccounts();
    return view;
  };
  const stopMonitor = async (accountId: string) => {
    const view = await stopOne(accountId);
    await publishAccounts();
    return view;
  };
  /** Several accounts at once (the fleet view): one account list event at the end. */
  const forEachAccount = async (
    accountIds: readonly string[],
    action: (accountId: string) => Promise<unknown>,
  ): Promise<FleetActionResult> => {
    const result: FleetActionResult = { done: [], failed: [] };
    for (const accountId of new Set(accountIds)) {
      try {
        await action(accountId);
        result.done.push(accountId);
      } catch (error) {
        const { code, message } = error as { code?: unknown; message?: unknown };
        result.failed.push({
          accountId,
          code: typeof code === 'string' ? code : 'INTERNAL',
          message: typeof code === 'string' && typeof message === 'string' ? message : '',
        });
      }
    }
    await publishAccounts();
    return result;
  };
  const strategyMonitorOf = (accountId: string): StrategyMonitor => ({
    orderUpdates: (listener) =>
      monitors.onDidAcceptUpdate((e) => {
        if (e.accountId === accountId) listener(e.view.update);
      }),
    connection: () => monitors.connection(accountId),
    onDidChangeConnection: (listener) =>
      monitors.onDidChangeConnection((view) => {
        if (view.accountId === accountId) listener(view);
      }),
  });

  // --- the contract ---
  const handlers: ContractHandlers = {
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
    listAccounts: () => accountViews(),
    addAccountFromCurl: async (input) => {
      const result = await accounts.addFromCurl(input);
      health.record(result.account.id, 'OK');
      const account = (await accountViews()).find((a) => a.id === result.account.id)!;
      await publishAccounts();
      return { account, warnings: result.warnings, found: result.found };
    },
    reimportAccountFromCurl: async (input) => {
      // A monitor on the old session would keep failing: it is restarted on the new one.
      const wasRunning =
        monitors.isRunning(input.accountId) ||
        monitors.connection(input.accountId).state === 'failed';
      const result = await accounts.reimportFromCurl(input);
      health.record(input.accountId, 'OK');
      if (wasRunning) {
        await stopMonitor(input.accountId);
        await startMonitor(input.accountId);
      }
      const account = (await accountViews()).find((a) => a.id === input.accountId)!;
      await publishAccounts();
      return { account, warnings: result.warnings, found: result.found };
    },
    verifyAccount: async ({ accountId }) => {
      const verifiedAtMs = clock.now();
      try {
        const { userId } = await accounts.verify(accountId);
        health.record(accountId, 'OK');
        await publishAccounts();
        return {
          accountId,
          status: 'valid',
          code: null,
          message: 'The session works.',
          userId,
          verifiedAtMs,
        };
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'ERROR';
        if (code === 'ACCOUNT_NOT_FOUND') throw error;
        health.record(accountId, probeOutcomeOf(error));
        const status =
          code === 'SESSION_EXPIRED'
            ? 'expired'
            : code === 'VERIFICATION_REQUIRED'
              ? 'verification-required'
              : code === 'UNREACHABLE'
                ? 'unreachable'
                : 'error';
        return {
          accountId,
          status,
          code,
          message: (error as Error).message,
          userId: null,
          verifiedAtMs,
        };
      }
    },
    removeAccount: async ({ accountId }) => {
      await stopMonitor(accountId);
      await accounts.remove(accountId);
      labels.delete(accountId);
      points.forget(accountId);
      health.forget(accountId);
      monitors.forget(accountId);
      await publishAccounts();
      return null;
    },
    startMonitor: ({ accountId }) => startMonitor(accountId),
    stopMonitor: ({ accountId }) => stopMonitor(accountId),
    getMonitorSnapshot: ({ accountId }) => monitors.snapshot(accountId),
    listConnections: async () => monitors.connections((await accounts.list()).map((a) => a.id)),
    getFleet: async () => {
      await accountViews();
      return fleet.snapshot();
    },
    startMonitors: ({ accountIds }) => forEachAccount(accountIds, startOne),
    stopMonitors: ({ accountIds }) => forEachAccount(accountIds, stopOne),
    startDemo: async (options) => {
      const exchange = await demo.start(options?.activity ?? true);
      await accounts.addDirect({
        id: DEMO_ACCOUNT_ID,
        label: 'Demo',
        environment: 'demo',
        connection: {
          accountId: DEMO_ACCOUNT_ID,
          credentials: exchange.credentials,
          restUrl: exchange.restUrl,
          wsUrl: exchange.wsUrl,
        },
      });
      for (let n = 2; n <= (options?.accounts ?? 1); n++) {
        const id = demoFleetAccountId(n);
        if ((await accounts.list()).some((a) => a.id === id)) continue;
        await accounts.addDirect({
          id,
          label: demoFleetLabel(n),
          environment: 'demo',
          connection: {
            accountId: id,
            credentials: exchange.addAccount(),
            restUrl: exchange.restUrl,
            wsUrl: exchange.wsUrl,
          },
        });
      }
      await accountViews();
      await forEachAccount(
        [...labels.keys()].filter((id) => isDemoAccountId(id)),
        startOne,
      );
      events.emit('demoChanged', demo.status());
      return demo.status();
    },
    stopDemo: async () => {
      for (const { id } of await accounts.list()) {
        if (!isDemoAccountId(id)) continue;
        await stopOne(id);
        await accounts.remove(id);
        labels.delete(id);
      }
      await demo.stop();
      await publishAccounts();
      events.emit('demoChanged', demo.status());
      return demo.status();
    },
    getDemoStatus: () => demo.status(),
    listSessions: (filter) => sessions.list(filter?.accountId),
    openSession: ({ sessionId }) => sessions.open(sessionId),
    deleteSession: ({ sessionId }) => sessions.delete(sessionId),
    exportUpdatesCsv: ({ sessionId }) => exports.updates(sessionId),
    exportOrdersCsv: ({ sessionId }) => exports.orders(sessionId),
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    startStrategy: async (params) => {
      if (!monitors.isRunning(params.accountId)) await startMonitor(params.accountId);
      const connection = await accounts.connection(params.accountId);
      const view = strategies.start(params, connection, strategyMonitorOf(params.accountId));
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
  };

  // Requests still running at shutdown (a demo starting, an account being added) finish
  // before the services are disposed, and later ones are refused: otherwise what they create
  // after disposal (a simulator, a monitor) would outlive the app and keep its process alive.
  const inFlight = new Set<Promise<unknown>>();
  let shuttingDown = false;
  const trackedHandlers = Object.fromEntries(
    Object.entries(handlers).map(([channel, handler]) => [
      channel,
      (payload: unknown) => {
        if (shuttingDown) throw appError('SHUTTING_DOWN', 'Alpha Monitor is quitting.');
        const result = Promise.resolve().then(() => (handler as (p: unknown) => unknown)(payload));
        const forget = () => void inFlight.delete(result);
        inFlight.add(result);
        result.then(forget, forget);
        return result;
      },
    ]),
  ) as ContractHandlers;

  await accountViews();
  health.start();
  return {
    handlers: trackedHandlers,
    settings,
    onDidChangeOverallState: overallEmitter.event,
    overallState: currentOverall,
    listAccounts: accountViews,
    async dispose() {
      shuttingDown = true;
      await Promise.allSettled([...inFlight]);
      await strategies.dispose();
      await monitors.dispose();
      await store.dispose();
    },
  };
}

/** A verify's coded error as a probe outcome; anything unexpected says nothing about the session. */
function probeOutcomeOf(error: unknown): VerificationOutcome {
  const code = (error as { code?: string }).code;
  return code === 'SESSION_EXPIRED' || code === 'VERIFICATION_REQUIRED' || code === 'REJECTED'
    ? code
    : 'UNREACHABLE';
}
