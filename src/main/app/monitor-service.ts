import type { Problem } from '../../shared/reasons/reason.ts';
import { Emitter, type Event } from '../../shared/event/emitter.ts';
import type { AsyncDisposable } from '../../shared/lifecycle/disposable.ts';
import type {
  ConnectionView,
  MonitorSnapshot,
  OrderUpdatesBatch,
  OrderUpdateView,
} from '../../shared/ipc/views-monitor.ts';
import { DEFAULT_SETTINGS } from '../../shared/ipc/views-app.ts';
import type { SessionJournals } from '../core/journal/session-journals.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';
import { AccountMonitorRuntime } from './account-monitor-runtime.ts';
import { ConnectionTracker } from './connection-tracker.ts';
import { StatisticsAccumulator } from '../core/book/index.ts';
import { snapshotFromJournal } from './journal-session-view.ts';
import { statsViewOf, type ConnectionStats } from './order-views.ts';
import { DEFAULT_BATCH_INTERVAL_MS } from './update-coalescer.ts';
import type { AccountConnection, MonitorFactory, MonitorRunOptions } from './ports.ts';

/** Runs one monitor per started account (several at once) and reports what they see. */
export class MonitorService implements AsyncDisposable {
  private readonly runtimes = new Map<string, AccountMonitorRuntime>();
  /**
   * A stopped account's last session until it starts again (stopping does not empty the view):
   * how its connection ended, and its journal, from which its orders, fills and statistics
   * are read when asked (nothing of them stays in memory). The same session stays in its
   * journal (Sessions) after a restart of the app.
   */
  private readonly lastSessions = new Map<string, StoppedSession>();
  private readonly batchEmitter = new Emitter<OrderUpdatesBatch>({ name: 'monitor-service.batch' });
  private readonly connectionEmitter = new Emitter<ConnectionView>({
    name: 'monitor-service.connection',
  });
  private readonly acceptedEmitter = new Emitter<{ accountId: string; view: OrderUpdateView }>({
    name: 'monitor-service.accepted',
  });
  private readonly problemEmitter = new Emitter<{ accountId: string } & Problem>({
    name: 'monitor-service.problem',
  });
  readonly onDidBatch: Event<OrderUpdatesBatch> = this.batchEmitter.event;
  readonly onDidChangeConnection: Event<ConnectionView> = this.connectionEmitter.event;
  readonly onDidAcceptUpdate: Event<{ accountId: string; view: OrderUpdateView }> =
    this.acceptedEmitter.event;
  /**
   * A session failed for good (expired, verification), or the journal cannot be written
   * (`JOURNAL_WRITE_FAILED`, once per episode), works again (`JOURNAL_WRITE_RECOVERED`), or
   * closed with updates it could not write (`JOURNAL_UNWRITTEN_SAVED` / `_LOST`, with how many).
   */
  readonly onDidHitProblem: Event<{ accountId: string } & Problem> = this.problemEmitter.event;
  private readonly missedEmitter = new Emitter<{ accountId: string; missedByStream: number }>({
    name: 'monitor-service.missed',
  });
  /** A reconciliation recovered updates the stream never delivered. */
  readonly onDidMissUpdates: Event<{ accountId: string; missedByStream: number }> =
    this.missedEmitter.event;

  constructor(
    private readonly deps: {
      createMonitor: MonitorFactory;
      /**
       * Read at each start, so a changed setting applies to the monitors started after it.
       * Default: the default settings'.
       */
      runOptions?: () => MonitorRunOptions;
      journals: SessionJournals;
      clock: Clock;
      logger: Logger;
      batchIntervalMs?: number;
    },
  ) {}

  isRunning(accountId: string): boolean {
    return this.runtimes.has(accountId);
  }

  runtime(accountId: string): AccountMonitorRuntime | undefined {
    return this.runtimes.get(accountId);
  }

