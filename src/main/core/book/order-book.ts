import {
  TERMINAL_STATUSES,
  type OrderStatus,
  type OrderUpdate,
  type UpdateSource,
} from '../../../shared/domain/order-update.ts';
import type {
  CountedFill,
  UpdateVerdict,
  VerdictReason,
} from '../../../shared/domain/update-verdict.ts';
import { compareDecimal, isDecimalSum, isPositiveDecimal } from './decimal-math.ts';
import { packOrder, StringTable, unpackOrder, type OrderState } from './ended-order.ts';
import { StatisticsAccumulator, type BookStatistics } from './book-statistics.ts';
import { growthOfFill, shareOf, type FillRange } from './fill-coverage.ts';

/**
 * One order as the book knows it. Kept small on purpose (memory bounded by what is open, not by
 * history): the current update, the event ids seen (to drop repeats) and a few counters; the
 * updates themselves are in the session journal, which is the record of the rest.
 */
export interface OrderRecord {
  readonly orderId: string;
  /** The update that defines the current state. */
  readonly current: OrderUpdate;
  /** Statuses of every accepted update of this order, in arrival order (late ones included). */
  readonly statuses: readonly OrderStatus[];
  /** The fees (`n`) of this order's accepted TRADE updates, as reported (REST backfill compares). */
  readonly commissions: readonly string[];
  /** OTO pair id (`il`), or null for a plain order. */
  readonly orderListId: string | null;
  /**
   * The highest cumulative filled quantity (`z`) already counted in the statistics. A fill
   * the stream reports after a REST backfill counted it adds only what lies above it.
   */
  readonly countedFilledQty: string;
  /** Where the last accepted update came from, and when it and the first one were received. */
  readonly lastSource: UpdateSource;
  readonly firstSeenAtMs: number;
  readonly lastReceivedAtMs: number;
}

/** The book's own, mutable form of a record (an open order, or an ended one being changed). */
class Order implements OrderRecord, OrderState {
  constructor(
    readonly orderId: string,
    public current: OrderUpdate,
    public statuses: OrderStatus[],
    public commissions: string[],
    /** Event ids of the accepted updates (a repeat from the stream is a duplicate). */
    public eventIds: number[],
    public orderListId: string | null,
    public countedFilledQty: string,
    public lastSource: UpdateSource,
    public firstSeenAtMs: number,
    public lastReceivedAtMs: number,
  ) {}

  static first(update: OrderUpdate, source: UpdateSource, receivedAtMs: number): Order {
    const order = new Order(
      update.orderId,
      update,
      [update.status],
      NO_COMMISSIONS,
      [update.eventId],
      update.orderListId,
      '0',
      source,
      receivedAtMs,
      receivedAtMs,
    );
    order.noteCommission(update);
    return order;
  }

  static of(orderId: string, state: OrderState): Order {
    return new Order(
      orderId,
      state.current,
      state.statuses,
      state.commissions,
      state.eventIds,
      state.orderListId,
      state.countedFilledQty,
      state.lastSource,
      state.firstSeenAtMs,
      state.lastReceivedAtMs,
    );
  }

  accept(update: OrderUpdate, source: UpdateSource, receivedAtMs: number): void {
    this.statuses.push(update.status);
    this.eventIds.push(update.eventId);
    this.lastSource = source;
    this.lastReceivedAtMs = receivedAtMs;
    this.noteCommission(update);
  }

  private noteCommission(update: OrderUpdate): void {
    if (update.executionType !== 'TRADE' || update.commission === null) return;
    if (this.commissions === NO_COMMISSIONS) this.commissions = [update.commission];
    else this.commissions.push(update.commission);
  }
}

const NO_COMMISSIONS: string[] = [];

/** What `apply` did with an update: `applied`, `late` or `duplicate`. */
export type ApplyOutcome = UpdateVerdict['outcome'];

/** Rough progress of a status, used to tell whether a backfill moves an order forward. */
const STATUS_RANK: Record<string, number> = { PENDING: 0, NEW: 1, PARTIALLY_FILLED: 2 };
const TERMINAL_RANK = 3;

function rank(update: OrderUpdate): number {
  return TERMINAL_STATUSES.has(update.status) ? TERMINAL_RANK : (STATUS_RANK[update.status] ?? 1);
}

/** Verdicts that count no fill, shared (verdicts are never changed once made). */
const FIXED_VERDICTS: { readonly [R in VerdictReason]: UpdateVerdict } = Object.freeze({
  'first-seen': Object.freeze({ outcome: 'applied', reason: 'first-seen', counted: null }),
  'moves-forward': Object.freeze({ outcome: 'applied', reason: 'moves-forward', counted: null }),
  'older-event': Object.freeze({ outcome: 'late', reason: 'older-event', counted: null }),
  'after-terminal': Object.freeze({ outcome: 'late', reason: 'after-terminal', counted: null }),
  'fill-behind': Object.freeze({ outcome: 'late', reason: 'fill-behind', counted: null }),
  'repeated-event': Object.freeze({
    outcome: 'duplicate',
    reason: 'repeated-event',
    counted: null,
  }),
  'adds-nothing': Object.freeze({ outcome: 'duplicate', reason: 'adds-nothing', counted: null }),
});

