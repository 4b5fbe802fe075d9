import { toJournalProblem } from '../core/journal/journal-problem.ts';
import type { Problem, Reason } from '../../shared/reasons/reason.ts';
import type { AsyncDisposable } from '../../shared/lifecycle/disposable.ts';
import { DisposableStore } from '../../shared/lifecycle/disposable.ts';
import type { OrderUpdate, UpdateSource } from '../../shared/domain/order-update.ts';
import type { UpdateVerdict } from '../../shared/domain/update-verdict.ts';
import type {
  ConnectionView,
  MonitorSnapshot,
  OrderUpdatesBatch,
  OrderUpdateView,
  FillPoint,
} from '../../shared/ipc/views-monitor.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { JournalCloseReport, JournalWriter } from '../core/journal/journal-writer.ts';
import type { Logger } from '../core/ports/logger.ts';
import { ConnectionTracker } from './connection-tracker.ts';
import { OrderProjection } from './order-projection.ts';
import type { MonitorSession, MonitorStateChange } from './ports.ts';
import { UpdateCoalescer } from './update-coalescer.ts';

export interface RuntimeCallbacks {
  onBatch(batch: OrderUpdatesBatch): void;
  onConnection(view: ConnectionView): void;
  /** Every accepted update once it is journalled, unbatched (notifications, strategy). */
  onAcceptedUpdate(view: OrderUpdateView): void;
  /** The journal cannot be written, works again, or closed with records it could not write. */
  onJournalProblem(problem: Problem): void;
  /** A REST reconciliation found updates the stream never delivered (alerts). */
  onMissedByStream?(missedByStream: number): void;
}

/** An update journalled (queued) but not yet on disk: held back from everything that shows it. */
interface HeldUpdate {
  seq: number;
  update: OrderUpdate;
  source: UpdateSource;
  receivedAtMs: number;
  verdict: UpdateVerdict;
}

/**
 * One running account: its monitor session, its journal and what the renderer sees. Every
 * frame, update and state change is journalled first; an update reaches the projection (and
 * so the window, the snapshot, notifications and the strategy) only once its journal record is
 * on disk. Batching stays: the journal writes about as often as the window is fed.
 */
export class AccountMonitorRuntime implements AsyncDisposable {
  private readonly store = new DisposableStore();
  readonly tracker: ConnectionTracker;
  readonly projection: OrderProjection;
  /** `null` items only say "the statistics changed" (a duplicate, a malformed frame). */
  private readonly coalescer: UpdateCoalescer<{
    view: OrderUpdateView;
    fill: FillPoint | null;
  } | null>;
  private held: HeldUpdate[] = [];
  private stopped = false;

  constructor(
    readonly accountId: string,
    readonly sessionId: string,
    private readonly session: MonitorSession,
    private readonly journal: JournalWriter,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly callbacks: RuntimeCallbacks,
    batchIntervalMs?: number,
  ) {
    this.tracker = new ConnectionTracker(accountId);
    this.tracker.begin(sessionId, clock.now());
    this.projection = new OrderProjection(accountId, (orderId) => session.statusUnknownOf(orderId));
    this.coalescer = this.store.add(
      new UpdateCoalescer(clock, (items) => this.deliver(items), batchIntervalMs),
    );
    this.store.add(session.onDidChangeState((change) => this.onState(change)));
    this.store.add(
      session.onDidReceiveFrame(({ text, receivedAtMs }) => {
        journal.append({ k: 'frame', atMs: receivedAtMs, text });
        this.tracker.noteFrame(receivedAtMs);
      }),
    );
    this.store.add(
      session.onDidReceiveOrderUpdate(({ update, source, receivedAtMs, verdict }) => {
        const seq = journal.append({ k: 'update', atMs: receivedAtMs, source, verdict, update });
        if (seq > 0) this.held.push({ seq, update, source, receivedAtMs, verdict });
      }),
    );
    this.store.add(journal.onDidWrite(({ writtenSeq }) => this.release(writtenSeq)));
    this.store.add(
      session.onDidReceiveMalformedFrame(() => {
        this.tracker.noteMalformedFrame();
        this.coalescer.push(null);
      }),
    );
    // A reconciliation changes the counts, and may mark orders, without an update of its own.
    this.store.add(
      session.onDidReconcile(({ missedByStream, statusUnknown }) => {
        // Journalled too, so a reopened session counts and marks the same.
        if (missedByStream > 0 || statusUnknown.length > 0)
          journal.append({ k: 'reconcile', atMs: clock.now(), missedByStream, statusUnknown });
        this.coalescer.push(null);
        this.resendOrders(statusUnknown);
        if (missedByStream > 0) callbacks.onMissedByStream?.(missedByStream);
      }),
    );
    this.store.add(
      journal.onDidFail((failure) => {
        logger.warn('journal write failed', {
          code: failure.code,
          pendingUpdates: failure.pendingUpdates,
        });
        const path = journal.path;
        callbacks.onJournalProblem({
          code: 'JOURNAL_WRITE_FAILED',
          reason:
            failure.code === 'ENOSPC'
              ? { code: 'JOURNAL_DISK_FULL', path }
              : { code: 'JOURNAL_WRITE_FAILED', path, errorCode: failure.code },
        });
      }),
    );
    this.store.add(
      journal.onDidRecover((recovery) => {
        logger.info('journal writes again', { writtenUpdates: recovery.writtenUpdates });
        callbacks.onJournalProblem({
          code: 'JOURNAL_WRITE_RECOVERED',
          reason: { code: 'JOURNAL_WRITE_RECOVERED', updates: recovery.writtenUpdates },
        });
      }),
    );
  }

