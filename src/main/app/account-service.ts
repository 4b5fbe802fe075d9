import type { EventSink } from '../../shared/ipc/transport.ts';
import type { AccountView, VerifyAccountResult } from '../../shared/ipc/views-app.ts';
import type { FleetActionResult } from '../../shared/ipc/views-fleet.ts';
import type { ConnectionView } from '../../shared/ipc/views-monitor.ts';
import type { VerificationOutcome } from '../core/accounts/index.ts';
import type { Clock } from '../core/ports/clock.ts';
import { isDemoAccountId } from './demo-fleet.ts';
import { problemOf } from './app-error.ts';
import type { FleetService } from './fleet-service.ts';
import type { healthFleetSource } from './health-fleet-source.ts';
import type { MonitorService } from './monitor-service.ts';
import type { PointsAppService } from './points-app-service.ts';
import type { AccountConnection, AccountsPort } from './ports.ts';
import type { SessionHealthService } from './session-health-service.ts';
import type { StrategyMonitor, StrategyService } from './strategy-service.ts';

export interface AccountServiceDeps {
  accounts: AccountsPort;
  clock: Clock;
  /** Account id → label, shared with the services that name accounts (notices, alerts). */
  labels: Map<string, string>;
  monitors: MonitorService;
  points: PointsAppService;
  strategies: StrategyService;
  health: SessionHealthService;
  fleet: FleetService;
  fleetHealth: ReturnType<typeof healthFleetSource>;
  events: EventSink;
}

/**
 * The accounts as the app shows and runs them: their views (state, running, strategy, session
 * health), adding / re-importing / verifying / removing, and starting and stopping their
 * monitors (a monitor and the account's points service start and stop together).
 */
export class AccountService {
  constructor(private readonly deps: AccountServiceDeps) {}

  /** Every account's view; refreshes the labels and the fleet's account list on the way. */
  async views(): Promise<AccountView[]> {
    const { accounts, labels, monitors, strategies, health, fleet, fleetHealth } = this.deps;
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
    return records.map((r) => ({
      ...r,
      environment: isDemoAccountId(r.id) ? 'demo' : r.environment,
      monitorState: monitors.connection(r.id).state,
      running: monitors.isRunning(r.id),
      strategyRunning: strategies.isRunning(r.id),
      sessionHealth: health.view(r.id, r.copyWarnings),
    }));
  }

  /** The account list event. */
  async publish(): Promise<void> {
    this.deps.events.emit('accountsChanged', await this.views());
  }

  /** Starts the account's monitor (and points) without the account list event. */
  async startOne(accountId: string): Promise<ConnectionView> {
    const connection = await this.deps.accounts.connection(accountId);
    if (!this.deps.labels.has(accountId)) await this.views();
    return this.startWatching(connection);
  }

  /** Stops the account's strategy, then its monitor (and points), without the list event. */
  async stopOne(accountId: string): Promise<ConnectionView> {
    await this.deps.strategies.stop(accountId);
    this.deps.points.stop(accountId);
    return this.deps.monitors.stop(accountId);
  }

  async start(accountId: string): Promise<ConnectionView> {
    const view = await this.startOne(accountId);
    await this.publish();
    return view;
  }

  async stop(accountId: string): Promise<ConnectionView> {
    const view = await this.stopOne(accountId);
    await this.publish();
    return view;
  }

  /** Several accounts at once (the fleet view): one account list event at the end. */
  async forEach(
    accountIds: readonly string[],
    action: (accountId: string) => Promise<unknown>,
  ): Promise<FleetActionResult> {
    const result: FleetActionResult = { done: [], failed: [] };
    for (const accountId of new Set(accountIds)) {
      try {
        await action(accountId);
        result.done.push(accountId);
      } catch (error) {
        result.failed.push({ accountId, ...problemOf(error, 'INTERNAL') });
      }
    }
    await this.publish();
    return result;
  }

  async addFromCurl(input: Parameters<AccountsPort['addFromCurl']>[0]) {
    const result = await this.deps.accounts.addFromCurl(input);
    this.deps.health.record(result.account.id, 'OK');
    const account = (await this.views()).find((a) => a.id === result.account.id)!;
    await this.publish();
    return { account, warnings: result.warnings, found: result.found };
  }

  async reimportFromCurl(input: Parameters<AccountsPort['reimportFromCurl']>[0]) {
    const { monitors, accounts, health } = this.deps;
    // A monitor on the old session would keep failing: it is restarted on the new one.
    const wasRunning =
      monitors.isRunning(input.accountId) ||
      monitors.connection(input.accountId).state === 'failed';
    const result = await accounts.reimportFromCurl(input);
    health.record(input.accountId, 'OK');
    if (wasRunning) {
      await this.stop(input.accountId);
      await this.start(input.accountId);
    }
    const account = (await this.views()).find((a) => a.id === input.accountId)!;
    await this.publish();
    return { account, warnings: result.warnings, found: result.found };
  }

  async verify(accountId: string): Promise<VerifyAccountResult> {
    const verifiedAtMs = this.deps.clock.now();
    try {
      const { userId } = await this.deps.accounts.verify(accountId);
      this.deps.health.record(accountId, 'OK');
      await this.publish();
      return {
        accountId,
        status: 'valid',
        code: null,
        error: null,
        userId,
        verifiedAtMs,
      };
    } catch (error) {
      const problem = problemOf(error, 'INTERNAL');
      const code = problem.code;
      if (code === 'ACCOUNT_NOT_FOUND') throw error;
      this.deps.health.record(accountId, probeOutcomeOf(error));
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
        error: problem,
        userId: null,
        verifiedAtMs,
      };
    }
  }

  /** Stops its monitor and strategy, then deletes the account and everything kept for it. */
  async remove(accountId: string): Promise<null> {
    await this.stop(accountId);
    await this.deps.accounts.remove(accountId);
    this.deps.labels.delete(accountId);
    this.deps.points.forget(accountId);
    this.deps.health.forget(accountId);
    this.deps.monitors.forget(accountId);
    await this.publish();
    return null;
  }

  /**
   * The account's running monitor as its strategy reads it (accepted updates with the book's
   * verdicts, connection).
   */
  strategyMonitorOf(accountId: string): StrategyMonitor {
    const { monitors } = this.deps;
    return {
      orderUpdates: (listener) =>
        monitors.onDidAcceptUpdate((e) => {
          if (e.accountId === accountId)
            listener({ update: e.view.update, verdict: e.view.verdict });
        }),
      connection: () => monitors.connection(accountId),
      onDidChangeConnection: (listener) =>
        monitors.onDidChangeConnection((view) => {
          if (view.accountId === accountId) listener(view);
        }),
    };
  }

  private startWatching(connection: AccountConnection): ConnectionView {
    const { accountId } = connection;
    const view = this.deps.monitors.start(connection, this.deps.labels.get(accountId) ?? accountId);
    this.deps.points.start(connection);
    return view;
  }
}

/** A verify's coded error as a probe outcome; anything unexpected says nothing about the session. */
export function probeOutcomeOf(error: unknown): VerificationOutcome {
  const code = (error as { code?: string }).code;
  return code === 'SESSION_EXPIRED' || code === 'VERIFICATION_REQUIRED' || code === 'REJECTED'
    ? code
    : 'UNREACHABLE';
}