function verdictOf(reason: VerdictReason, counted: CountedFill | null): UpdateVerdict {
  const fixed = FIXED_VERDICTS[reason];
  return counted === null ? fixed : { outcome: fixed.outcome, reason, counted };
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
  /** Open orders as objects; ended ones packed (`ended-order.ts`) until something changes them. */
  private readonly orders = new Map<string, Order | string>();
  private readonly table = new StringTable();
  private readonly lists = new Map<string, string[]>();
  private readonly stats = new StatisticsAccumulator();
  /** Per order: stretches below its counted mark not counted yet (fills seen out of order). */
  private readonly fillHoles = new Map<string, FillRange[]>();

  /**
   * Applies one update and returns the verdict: what happened to it and why, and what it added
   * to the filled volume. This is the only place order state is decided. `receivedAtMs` (when
   * the update arrived; default: its event time) is kept for the views.
   */
  apply(
    update: OrderUpdate,
    source: UpdateSource = 'stream',
    receivedAtMs: number = update.eventTimeMs,
  ): UpdateVerdict {
    const entry = this.orders.get(update.orderId);
    const record = this.unpacked(update.orderId, entry);
    const from = record === undefined ? null : record.current.status;
    const verdict = this.decide(record, update, source, receivedAtMs);
    this.stats.record(update, source, verdict, from);
    if (verdict.outcome !== 'duplicate')
      this.settle(record ?? (this.orders.get(update.orderId) as Order), entry);
    return verdict;
  }

  /**
   * Follows a verdict the book gave before (a journal read back): the same state and counts,
   * without deciding again.
   */
  replay(
    update: OrderUpdate,
    source: UpdateSource,
    verdict: UpdateVerdict,
    receivedAtMs: number,
  ): void {
    const entry = this.orders.get(update.orderId);
    const record = this.unpacked(update.orderId, entry);
    const from = record === undefined ? null : record.current.status;
    this.stats.record(update, source, verdict, from);
    if (verdict.outcome === 'duplicate') return;
    if (record === undefined) {
      this.settle(this.create(update, source, receivedAtMs), undefined);
      return;
    }
    this.accept(record, update, source, receivedAtMs);
    if (verdict.outcome === 'applied') record.current = update;
    this.settle(record, entry);
  }

  /** The order as an object to change (unpacked if it had ended), or undefined. */
  private unpacked(orderId: string, entry: Order | string | undefined): Order | undefined {
    return typeof entry === 'string' ? Order.of(orderId, unpackOrder(entry, this.table)) : entry;
  }

  /**
   * Stores a changed order: packed once it has ended (and no fill of it is waiting to be
   * counted); `entry` is what was stored before.
   */
  private settle(record: Order, entry: Order | string | undefined): void {
    if (TERMINAL_STATUSES.has(record.current.status) && !this.fillHoles.has(record.orderId)) {
      const packed = packOrder(record, this.table);
      if (packed !== null) {
        this.orders.set(record.orderId, packed);
        return;
      }
    }
    if (typeof entry === 'string') this.orders.set(record.orderId, record);
  }

  private decide(
    record: Order | undefined,
    update: OrderUpdate,
    source: UpdateSource,
    receivedAtMs: number,
  ): UpdateVerdict {
    if (record === undefined) {
      const created = this.create(update, source, receivedAtMs);
      return verdictOf('first-seen', this.countFill(created, update));
    }
    // An event id belongs to one order, so a repeat can only be among that order's ids.
    if (source === 'stream' && record.eventIds.includes(update.eventId))
      return FIXED_VERDICTS['repeated-event'];
    const previous = record.current;
    const late =
      source === 'backfill'
        ? this.backfillMovesForward(previous, update)
          ? null
          : 'adds-nothing'
        : this.streamLateReason(previous, update);
    if (late === 'adds-nothing') return FIXED_VERDICTS['adds-nothing'];
    this.accept(record, update, source, receivedAtMs);
    // A late fill is still a fill that happened: it counts toward volume and fees, unless a
    // backfill (or another frame) counted that quantity already.
    const counted = this.countFill(record, update);
    if (late !== null) return verdictOf(late, counted);
    record.current = update;
    return verdictOf('moves-forward', counted);
  }

  private create(update: OrderUpdate, source: UpdateSource, receivedAtMs: number): Order {
    const created = Order.first(update, source, receivedAtMs);
    this.orders.set(update.orderId, created);
    this.link(update);
    return created;
  }

  private accept(
    record: Order,
    update: OrderUpdate,
    source: UpdateSource,
    receivedAtMs: number,
  ): void {
    record.accept(update, source, receivedAtMs);
    if (record.orderListId === null && update.orderListId !== null) {
      record.orderListId = update.orderListId;
      this.link(update);
    }
  }

  /** The order's record, if seen (a copy for an order that ended). */
  get(orderId: string): OrderRecord | undefined {
    return this.unpacked(orderId, this.orders.get(orderId));
  }

  /** Every order, in first-seen order (ended ones unpacked: a full read). */
  list(): OrderRecord[] {
    const out: OrderRecord[] = [];
    for (const [id, entry] of this.orders) out.push(this.unpacked(id, entry)!);
    return out;
  }

  /** Orders not in a final status, without unpacking the ended ones. */
  openOrders(): OrderRecord[] {
    const out: OrderRecord[] = [];
    for (const entry of this.orders.values())
      if (typeof entry !== 'string' && !TERMINAL_STATUSES.has(entry.current.status))
        out.push(entry);
    return out;
  }

  get size(): number {
    return this.orders.size;
  }

  /** The other legs of an OTO pair (empty for a plain order). */
  linkedOrders(orderId: string): OrderRecord[] {
    const listId = this.get(orderId)?.orderListId;
    if (!listId) return [];
    return (this.lists.get(listId) ?? []).filter((id) => id !== orderId).map((id) => this.get(id)!);
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
  private countFill(record: Order, update: OrderUpdate): CountedFill | null {
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
