import {
  TERMINAL_STATUSES,
  type OrderUpdate,
  type UpdateSource,
} from '../../../shared/domain/order-update.ts';
import type {
  CountedFill,
  UpdateVerdict,
  VerdictReason,
} from '../../../shared/domain/update-verdict.ts';
import { compareDecimal, isDecimalSum, isPositiveDecimal } from './decimal-math.ts';
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

/** What `apply` did with an update: `applied`, `late` or `duplicate`. */
export type ApplyOutcome = UpdateVerdict['outcome'];

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

  /**
   * Applies one update and returns the verdict: what happened to it and why, and what it added
   * to the filled volume. This is the only place order state is decided.
   */
  apply(update: OrderUpdate, source: UpdateSource = 'stream'): UpdateVerdict {
    const verdict = this.decide(update, source);
    this.stats.record(update, source, verdict);
    return verdict;
  }

  private decide(update: OrderUpdate, source: UpdateSource): UpdateVerdict {
    const record = this.orders.get(update.orderId);
    // An event id belongs to one order, so a repeat can only be in that order's history.
    if (source === 'stream' && record !== undefined && hasEvent(record.history, update.eventId))
      return { outcome: 'duplicate', reason: 'repeated-event', counted: null };
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
      return { outcome: 'applied', reason: 'first-seen', counted: this.countFill(created, update) };
    }
    const previous = record.current;
    const late =
      source === 'backfill'
        ? this.backfillMovesForward(previous, update)
          ? null
          : 'adds-nothing'
        : this.streamLateReason(previous, update);
    if (late === 'adds-nothing') return { outcome: 'duplicate', reason: late, counted: null };
    record.history.push(update);
    // A late fill is still a fill that happened: it counts toward volume and fees, unless a
    // backfill (or another frame) counted that quantity already.
    const counted = this.countFill(record, update);
    if (record.orderListId === null && update.orderListId !== null) {
      record.orderListId = update.orderListId;
      this.link(update);
    }
    if (late !== null) return { outcome: 'late', reason: late, counted };
    record.current = update;
    return { outcome: 'applied', reason: 'moves-forward', counted };
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
    return this.stats.snapshot();
  }

  /** Why a stream update does not move its order, or null when it does. */
  private streamLateReason(previous: OrderUpdate, next: OrderUpdate): VerdictReason | null {
    if (next.eventId < previous.eventId) return 'older-event';
    // Nothing leaves a terminal status, not even for another terminal one: after a backfill
    // said FILLED, the stream's own FILLED frame is old news.
    if (TERMINAL_STATUSES.has(previous.status)) return 'after-terminal';
    return compareDecimal(next.cumulativeFilledQty, previous.cumulativeFilledQty) >= 0
      ? null
      : 'fill-behind';
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
  private countFill(record: OrderRecord, update: OrderUpdate): CountedFill | null {
    if (update.executionType !== 'TRADE') return null;
    // The usual case, kept allocation-free: the fill continues exactly where counting ended.
    const counted = record.countedFilledQty;
    const continues =
      counted === '0' && update.lastFilledQty === update.cumulativeFilledQty
        ? true
        : isDecimalSum(counted, update.lastFilledQty, update.cumulativeFilledQty);
    if (continues && (this.fillHoles.size === 0 || !this.fillHoles.has(record.orderId))) {
      record.countedFilledQty = update.cumulativeFilledQty;
      return wholeFill(update);
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
    if (!growth.uncounted.gt(0)) return null;
    if (growth.uncounted.eq(update.lastFilledQty)) return wholeFill(update);
    const part = (value: string): string => shareOf(value, growth.uncounted, update.lastFilledQty);
    return {
      base: growth.uncounted.toFixed(),
      quote: part(update.lastQuoteQty),
      fee: update.commission === null ? null : part(update.commission),
    };
  }

  private link(update: OrderUpdate): void {
    if (update.orderListId === null) return;
    const legs = this.lists.get(update.orderListId);
    if (legs === undefined) this.lists.set(update.orderListId, [update.orderId]);
    else if (!legs.includes(update.orderId)) legs.push(update.orderId);
  }
}

/** The whole of a fill's `l`, `Y` and `n`; null for a fill of nothing. */
function wholeFill(update: OrderUpdate): CountedFill | null {
  if (!isPositiveDecimal(update.lastFilledQty)) return null;
  return { base: update.lastFilledQty, quote: update.lastQuoteQty, fee: update.commission };
}