  /** Starts a monitor (and a new journal); a running one is left as it is. */
  start(connection: AccountConnection, accountLabel: string): ConnectionView {
    const existing = this.runtimes.get(connection.accountId);
    if (existing) return existing.tracker.snapshot();
    this.lastSessions.delete(connection.accountId);
    // The journal writes as often as the window is fed: showing waits for the write.
    const { sessionId, writer } = this.deps.journals.create(
      { accountId: connection.accountId, accountLabel },
      { flushIntervalMs: this.deps.batchIntervalMs ?? DEFAULT_BATCH_INTERVAL_MS },
    );
    const session = this.deps.createMonitor(
      connection,
      this.deps.runOptions?.() ?? {
        reconcileIntervalMs: DEFAULT_SETTINGS.reconcileIntervalS * 1000,
      },
    );
    const accountId = connection.accountId;
    const runtime = new AccountMonitorRuntime(
      accountId,
      sessionId,
      session,
      writer,
      this.deps.clock,
      this.deps.logger,
      {
        onBatch: (batch) => this.batchEmitter.fire(batch),
        onConnection: (view) => {
          this.connectionEmitter.fire(view);
          if (view.state === 'failed' && view.problem)
            this.problemEmitter.fire({ accountId, ...view.problem });
        },
        onAcceptedUpdate: (view) => {
          if (this.acceptedEmitter.hasListeners) this.acceptedEmitter.fire({ accountId, view });
        },
        onJournalProblem: (problem) => this.problemEmitter.fire({ accountId, ...problem }),
        onMissedByStream: (missedByStream) =>
          this.missedEmitter.fire({ accountId, missedByStream }),
      },
      this.deps.batchIntervalMs,
    );
    this.runtimes.set(accountId, runtime);
    runtime.start();
    const view = runtime.tracker.snapshot();
    this.connectionEmitter.fire(view);
    return view;
  }

  async stop(accountId: string): Promise<ConnectionView> {
    const runtime = this.runtimes.get(accountId);
    if (!runtime) return this.connection(accountId);
    this.runtimes.delete(accountId);
    await runtime.stop();
    const { connection, counters } = runtime.connectionNow();
    const view: ConnectionView = {
      ...connection,
      state: 'stopped',
      nextListenKeyRefreshAtMs: null,
    };
    this.lastSessions.set(accountId, {
      path: runtime.journalPath,
      sessionId: runtime.sessionId,
      connection: view,
      counters,
      placedByStrategy: new Set(runtime.placedByStrategy),
    });
    this.connectionEmitter.fire(view);
    return view;
  }

  /** Drops what a removed account's window last showed. */
  forget(accountId: string): void {
    this.lastSessions.delete(accountId);
  }

  connection(accountId: string): ConnectionView {
    return (
      this.runtimes.get(accountId)?.tracker.snapshot() ??
      this.lastSessions.get(accountId)?.connection ??
      new ConnectionTracker(accountId).snapshot()
    );
  }

  connections(accountIds: string[]): ConnectionView[] {
    return accountIds.map((id) => this.connection(id));
  }

  async snapshot(accountId: string): Promise<MonitorSnapshot> {
    const runtime = this.runtimes.get(accountId);
    if (runtime) return runtime.snapshot();
    // Not running: what its last session showed when it stopped, read from its journal; never
    // watched since the app started: empty (its past sessions are in Sessions).
    const last = this.lastSessions.get(accountId);
    if (last) return snapshotFromJournal({ ...last, accountId, unread: emptyStats });
    return { connection: this.connection(accountId), orders: [], fills: [], stats: emptyStats() };
  }

  async dispose(): Promise<void> {
    await Promise.allSettled([...this.runtimes.keys()].map((id) => this.stop(id)));
    this.batchEmitter.dispose();
    this.connectionEmitter.dispose();
    this.acceptedEmitter.dispose();
    this.problemEmitter.dispose();
    this.missedEmitter.dispose();
  }
}

function emptyStats(): MonitorSnapshot['stats'] {
  return statsViewOf(new StatisticsAccumulator().snapshot(), {
    reconnects: 0,
    gaps: 0,
    malformedFrames: 0,
    liveMs: 0,
    startedAtMs: null,
  });
}

/** What a stopped account keeps of its last session (its journal holds the rest). */
interface StoppedSession {
  path: string;
  sessionId: string;
  connection: ConnectionView;
  counters: ConnectionStats;
  placedByStrategy: ReadonlySet<string>;
}
