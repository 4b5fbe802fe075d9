import type { OrderUpdate } from '../../shared/domain/order-update.ts';
import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import type { MonitorSnapshot, OrderView } from '../../shared/ipc/views-monitor.ts';
import type { LastAppliedUpdates } from '../core/journal/journal-last-updates.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';

/** At most one whole-journal read per this long, for rows only such a read can rebuild. */
export const WHOLE_READ_INTERVAL_MS = 5_000;

/** What the reads need of the running account. */
export interface EndedRowSource {
  /** The row as it can be built without a read (the order's last view is held), if it can. */
  viewOf(orderId: string): OrderView | undefined;
  /** The row from the book's tombstone of the order and its last applied update. */
  rowOf(orderId: string, last: OrderUpdate): OrderView | undefined;
  /** The last applied updates of a few orders, read from the journal (not the session). */
  readLastApplied(orderIds: readonly string[]): Promise<LastAppliedUpdates>;
  /** Everything on disk, folded: the whole session read (the snapshot). */
  readWhole(): Promise<MonitorSnapshot>;
  /** Sends rows read back (after the batch that asked for them). */
  send(views: readonly OrderView[]): void;
}

/**
 * Rows of ended orders that a late update changed, when the app no longer holds the order's
 * last update (the book keeps a tombstone: state, counts, times). One read at a time, for all
 * the orders asked for since the last one: the journal is asked only for those orders' last
 * applied updates, read from its end back (`readLastAppliedUpdates`), never the session
 * folded (#15). The last applied update was on disk before the late one was shown, so nothing
 * needs a flush. Only an order whose update record has no verdict (a journal older than this
 * writer) or a read that failed needs a whole read: all of them in one, at most one per
 * `WHOLE_READ_INTERVAL_MS`.
 */
export class EndedRowReads implements Disposable {
  private readonly toRead = new Set<string>();
  private readonly toReadWhole = new Set<string>();
  private running: Promise<void> | null = null;
  private lastWholeReadAtMs = Number.NEGATIVE_INFINITY;
  private wait: Disposable | null = null;
  private disposed = false;

  constructor(
    private readonly source: EndedRowSource,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Asks for the order's row; the read starts after the caller's batch, with all its orders. */
  request(orderId: string): void {
    if (this.disposed) return;
    this.toRead.add(orderId);
    this.running ??= Promise.resolve()
      .then(() => this.run())
      .catch((error: unknown) =>
        this.logger.warn('rows of ended orders could not be read back', { error: String(error) }),
      )
      .finally(() => (this.running = null));
  }

  /** Resolves when no read is under way or waiting. */
  async whenIdle(): Promise<void> {
    while (this.running !== null) await this.running;
  }

  private async run(): Promise<void> {
    while (!this.disposed) {
      if (this.toRead.size > 0) await this.readLastApplied();
      else if (this.toReadWhole.size > 0) await this.readWhole();
      else return;
    }
  }

  private async readLastApplied(): Promise<void> {
    const wanted = [...this.toRead];
    this.toRead.clear();
    // A row whose view is held again (sent since, with a later update) needs no read.
    const notHeld = wanted.filter((id) => this.source.viewOf(id) === undefined);
    let found = new Map<string, OrderUpdate>();
    if (notHeld.length > 0) {
      try {
        const read = await this.source.readLastApplied(notHeld);
        found = read.found;
        for (const id of read.undecided) this.toReadWhole.add(id);
      } catch (error) {
        this.logger.warn('last updates of ended orders could not be read back', {
          error: String(error),
        });
        for (const id of notHeld) this.toReadWhole.add(id);
      }
    }
    if (this.disposed) return;
    const views = wanted.flatMap((id) => {
      const last = found.get(id);
      const view =
        this.source.viewOf(id) ?? (last === undefined ? undefined : this.source.rowOf(id, last));
      return view === undefined ? [] : [view];
    });
    if (views.length > 0) this.source.send(views);
  }

  private async readWhole(): Promise<void> {
    const waitMs = this.lastWholeReadAtMs + WHOLE_READ_INTERVAL_MS - this.clock.now();
    if (waitMs > 0) {
      // Disposing wakes it (and it reads nothing then).
      await new Promise<void>((resolve) => {
        const timer = this.clock.setTimeout(resolve, waitMs);
        this.wait = {
          dispose: () => {
            timer.dispose();
            resolve();
          },
        };
      });
      this.wait = null;
    }
    if (this.disposed) return;
    const wanted = new Set(this.toReadWhole);
    this.toReadWhole.clear();
    this.lastWholeReadAtMs = this.clock.now();
    const snapshot = await this.source.readWhole();
    const views = snapshot.orders.filter((o) => wanted.has(o.last.orderId));
    if (!this.disposed && views.length > 0) this.source.send(views);
  }

  dispose(): void {
    this.disposed = true;
    this.toRead.clear();
    this.toReadWhole.clear();
    this.wait?.dispose();
    this.wait = null;
  }
}
