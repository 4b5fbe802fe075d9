import { toJournalProblem } from '../core/journal/journal-problem.ts';
import type { Problem, Reason } from '../../shared/reasons/reason.ts';
import type { AsyncDisposable } from '../../shared/lifecycle/disposable.ts';
import { DisposableStore } from '../../shared/lifecycle/disposable.ts';
import { TERMINAL_STATUSES, type OrderUpdate } from '../../shared/domain/order-update.ts';
import type {
  ConnectionView,
  MonitorSnapshot,
  OrderUpdatesBatch,
  OrderUpdateView,
  OrderView,
  FillPoint,
} from '../../shared/ipc/views-monitor.ts';
import { readLastAppliedUpdates } from '../core/journal/journal-last-updates.ts';
import { reconcileRecordOf } from '../core/journal/reconcile-record.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { JournalCloseReport, JournalWriter } from '../core/journal/journal-writer.ts';
import type { Logger } from '../core/ports/logger.ts';
import { ConnectionTracker } from './connection-tracker.ts';
import { EndedRowReads } from './ended-row-reads.ts';
import { snapshotFromJournal } from './journal-session-view.ts';
import { fillPointOf, orderViewOf, statsViewOf, type ConnectionStats } from './order-views.ts';
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

/** Views of ended orders kept for a late strategy mark (a fixed few, not the history). */
const RECENT_ENDED_VIEWS = 32;

/**
 * One running account: its monitor session, its journal and what the renderer sees. Every
 * frame, update and state change is journalled first (a stream update and its frame as one
 * record); an update reaches the window, notifications and the strategy only once its journal
 * record is on disk. The app keeps no copy of the orders: views are read from the engine's
 * book (ADR 010) when an update is shown, and what the book no longer holds in memory (ended
 * orders' last updates, fills) is read back from the journal for a snapshot (a late update of
 * an ended order reads back only that order's last update: `EndedRowReads`). Batching stays:
 * the journal writes about as often as the window is fed.
 */