  start(): void {
    this.session.start();
  }

  /** Puts everything journalled so far on disk (before an export reads the file). */
  flushJournal(): Promise<void> {
    return this.journal.flush();
  }

  /** Updates journalled but not yet on disk (not shown yet). */
  get heldUpdates(): number {
    return this.held.length;
  }

  /**
   * Marks orders the strategy placed. Orders already shown (their stream update can beat the
   * place reply) are sent again, marked, so the renderer never keeps an unmarked copy.
   */
  markStrategyOrders(orderIds: readonly string[]): void {
    for (const id of orderIds) this.projection.markStrategyOrder(id);
    this.resendOrders(orderIds);
  }

  /** Sends orders whose view changed without an update (a mark), after what is batched already. */
  private resendOrders(orderIds: readonly string[]): void {
    const known = orderIds.flatMap((id) => this.projection.order(id) ?? []);
    if (known.length === 0) return;
    this.coalescer.flush();
    this.callbacks.onBatch({
      accountId: this.accountId,
      updates: [],
      orders: known,
      fills: [],
      stats: this.stats(),
    });
  }

  /** Everything up to `writtenSeq` is on disk: it may be shown now, in arrival order. */
  private release(writtenSeq: number): void {
    let n = 0;
    while (n < this.held.length && this.held[n]!.seq <= writtenSeq) n++;
    if (n === 0) return;
    const ready = n === this.held.length ? this.held : this.held.slice(0, n);
    this.held = n === this.held.length ? [] : this.held.slice(n);
    for (const h of ready) {
      const applied = this.projection.apply(h.update, h.source, h.receivedAtMs, h.verdict);
      if (!applied.view.accepted) {
        this.coalescer.push(null);
        continue;
      }
      if (h.source === 'stream') this.tracker.noteLatency(h.receivedAtMs, h.update.eventTimeMs);
      this.coalescer.push(applied);
      this.callbacks.onAcceptedUpdate(applied.view);
    }
  }

  private onState(change: MonitorStateChange): void {
    this.journal.append({
      k: 'state',
      atMs: change.atMs,
      state: change.state,
      problem: change.problem ? toJournalProblem(change.problem) : null,
      maskedListenKey: change.maskedListenKey ?? null,
    });
    this.tracker.applyState(change);
    this.coalescer.flush();
    this.callbacks.onConnection(this.tracker.snapshot());
  }

  private deliver(all: Array<{ view: OrderUpdateView; fill: FillPoint | null } | null>): void {
    const items = all.filter((i) => i !== null);
    const touched = new Set(items.map((i) => i.view.update.orderId));
    this.callbacks.onBatch({
      accountId: this.accountId,
      updates: items.map((i) => i.view),
      orders: [...touched].flatMap((id) => this.projection.order(id) ?? []),
      fills: items.flatMap((i) => (i.fill ? [i.fill] : [])),
      stats: this.stats(),
    });
  }

  private stats() {
    return this.projection.stats(
      this.tracker.counters(this.clock.now()),
      this.session.reconcileStats(),
    );
  }

  snapshot(): MonitorSnapshot {
    this.coalescer.flush();
    return {
      connection: this.tracker.snapshot(),
      orders: this.projection.orders(),
      fills: this.projection.allFills(),
      stats: this.stats(),
    };
  }

  /**
   * Stops the session, writes the journal's end and closes it. Updates the disk still refuses
   * go to an emergency file; the report says how many and where (also told through
   * `onJournalProblem`), never dropped without a word.
   */
  async stop(): Promise<JournalCloseReport | null> {
    if (this.stopped) return null;
    this.stopped = true;
    let stopError: unknown = null;
    try {
      await this.session.stop();
    } catch (error) {
      stopError = error;
    }
    // Counts of what the journal holds: shown updates plus those still on their way to disk.
    await this.journal.flush();
    this.coalescer.flush();
    const { updatesAccepted, orders } = this.stats();
    this.journal.append({ k: 'end', atMs: this.clock.now(), updates: updatesAccepted, orders });
    const report = await this.journal.close();
    this.coalescer.flush();
    this.store.dispose();
    await this.session.dispose();
    this.reportUnwritten(report);
    if (stopError !== null) throw stopError;
    return report;
  }

  private reportUnwritten(report: JournalCloseReport): void {
    if (report.unwrittenRecords === 0) return;
    const updates = report.unwrittenUpdates;
    const path = this.journal.path;
    const reason: Reason =
      report.savedTo !== null
        ? { code: 'JOURNAL_UNWRITTEN_SAVED', updates, path, savedTo: report.savedTo }
        : {
            code: 'JOURNAL_UNWRITTEN_LOST',
            updates,
            path,
            ...(report.saveError ? { errorCode: report.saveError.code } : {}),
          };
    this.logger.error('journal closed with unwritten updates', {
      unwrittenUpdates: report.unwrittenUpdates,
      unwrittenRecords: report.unwrittenRecords,
      savedTo: report.savedTo,
    });
    this.callbacks.onJournalProblem({
      code: reason.code,
      reason,
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
  }
}
