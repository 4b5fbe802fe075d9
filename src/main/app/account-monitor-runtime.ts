import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import { DisposableStore } from '../../shared/lifecycle/disposable.ts';
import type {
  ConnectionView,
  MonitorSnapshot,
  OrderUpdatesBatch,
  OrderUpdateView,
  FillPoint,
} from '../../shared/ipc/views-monitor.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { JournalWriter } from '../core/journal/journal-writer.ts';
import type { Logger } from '../core/ports/logger.ts';
import { ConnectionTracker } from './connection-tracker.ts';
import { OrderProjection } from './order-projection.ts';
import type { MonitorSession, MonitorStateChange } from './ports.ts';
import { UpdateCoalescer } from './update-coalescer.ts';

export interface RuntimeCallbacks {
  onBatch(batch: OrderUpdatesBatch): void;
  onConnection(view: ConnectionView): void;
  /** Every accepted update, unbatched (notifications, strategy highlighting). */
  onAcceptedUpdate(view: OrderUpdateView): void;
  onJournalProblem(message: string): void;
}

/**
 * One running account: its monitor session, its journal and what the renderer sees. Every
 * frame, update and state change is journalled *before* it is applied to the projection.
 */
export class AccountMonitorRuntime implements Disposable {
  private readonly store = new DisposableStore();
  readonly tracker: ConnectionTracker;
  readonly projection: OrderProjection;
  /** `null` items only say "the statistics changed" (an ignored duplicate, a malformed frame). */
  private readonly coalescer: UpdateCoalescer<{
    view: OrderUpdateView;
    fill: FillPoint | null;
  } | null>;
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
    this.projection = new OrderProjection(accountId);
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
      session.onDidReceiveOrderUpdate(({ update, source, receivedAtMs, accepted }) => {
        if (!accepted) {
          // The engine's book ignored it: only the statistics hear of it.
          this.projection.noteIgnored();
          this.coalescer.push(null);
          return;
        }
        journal.append({ k: 'update', atMs: receivedAtMs, source, update });
        const applied = this.projection.apply(update, source, receivedAtMs);
        if (!applied.view.accepted) return;
        if (source === 'stream') this.tracker.noteLatency(receivedAtMs, update.eventTimeMs);
        this.coalescer.push(applied);
        this.callbacks.onAcceptedUpdate(applied.view);
      }),
    );
    this.store.add(
      session.onDidReceiveMalformedFrame(() => {
        this.tracker.noteMalformedFrame();
        this.coalescer.push(null);
      }),
    );
    this.store.add(
      journal.onDidFail((failure) => {
        logger.warn('journal write failed', {
          code: failure.code,
          pending: failure.pendingRecords,
        });
        callbacks.onJournalProblem(failure.message);
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

  /**
   * Marks orders the strategy placed. Orders already shown (their stream update can beat the
   * place reply) are sent again, marked, so the renderer never keeps an unmarked copy.
   */
  markStrategyOrders(orderIds: readonly string[]): void {
    for (const id of orderIds) this.projection.markStrategyOrder(id);
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

  private onState(change: MonitorStateChange): void {
    this.journal.append({
      k: 'state',
      atMs: change.atMs,
      state: change.state,
      problem: change.problem ?? null,
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
    return this.projection.stats(this.tracker.counters(this.clock.now()));
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

  /** Stops the session, writes the journal's end and closes it. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    try {
      await this.session.stop();
    } finally {
      this.coalescer.flush();
      const { updatesAccepted, orders } = this.stats();
      this.journal.append({ k: 'end', atMs: this.clock.now(), updates: updatesAccepted, orders });
      await this.store.dispose();
      await this.session.dispose();
      await this.journal.dispose();
    }
  }

  dispose(): Promise<void> {
    return this.stop();
  }
}
