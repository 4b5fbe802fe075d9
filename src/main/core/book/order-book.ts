import { TERMINAL_STATUSES, type OrderUpdate, type UpdateSource } from '../../../shared/domain/order-update.ts';
import { compareDecimal } from './decimal-math.ts';
import { StatisticsAccumulator, type BookStatistics } from './book-statistics.ts';

/** One order as the book knows it. */
export interface OrderRecord {
  orderId: string;
  /** The update that defines the current state. */
  current: OrderUpdate;
  /** Every accepted update of this order, in arrival order (late ones included). */
  history: OrderUpdate[];
  /** OTO pair id (`il`), or null for a plain order. */
  orderListId: string | null;
}

/** What `apply` did with an update. */
export type ApplyOutcome =
  /** New state for its order. */
  | 'applied'
  /** Accepted and counted, but older than the order's current state: history only. */
  | 'late'
  /** Seen before (same event id, or a backfill that adds nothing): dropped, not counted. */
  | 'duplicate';

/** Rough progress of a status, used to tell whether a backfill moves an order forward. */
const STATUS_RANK: Record<string, number> = { PENDING: 0, NEW: 1, PARTIALLY_FILLED: 2 };
const TERMINAL_RANK = 3;

function hasEvent(history: readonly OrderUpdate[], eventId: number): boolean {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.eventId === eventId) return true;
  return false;
}

function rank(update: OrderUpdate): number {
  return TERMINAL_STATUSES.has(update.status) ? TERMINAL_RANK : (STATUS_RANK[update.status] ?? 1);
}

/**
 * Current state per order id, built from stream and backfill updates.
 * - A repeated event id is a duplicate: dropped and counted.
 * - An event older than the order's current one (lower id) is kept in history but never
 *   moves the state backwards; nothing leaves a terminal status; the filled quantity never
 *   shrinks.
 * - Backfill updates (REST reconciliation) have no event id of their own; they apply only
 *   when they move the order forward.
 * OTO legs are linked by `il`.
 */
export class OrderBook {
  private readonly orders = new Map<string, OrderRecord>();
  private readonly lists = new Map<string, string[]>();
  private readonly stats = new StatisticsAccumulator();

  /** Applies one update and says what happened to it. */
  apply(update: OrderUpdate, source: UpdateSource = 'stream'): ApplyOutcome {
    const record = this.orders.get(update.orderId);
    // An event id belongs to one order, so a repeat can only be in that order's history.
    if (source === 'stream' && record !== undefined && hasEvent(record.history, update.eventId)) {
      this.stats.duplicates++;
      return 'duplicate';
    }
    if (!record) {
      this.orders.set(update.orderId, { orderId: update.orderId, current: update, history: [update], orderListId: update.orderListId });
      this.link(update);
      this.stats.countUpdate(update.status, source === 'backfill');
      this.stats.moveOrder(null, update.status);
      this.countFill(update);
      return 'applied';
    }
    const previous = record.current;
    const forward = source === 'backfill' ? this.backfillMovesForward(previous, update) : this.streamMovesForward(previous, update);
    if (source === 'backfill' && !forward) return 'duplicate';
    record.history.push(update);
    this.stats.countUpdate(update.status, source === 'backfill');
    // A late fill is still a fill that happened: it counts toward volume and fees.
    this.countFill(update);
    if (record.orderListId === null && update.orderListId !== null) {
      record.orderListId = update.orderListId;
      this.link(update);
    }
    if (!forward) {
      this.stats.late++;
      return 'late';
    }
    record.current = update;
    this.stats.moveOrder(previous.status, update.status);
    return 'applied';
  }

  /** The order's record, if seen. */
  get(orderId: string): OrderRecord | undefined {
    return this.orders.get(orderId);
  }

  /** Every order, in first-seen order. */
  list(): OrderRecord[] {
    return [...this.orders.values()];
  }

  get size(): number {
    return this.orders.size;
  }

  /** The other legs of an OTO pair (empty for a plain order). */
  linkedOrders(orderId: string): OrderRecord[] {
    const listId = this.orders.get(orderId)?.orderListId;
    if (!listId) return [];
    return (this.lists.get(listId) ?? []).filter((id) => id !== orderId).map((id) => this.orders.get(id)!);
  }

  /** Statistics so far (a fresh snapshot each call). */
  statistics(): BookStatistics {
    return this.stats.snapshot(this.orders.size);
  }

  private streamMovesForward(previous: OrderUpdate, next: OrderUpdate): boolean {
    if (next.eventId < previous.eventId) return false;
    if (previous.status !== 'NEW' && previous.status !== 'PENDING' && previous.status !== 'PARTIALLY_FILLED') {
      // Nothing leaves a terminal status.
      if (!TERMINAL_STATUSES.has(next.status)) return false;
    }
    return compareDecimal(next.cumulativeFilledQty, previous.cumulativeFilledQty) >= 0;
  }

  private backfillMovesForward(previous: OrderUpdate, next: OrderUpdate): boolean {
    if (TERMINAL_STATUSES.has(previous.status)) return false;
    const filled = compareDecimal(next.cumulativeFilledQty, previous.cumulativeFilledQty);
    if (filled < 0) return false;
    return filled > 0 || rank(next) > rank(previous) || (previous.status === 'PENDING' && next.quantity !== previous.quantity);
  }

  /**
   * Stream TRADE frames carry one fill (`l`, `Y`, `n`). Backfill updates are built with the
   * growth since the state we had in the same fields, so they count the same way.
   */
  private countFill(update: OrderUpdate): void {
    if (update.executionType !== 'TRADE') return;
    this.stats.addFill(update, update.lastFilledQty, update.lastQuoteQty, update.commission, update.commissionAsset);
  }

  private link(update: OrderUpdate): void {
    if (update.orderListId === null) return;
    const legs = this.lists.get(update.orderListId);
    if (legs === undefined) this.lists.set(update.orderListId, [update.orderId]);
    else if (!legs.includes(update.orderId)) legs.push(update.orderId);
  }
}
