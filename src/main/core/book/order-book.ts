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
import { EndedArchive, type EndedOrder } from './ended-order.ts';
import { StatisticsAccumulator, type BookStatistics } from './book-statistics.ts';
import { fillsHole, growthOfFill, shareOf, type FillRange } from './fill-coverage.ts';

/**
 * One order as the book knows it. Kept small on purpose (memory bounded by what is open, not by
 * history): the current update, the event ids seen (to drop repeats) and a few counters; the
 * updates themselves are in the session journal, which is the record of the rest.
 */
export interface OrderRecord {
  readonly orderId: string;
  /** The update that defines the current state. */
  readonly current: OrderUpdate;
  /** Accepted updates of this order (late ones included). */
  readonly updateCount: number;
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

/** The book's own, mutable form of an open order's record. */
class Order implements OrderRecord {
  constructor(
    readonly orderId: string,
    public current: OrderUpdate,
    public updateCount: number,
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
      1,
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

  accept(update: OrderUpdate, source: UpdateSource, receivedAtMs: number): void {
    this.updateCount++;
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

/** Whether an order never leaves this status; the captured statuses by plain comparisons. */
function isTerminal(status: OrderStatus): boolean {
  if (status === 'NEW' || status === 'PARTIALLY_FILLED' || status === 'PENDING') return false;
  return status === 'FILLED' || TERMINAL_STATUSES.has(status);
}

/** Rough progress of a status, used to tell whether a backfill moves an order forward. */
const STATUS_RANK: Record<string, number> = { PENDING: 0, NEW: 1, PARTIALLY_FILLED: 2 };
const TERMINAL_RANK = 3;

function rank(update: OrderUpdate): number {
  return isTerminal(update.status) ? TERMINAL_RANK : (STATUS_RANK[update.status] ?? 1);
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
  return withCounted(FIXED_VERDICTS[reason], counted);
}

/** The verdicts of the usual path, read once (a keyed read of FIXED_VERDICTS per update cost). */
const FIRST_SEEN = FIXED_VERDICTS['first-seen'];
const MOVES_FORWARD = FIXED_VERDICTS['moves-forward'];

/** `fixed`, or the same outcome and reason with what the update counted. */
function withCounted(fixed: UpdateVerdict, counted: CountedFill | null): UpdateVerdict {
  return counted === null ? fixed : { outcome: fixed.outcome, reason: fixed.reason, counted };
}

/**
 * Current state per order id, built from stream and backfill updates.
 * - A repeated event id is a duplicate: dropped and counted.
 * - An event older than the order's current one (lower id) is kept in history but never
 *   moves the state backwards; nothing leaves a terminal status; the filled quantity never
 *   shrinks.
 * - Backfill updates (REST reconciliation) have no event id of their own; they apply only
 *   when they move the order forward, and are kept as late when they bring a fill in a hole
 *   below the counted mark (a frame the stream lost; see `ordersWithFillHoles`).
 * OTO legs are linked by `il`.
 */
export class OrderBook {
  /** Open orders. */
  private readonly orders = new Map<string, Order>();
  /** Orders that ended, kept compactly (`ended-order.ts`). */
  private readonly archive = new EndedArchive();
  /** OTO legs by list id (`il`), while one of them is open. */
  private readonly lists = new Map<string, string[]>();
  private readonly stats = new StatisticsAccumulator();
  /**
   * Per order: stretches below its counted mark not counted yet (fills seen out of order, or a
   * frame lost), with the order's symbol (reconciliation asks the exchange for its fills; an
   * ended order's tombstone has no symbol).
   */
  private readonly fillHoles = new Map<string, OrderFillHoles>();

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
    if (entry === undefined) {
      const row = this.archive.rowOf(update.orderId);
      if (row !== -1) return this.applyToEnded(row, update, source, receivedAtMs);
      const created = this.create(update, source, receivedAtMs);
      const first = withCounted(FIRST_SEEN, this.countFill(created, update));
      this.stats.record(update, source, first, null);
      this.settle(created);
      return first;
    }
    const from = entry.current.status;
    const verdict = this.decide(entry, update, source, receivedAtMs);
    this.stats.record(update, source, verdict, from);
    if (verdict.outcome !== 'duplicate') this.settle(entry);
    return verdict;
  }

  /**
   * Follows a verdict the book gave before (a journal read back): the same state and counts,
   * without deciding again. The counted mark and the stretches below it not counted yet (fills
   * seen out of order) are rebuilt as live built them, so a later fill into such a stretch
   * counts the same after a replay as live.
   */
  replay(
    update: OrderUpdate,
    source: UpdateSource,
    verdict: UpdateVerdict,
    receivedAtMs: number,
  ): void {
    const entry = this.orders.get(update.orderId);
    const row = entry === undefined ? this.archive.rowOf(update.orderId) : -1;
    if (row !== -1) {
      const ended = this.archive.read(update.orderId, row);
      this.stats.record(update, source, verdict, ended.status);
      if (verdict.outcome === 'late') {
        const counter = { orderId: ended.orderId, countedFilledQty: ended.countedFilledQty };
        this.countFill(counter, update);
        this.storeEnded({
          ...afterLate(ended, update, source, receivedAtMs),
          countedFilledQty: counter.countedFilledQty,
        });
      }
      // Nothing leaves a terminal status; a journal that says otherwise is followed as written.
      else if (verdict.outcome === 'applied')
        this.settle(this.reopen(ended, update, source, receivedAtMs));
      return;
    }
    this.stats.record(update, source, verdict, entry === undefined ? null : entry.current.status);
    if (verdict.outcome === 'duplicate') return;
    if (entry === undefined) {
      const created = this.create(update, source, receivedAtMs);
      this.countFill(created, update);
      this.settle(created);
      return;
    }
    this.accept(entry, update, source, receivedAtMs);
    // Live counted every update it did not drop as a duplicate (`decide`, `applyToEnded`).
    this.countFill(entry, update);
    if (verdict.outcome === 'applied') entry.current = update;
    this.settle(entry);
  }

  /**
   * A frame of an order that ended: a repeat is a duplicate, anything else from the stream is
   * late (older than its last event, or after it ended) and counts only a fill not counted
   * yet; a backfill adds nothing to an ended order.
   */
  private applyToEnded(
    row: number,
    update: OrderUpdate,
    source: UpdateSource,
    receivedAtMs: number,
  ): UpdateVerdict {
    const status = this.archive.status(row);
    let verdict: UpdateVerdict;
    // A backfill adds to an ended order only a fill in a hole below its counted mark.
    if (source === 'backfill' && !this.fillsHole(update.orderId, update))
      verdict = FIXED_VERDICTS['adds-nothing'];
    else if (source === 'stream' && this.archive.hasEventId(row, update.eventId))
      verdict = FIXED_VERDICTS['repeated-event'];
    else {
      const ended = this.archive.read(update.orderId, row);
      const counter = { orderId: ended.orderId, countedFilledQty: ended.countedFilledQty };
      const counted = this.countFill(counter, update);
      verdict = verdictOf(
        source === 'stream' && update.eventId < ended.eventId ? 'older-event' : 'after-terminal',
        counted,
      );
      this.storeEnded({
        ...afterLate(ended, update, source, receivedAtMs),
        countedFilledQty: counter.countedFilledQty,
      });
    }
    this.stats.record(update, source, verdict, status);
    return verdict;
  }

  /** Stores a changed open order: moved to the archive once it has ended. */
  private settle(record: Order): void {
    const current = record.current;
    if (!isTerminal(current.status)) return;
    const listId = record.orderListId;
    const legs = listId === null ? undefined : this.lists.get(listId);
    const peer = legs === undefined ? null : otherLeg(legs, record.orderId);
    this.archive.put(record, current.status, current.eventId, peer);
    this.orders.delete(record.orderId);
    // The list is only needed to find a leg's peer while one of them is open (or not seen yet).
    if (legs !== undefined && legs.length > 1 && this.othersEnded(legs, record.orderId))
      this.lists.delete(listId!);
  }

  /** Whether every order of `orderIds` but `ended` (known to have ended) has ended. */
  private othersEnded(orderIds: readonly string[], ended: string): boolean {
    for (const id of orderIds)
      if (id !== ended && (this.orders.has(id) || !this.archive.has(id))) return false;
    return true;
  }

  /** Keeps an ended order's changed values (a late update of it). */
  private storeEnded(ended: EndedOrder): void {
    this.archive.put(ended, ended.status, ended.eventId, ended.peerOrderId);
  }

  /** An ended order as an open record again (only a journal that says so does this). */
  private reopen(
    ended: EndedOrder,
    update: OrderUpdate,
    source: UpdateSource,
    receivedAtMs: number,
  ): Order {
    const order = Order.first(update, source, ended.firstSeenAtMs);
    order.updateCount = ended.updateCount + 1;
    order.eventIds = [...ended.eventIds, update.eventId];
    order.countedFilledQty = ended.countedFilledQty;
    order.lastReceivedAtMs = receivedAtMs;
    this.archive.delete(update.orderId);
    this.orders.set(update.orderId, order);
    return order;
  }

  /** The verdict on an update of an open order (`apply` decides first-seen ones). */
  private decide(
    record: Order,
    update: OrderUpdate,
    source: UpdateSource,
    receivedAtMs: number,
  ): UpdateVerdict {
    // An event id belongs to one order, so a repeat can only be among that order's ids.
    if (source === 'stream' && record.eventIds.includes(update.eventId))
      return FIXED_VERDICTS['repeated-event'];
    const previous = record.current;
    const late =
      source === 'backfill'
        ? this.backfillMovesForward(previous, update)
          ? null
          : this.backfillLateReason(previous, update)
        : this.streamLateReason(previous, update);
    if (late === 'adds-nothing') return FIXED_VERDICTS['adds-nothing'];
    this.accept(record, update, source, receivedAtMs);
    // A late fill is still a fill that happened: it counts toward volume and fees, unless a
    // backfill (or another frame) counted that quantity already.
    const counted = this.countFill(record, update);
    if (late !== null) return verdictOf(late, counted);
    record.current = update;
    return withCounted(MOVES_FORWARD, counted);
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

  /** An open order's record, if seen and not ended (see `ended` for the rest). */
  get(orderId: string): OrderRecord | undefined {
    return this.orders.get(orderId);
  }

  /** What the book keeps of an order that ended, or undefined (unknown or still open). */
  ended(orderId: string): EndedOrder | undefined {
    const row = this.archive.rowOf(orderId);
    return row === -1 ? undefined : this.archive.read(orderId, row);
  }

  /** The order's current status, open or ended; undefined if never seen. */
  statusOf(orderId: string): OrderStatus | undefined {
    const entry = this.orders.get(orderId);
    if (entry !== undefined) return entry.current.status;
    const row = this.archive.rowOf(orderId);
    return row === -1 ? undefined : this.archive.status(row);
  }

  /** Orders not in a final status. */
  openOrders(): OrderRecord[] {
    const out: OrderRecord[] = [];
    for (const entry of this.orders.values())
      if (!isTerminal(entry.current.status)) out.push(entry);
    return out;
  }

  /** Orders seen, open and ended. */
  get size(): number {
    return this.orders.size + this.archive.size;
  }

  /** The other leg of an OTO pair, open or ended; null for a plain order or one not seen. */
  peerOf(orderId: string): string | null {
    const entry = this.orders.get(orderId);
    if (entry === undefined) {
      const row = this.archive.rowOf(orderId);
      return row === -1 ? null : this.archive.peer(row);
    }
    const listId = entry.orderListId;
    if (!listId) return null;
    const legs = this.lists.get(listId);
    return legs === undefined ? null : otherLeg(legs, orderId);
  }

  /** The other legs of an OTO pair that are still open (empty for a plain order). */
  linkedOrders(orderId: string): OrderRecord[] {
    const peer = this.peerOf(orderId);
    const record = peer === null ? undefined : this.get(peer);
    return record === undefined ? [] : [record];
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
    if (isTerminal(previous.status)) return 'after-terminal';
    return compareDecimal(next.cumulativeFilledQty, previous.cumulativeFilledQty) >= 0
      ? null
      : 'fill-behind';
  }

  /**
   * A backfill that does not move its order forward is late when it brings a fill in a hole
   * below the counted mark (a frame the stream lost, recovered from the order's fills over
   * REST); otherwise it adds nothing.
   */
  private backfillLateReason(previous: OrderUpdate, next: OrderUpdate): VerdictReason {
    if (!this.fillsHole(next.orderId, next)) return 'adds-nothing';
    return isTerminal(previous.status) ? 'after-terminal' : 'fill-behind';
  }

  /** Whether a TRADE update's fill lies, at least in part, in a hole of its order. */
  private fillsHole(orderId: string, update: OrderUpdate): boolean {
    if (update.executionType !== 'TRADE' || this.fillHoles.size === 0) return false;
    const holes = this.fillHoles.get(orderId);
    return holes !== undefined && fillsHole(update, holes.ranges);
  }

  /**
   * Orders, open or ended, with stretches below their counted mark not counted yet: a fill
   * arrived above a fill the stream has not delivered (late, or lost). Reconciliation asks the
   * exchange for these orders' fills.
   */
  ordersWithFillHoles(): OrderFillHolesView[] {
    const out: OrderFillHolesView[] = [];
    for (const [orderId, { symbol, ranges }] of this.fillHoles)
      out.push({
        orderId,
        symbol,
        holes: ranges.map(([from, to]) => [from.toFixed(), to.toFixed()]),
      });
    return out;
  }

  private backfillMovesForward(previous: OrderUpdate, next: OrderUpdate): boolean {
    if (isTerminal(previous.status)) return false;
    const filled = compareDecimal(next.cumulativeFilledQty, previous.cumulativeFilledQty);
    if (filled < 0) return false;
    return (
      filled > 0 ||
      rank(next) > rank(previous) ||
      (previous.status === 'PENDING' && next.quantity !== previous.quantity) ||
      // The exchange's rows tell the status the stream sent in a form we could not read.
      (previous.status === 'UNRECOGNIZED' && next.status !== 'UNRECOGNIZED')
    );
  }

  /**
   * Stream TRADE frames carry one fill (`l`, `Y`, `n`) covering `(z - l, z]` of the order's
   * filled quantity. Backfill updates are built with the growth since the state we had in the
   * same fields, so they count the same way. Only the part of a fill not counted before is
   * added (its quote quantity and fee in proportion), so a fill seen both by a backfill and by
   * the stream counts once.
   */
  private countFill(record: FillCounter, update: OrderUpdate): CountedFill | null {
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
      this.fillHoles.get(record.orderId)?.ranges ?? [],
    );
    if (growth.holes.length > 0)
      this.fillHoles.set(record.orderId, { symbol: update.symbol, ranges: growth.holes });
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

  /**
   * Links an OTO leg to its list. A leg that ended before its peer was seen learns the peer
   * now. A leg arriving after every earlier leg ended (the list is gone then) finds no peer:
   * an OTO has two legs, placed together (ALPHA-PROTOCOL.md §4); lists of more legs were never
   * captured.
   */
  private link(update: OrderUpdate): void {
    if (update.orderListId === null) return;
    const legs = this.lists.get(update.orderListId);
    if (legs === undefined) {
      this.lists.set(update.orderListId, [update.orderId]);
      return;
    }
    if (legs.includes(update.orderId)) return;
    legs.push(update.orderId);
    for (const id of legs) {
      if (this.orders.has(id)) continue;
      const row = this.archive.rowOf(id);
      if (row !== -1 && this.archive.peer(row) === null) this.archive.setPeer(row, update.orderId);
    }
  }
}

/** The first leg of a list that is not `orderId` (an OTO has two). */
function otherLeg(legs: readonly string[], orderId: string): string | null {
  for (const id of legs) if (id !== orderId) return id;
  return null;
}

/** An order's stretches below its counted mark not counted yet, and its symbol. */
interface OrderFillHoles {
  readonly symbol: string;
  readonly ranges: FillRange[];
}

/** An order with holes below its counted mark, as reconciliation reads it. */
export interface OrderFillHolesView {
  readonly orderId: string;
  readonly symbol: string;
  /** Stretches `(from, to]` of the cumulative filled quantity not counted yet. */
  readonly holes: ReadonlyArray<readonly [from: string, to: string]>;
}

/** What fill counting reads and moves: an open order, or an ended one's counted mark. */
interface FillCounter {
  readonly orderId: string;
  countedFilledQty: string;
}

/** An ended order after a late update of it was accepted. */
function afterLate(
  ended: EndedOrder,
  update: OrderUpdate,
  source: UpdateSource,
  receivedAtMs: number,
): EndedOrder {
  return {
    ...ended,
    updateCount: ended.updateCount + 1,
    lastSource: source,
    lastReceivedAtMs: receivedAtMs,
    // A backfill has no event id of its own (it carries the order's last one).
    eventIds: source === 'backfill' ? ended.eventIds : [...ended.eventIds, update.eventId],
  };
}

/** The whole of a fill's `l`, `Y` and `n`; null for a fill of nothing. */
function wholeFill(update: OrderUpdate): CountedFill | null {
  if (!isPositiveDecimal(update.lastFilledQty)) return null;
  return { base: update.lastFilledQty, quote: update.lastQuoteQty, fee: update.commission };
}
