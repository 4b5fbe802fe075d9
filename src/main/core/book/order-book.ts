import {
  TERMINAL_STATUSES,
  type OrderUpdate,
  type UpdateSource,
} from '../../../shared/domain/order-update.ts';
import { compareDecimal, isDecimalSum } from './decimal-math.ts';
import { StatisticsAccumulator, type BookStatistics } from './book-statistics.ts';
import { growthOfFill, shareOf, type FillRange } from './fill-coverage.ts';

/** One order as the book knows it. */
export interface OrderRecord {
  orderId: string;
  /** The update that defines the current state. */
  current: OrderUpdate;
  /** Every accepted update of this order, in arrival order (late ones included). */
  history: OrderUpdate[];
  /** OTO pair id (`il`), or null for a plain order. */
  orderListId: string | null;
  /**
   * The highest cumulative filled quantity (`z`) already counted in the statistics. A fill
   * the stream reports after a REST backfill counted it adds only what lies above it.
   */
  countedFilledQty: string;
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
  /** Per order: stretches below its counted mark not counted yet (fills seen out of order). */
  private readonly fillHoles = new Map<string, FillRange[]>();

  /** Applies one update and says what happened to it. */
  apply(update: OrderUpdate, source: UpdateSource = 'stream'): ApplyOutcome {
    const record = this.orders.get(update.orderId);
    // An event id belongs to one order, so a repeat can only be in that order's history.
    if (source === 'stream' && record !== undefined && hasEvent(record.history, update.eventId)) {
      this.stats.duplicates++;
      return 'duplicate';
    }
    if (!record) {
      const created: OrderRecord = {
        orderId: update.orderId,
        current: update,
        history: [update],
        orderListId: update.orderListId,
        countedFilledQty: '0',
      };
      this.orders.set(update.orderId, created);
      this.link(update);
      this.stats.countUpdate(update.status, source === 'backfill');
      this.stats.moveOrder(null, update.status);
      this.countFill(created, update);
      return 'applied';
    }
    const previous = record.current;
    const forward =
      source === 'backfill'
        ? this.backfillMovesForward(previous, update)
        : this.streamMovesForward(previous, update);
    if (source === 'backfill' && !forward) return 'duplicate';
    record.history.push(update);
    this.stats.countUpdate(update.status, source === 'backfill');
    // A late fill is still a fill that happened: it counts toward volume and fees, unless a
    // backfill (or another frame) counted that quantity already.
    this.countFill(record, update);
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
    return (this.lists.get(listId) ?? [])
      .filter((id) => id !== orderId)
      .map((id) => this.orders.get(id)!);
  }

  /** Statistics so far (a fresh snapshot each call). */
  statistics(): BookStatistics {
    return this.stats.snapshot(this.orders.size);
  }

  private streamMovesForward(previous: OrderUpdate, next: OrderUpdate): boolean {
    if (next.eventId < previous.eventId) return false;
    // Nothing leaves a terminal status, not even for another terminal one: after a backfill
    // said FILLED, the stream's own FILLED frame is old news.
    if (TERMINAL_STATUSES.has(previous.status)) return false;
    return compareDecimal(next.cumulativeFilledQty, previous.cumulativeFilledQty) >= 0;
  }

  private backfillMovesForward(previous: OrderUpdate, next: OrderUpdate): boolean {
    if (TERMINAL_STATUSES.has(previous.status)) return false;
    const filled = compareDecimal(next.cumulativeFilledQty, previous.cumulativeFilledQty);
    if (filled < 0) return false;
    return (
      filled > 0 ||
      rank(next) > rank(previous) ||
      (previous.status === 'PENDING' && next.quantity !== previous.quantity)
    );
  }

  /**
   * Stream TRADE frames carry one fill (`l`, `Y`, `n`) covering `(z - l, z]` of the order's
   * filled quantity. Backfill updates are built with the growth since the state we had in the
   * same fields, so they count the same way. Only the part of a fill not counted before is
   * added (its quote quantity and fee in proportion), so a fill seen both by a backfill and by
   * the stream counts once.
   */
  private countFill(record: OrderRecord, update: OrderUpdate): void {
    if (update.executionType !== 'TRADE') return;
    // The usual case, kept allocation-free: the fill continues exactly where counting ended.
    const counted = record.countedFilledQty;
    const continues =
      counted === '0' && update.lastFilledQty === update.cumulativeFilledQty
        ? true
        : isDecimalSum(counted, update.lastFilledQty, update.cumulativeFilledQty);
    if (continues && (this.fillHoles.size === 0 || !this.fillHoles.has(record.orderId))) {
      record.countedFilledQty = update.cumulativeFilledQty;
      this.stats.addFill(
        update,
        update.lastFilledQty,
        update.lastQuoteQty,
        update.commission,
        update.commissionAsset,
      );
      return;
    }
    const growth = growthOfFill(
      update,
      record.countedFilledQty,
      this.fillHoles.get(record.orderId) ?? [],
    );
    if (growth.holes.length > 0) this.fillHoles.set(record.orderId, growth.holes);
    else this.fillHoles.delete(record.orderId);
    if (growth.countedTo.gt(record.countedFilledQty))
      record.countedFilledQty = growth.countedTo.toFixed();
    if (!growth.uncounted.gt(0)) return;
    if (growth.uncounted.eq(update.lastFilledQty)) {
      this.stats.addFill(
        update,
        update.lastFilledQty,
        update.lastQuoteQty,
        update.commission,
        update.commissionAsset,
      );
      return;
    }
    const part = (value: string): string => shareOf(value, growth.uncounted, update.lastFilledQty);
    this.stats.addFill(
      update,
      growth.uncounted.toFixed(),
      part(update.lastQuoteQty),
      update.commission === null ? null : part(update.commission),
      update.commissionAsset,
    );
  }

  private link(update: OrderUpdate): void {
    if (update.orderListId === null) return;
    const legs = this.lists.get(update.orderListId);
    if (legs === undefined) this.lists.set(update.orderListId, [update.orderId]);
    else if (!legs.includes(update.orderId)) legs.push(update.orderId);
  }
}