export class AccountMonitorRuntime implements AsyncDisposable {
  private readonly store = new DisposableStore();
  readonly tracker: ConnectionTracker;
  /** `null` items only say "the statistics changed" (a duplicate, a malformed frame). */
  private readonly coalescer: UpdateCoalescer<OrderUpdateView | null>;
  /**
   * Updates journalled (queued) but not yet on disk, held back from everything that shows
   * them: their records' sequence numbers and their views, in arrival order from `heldFrom`.
   * An order has an update on its way to disk when one of these is its (`heldOrderIds`).
   */
  private heldSeqs: number[] = [];
  private heldViews: OrderUpdateView[] = [];
  private heldFrom = 0;
  /**
   * What the next batch sends besides its updates (the coalescer's items), gathered as each
   * update is released: its fills, and the orders it touched, each with its last applied
   * update in the batch (null: none applied).
   */
  private batchFills: FillPoint[] = [];
  private batchTouched = new Map<string, OrderUpdate | null>();
  /**
   * The last applied update of an order whose view waited past a batch (a later update of it
   * was not on disk yet), until its view is sent: the book keeps no last update for an order
   * that ended. Within a batch, `batchTouched` holds it.
   */
  private readonly pendingLast = new Map<string, OrderUpdate>();
  /** The last views sent of orders that ended, so a strategy mark that comes after can be sent. */
  private readonly recentEnded = new Map<string, OrderView>();
  /** Rows of ended orders read back from the journal (their last update only). */
  private readonly endedRows: EndedRowReads;
  private readonly strategyOrderIds = new Set<string>();
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
    this.coalescer = this.store.add(
      new UpdateCoalescer(clock, (items) => this.deliver(items), batchIntervalMs),
    );
    this.endedRows = this.store.add(
      new EndedRowReads(
        {
          viewOf: (id) => this.viewOf(id),
          rowOf: (id, last) => {
            const order = this.session.orderOf(id);
            return order === null
              ? undefined
              : orderViewOf(accountId, order, last, this.marksOf(id));
          },
          readLastApplied: (ids) => readLastAppliedUpdates(journal.path, ids),
          readWhole: () => this.snapshot(),
          send: (views) => this.sendEndedRows(views),
        },
        clock,
        logger,
      ),
    );
    this.store.add(session.onDidChangeState((change) => this.onState(change)));
    this.store.add(
      session.onDidReceiveFrame(({ text, receivedAtMs, carriesUpdate }) => {
        // A frame with an order update is journalled with it, as one record.
        if (!carriesUpdate) journal.append({ k: 'frame', atMs: receivedAtMs, text });
        this.tracker.noteFrame(receivedAtMs);
      }),
    );
    this.store.add(
      session.onDidReceiveOrderUpdate((event) => {
        const seq = journal.appendUpdate(event);
        if (seq === 0) return;
        const { update, source, receivedAtMs, verdict } = event;
        this.heldSeqs.push(seq);
        this.heldViews.push({ update, source, receivedAtMs, verdict, accepted: true });
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
      session.onDidReconcile((result) => {
        const { missedByStream, statusUnknown } = result;
        // Journalled too, so a reopened session counts and marks the same.
        const record = reconcileRecordOf(result, clock.now());
        if (record) journal.append(record);
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
    return this.heldSeqs.length - this.heldFrom;
  }

  /**
   * Marks orders the strategy placed. Orders already shown (their stream update can beat the
   * place reply) are sent again, marked, so the renderer never keeps an unmarked copy.
   */
  markStrategyOrders(orderIds: readonly string[]): void {
    for (const id of orderIds) this.strategyOrderIds.add(id);
    this.resendOrders(orderIds);
  }

  /** Sends orders whose view changed without an update (a mark), after what is batched already. */
  private resendOrders(orderIds: readonly string[]): void {
    this.coalescer.flush();
    const held = this.heldOrderIds();
    const known = orderIds.flatMap((id) => {
      // An order with an update on its way is sent with it, marked.
      if (held?.has(id)) return [];
      const view = this.viewOf(id) ?? this.recentEnded.get(id);
      return view === undefined ? [] : [{ ...view, ...this.marksOf(id) }];
    });
    if (known.length === 0) return;
    this.callbacks.onBatch({
      accountId: this.accountId,
      updates: [],
      orders: known,
      fills: [],
      stats: this.stats(),
    });
  }

  /** Orders with an update journalled but not yet on disk; null when there is none. */
  private heldOrderIds(): Set<string> | null {
    const views = this.heldViews;
    if (this.heldFrom === views.length) return null;
    const ids = new Set<string>();
    for (let i = this.heldFrom; i < views.length; i++) ids.add(views[i]!.update.orderId);
    return ids;
  }

  /**
   * Everything up to `writtenSeq` is on disk: it may be shown now, in arrival order. What the
   * batch sends of each update (its fill, its order) is taken now, while the update is at hand.
   */
  private release(writtenSeq: number): void {
    const seqs = this.heldSeqs;
    const views = this.heldViews;
    let i = this.heldFrom;
    for (; i < seqs.length && seqs[i]! <= writtenSeq; i++) {
      const view = views[i]!;
      const verdict = view.verdict;
      if (verdict.outcome === 'duplicate') {
        this.coalescer.push(null);
        continue;
      }
      const update = view.update;
      const id = update.orderId;
      // Read each time: a listener below may deliver the batch, which starts a new map.
      const touched = this.batchTouched;
      if (verdict.outcome === 'applied') touched.set(id, update);
      else if (!touched.has(id)) touched.set(id, null);
      if (verdict.counted !== null) this.batchFills.push(fillPointOf(update, verdict)!);
      if (view.source === 'stream') this.tracker.noteLatency(view.receivedAtMs, update.eventTimeMs);
      this.coalescer.push(view);
      this.callbacks.onAcceptedUpdate(view);
    }
    if (i === seqs.length) {
      this.heldSeqs = [];
      this.heldViews = [];
      this.heldFrom = 0;
    } else if (i > 1024 && i * 2 > seqs.length) {
      // Most of the lists is released: drop that part (not at every release: no copy per write).
      this.heldSeqs = seqs.slice(i);
      this.heldViews = views.slice(i);
      this.heldFrom = 0;
    } else this.heldFrom = i;
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

  private deliver(all: Array<OrderUpdateView | null>): void {
    const updates: OrderUpdateView[] = [];
    for (const view of all) if (view !== null) updates.push(view);
    const fills = this.batchFills;
    const touched = this.batchTouched;
    this.batchFills = [];
    this.batchTouched = new Map();
    const held = this.heldOrderIds();
    const orders: OrderView[] = [];
    for (const [id, applied] of touched) {
      // A later update of it is not on disk yet: its view goes with that one.
      if (held?.has(id)) {
        if (applied !== null) this.pendingLast.set(id, applied);
        continue;
      }
      const view = this.viewOf(id, applied);
      if (this.pendingLast.size > 0) this.pendingLast.delete(id);
      if (view === undefined) {
        // A late update of an order that ended, whose last update the app no longer holds:
        // that update is read back from the journal, and the row sent after this batch.
        if (this.session.orderOf(id) !== null) this.endedRows.request(id);
        continue;
      }
      orders.push(view);
      if (TERMINAL_STATUSES.has(view.last.status)) this.rememberEnded(view);
    }
    this.callbacks.onBatch({
      accountId: this.accountId,
      updates,
      orders,
      fills,
      stats: this.stats(),
    });
  }

  /**
   * The order's view from the engine's book: its current update, or, for an order that ended
   * (the book keeps no last update), the one just released or the one last shown (a late
   * update of an ended order changes its counts, never its state).
   */
  private viewOf(orderId: string, applied?: OrderUpdate | null): OrderView | undefined {
    const order = this.session.orderOf(orderId);
    const last =
      order?.current ??
      (applied === undefined ? this.batchTouched.get(orderId) : applied) ??
      this.pendingLast.get(orderId) ??
      this.recentEnded.get(orderId)?.last;
    if (!order || !last) return undefined;
    return orderViewOf(this.accountId, order, last, this.marksOf(orderId));
  }

  private marksOf(orderId: string) {
    return {
      placedByStrategy: this.strategyOrderIds.has(orderId),
      statusUnknown: this.session.statusUnknownOf(orderId),
    };
  }

  /**
   * Sends rows read back, but not one with a later update on its way: that update sends it
   * (built from the view kept here, no second read).
   */
  private sendEndedRows(views: readonly OrderView[]): void {
    for (const view of views) this.rememberEnded(view);
    const held = this.heldOrderIds();
    const orders = views.filter((view) => !held?.has(view.last.orderId));
    if (orders.length === 0) return;
    this.callbacks.onBatch({
      accountId: this.accountId,
      updates: [],
      orders,
      fills: [],
      stats: this.stats(),
    });
  }

  private rememberEnded(view: OrderView): void {
    this.recentEnded.delete(view.last.orderId);
    this.recentEnded.set(view.last.orderId, view);
    if (this.recentEnded.size > RECENT_ENDED_VIEWS)
      this.recentEnded.delete(this.recentEnded.keys().next().value!);
  }

  private stats() {
    return statsViewOf(
      this.session.bookStatistics(),
      this.tracker.counters(this.clock.now()),
      this.session.reconcileStats(),
    );
  }

  /** The connection as it is now, and its counters (what a stopped account's window keeps). */
  connectionNow(): { connection: ConnectionView; counters: ConnectionStats } {
    return {
      connection: this.tracker.snapshot(),
      counters: this.tracker.counters(this.clock.now()),
    };
  }

  /** Orders a strategy placed in this session. */
  get placedByStrategy(): ReadonlySet<string> {
    return this.strategyOrderIds;
  }

  get journalPath(): string {
    return this.journal.path;
  }

  /**
   * What the window shows: the orders, fills and statistics of everything on disk (the journal
   * flushed first, then read: the book keeps no history), with the live connection.
   */
  async snapshot(): Promise<MonitorSnapshot> {
    this.coalescer.flush();
    if (!this.stopped) await this.journal.flush();
    return snapshotFromJournal({
      ...this.connectionNow(),
      path: this.journal.path,
      accountId: this.accountId,
      sessionId: this.sessionId,
      placedByStrategy: this.strategyOrderIds,
      unread: () => this.stats(),
      fillsNotRecovered: this.session.reconcileStats().fillsNotRecovered,
    });
  }

  /**
   * Stops the session, writes the journal's end and closes it. Updates the disk still refuses
   * go to an emergency file; the report says how many and where (also told through
   * `onJournalProblem`), never dropped without a word.
   */
  async stop(): Promise<JournalCloseReport | null> {
    if (this.stopped) return null;
    this.stopped = true;
    // Rows read back from now on would come after the account stopped.
    this.endedRows.dispose();
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
