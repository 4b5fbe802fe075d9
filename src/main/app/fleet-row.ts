import { assertNever } from '../../shared/assert-never.ts';
import type { SessionStateName } from '../../shared/domain/session-state.ts';
import type {
  ConnectionView,
  OrderUpdatesBatch,
  OrderView,
  SessionStatsView,
} from '../../shared/ipc/views-monitor.ts';
import type {
  FleetLastFill,
  FleetPoints,
  FleetSessionHealth,
  FleetState,
} from '../../shared/ipc/views-fleet.ts';
import type Big from 'big.js';
import {
  isOpenOrderStatus,
  ORDER_STATUSES,
  TERMINAL_STATUSES,
  type OrderStatus,
  type OrderUpdate,
} from '../../shared/domain/order-update.ts';
import type { CountedFill } from '../../shared/domain/update-verdict.ts';
import { isDecimalSum } from '../core/book/decimal-math.ts';
import { growthOfFill, shareOf, type FillRange } from '../core/book/fill-coverage.ts';
import {
  utcDayStartMs,
  volumePoints,
  wearFillOfUpdate,
  WearTally,
  type WearFill,
} from '../core/points/index.ts';

/**
 * How many ended orders' counted quantities a row keeps (the most recently ended): as many as
 * a new session's start reconciliation can list (history pages of 50 rows, at most 20), the
 * only way the same fill reaches a fleet row twice (a restarted monitor's fresh book counts
 * its backfill again). Within a session the book's verdicts already count each fill once, and
 * the row's coverage of an order is then the book's, so it counts every verdict in full.
 */
export const ENDED_COUNTED_KEPT = 1_000;

/** Session failures that mean "copy a fresh session" rather than "something broke". */
const EXPIRED_CODES = new Set(['SESSION_EXPIRED']);
const VERIFICATION_CODES = new Set(['VERIFICATION_REQUIRED', 'RISK_CHALLENGE']);

/** The fleet's state of a session state (and the code it failed with). */
export function fleetStateOf(state: SessionStateName, problemCode: string | null): FleetState {
  switch (state) {
    case 'live':
      return 'live';
    case 'connecting':
    case 'subscribing':
      return 'connecting';
    case 'reconnecting':
      return 'reconnecting';
    case 'idle':
    case 'stopping':
    case 'stopped':
      return 'stopped';
    case 'failed':
      if (problemCode && EXPIRED_CODES.has(problemCode)) return 'session-expired';
      if (problemCode && VERIFICATION_CODES.has(problemCode)) return 'verification-needed';
      return 'failed';
    default:
      return assertNever(state, 'session state');
  }
}

/** Statuses that count as open (`isOpenOrderStatus`, the one definition). */
const OPEN_STATUSES: readonly OrderStatus[] = ORDER_STATUSES.filter(isOpenOrderStatus);

/**
 * What one account's monitor has shown so far, folded into a fleet row's figures: state,
 * open orders, orders in status unknown, missed-by-stream, orders with fills not recovered,
 * last fill, and today's fills (for counted volume, points and wear). Fed by the same
 * connection views and batches the window gets, so the fleet can never disagree with the
 * account's own screen.
 */
export class FleetRowState {
  state: FleetState = 'stopped';
  problemCode: string | null = null;
  /** Orders in a status that counts as open, less those shown as "status unknown". */
  openOrders = 0;
  /** Orders shown as "status unknown: not open on the exchange" (the engine's count). */
  statusUnknown = 0;
  missedByStream = 0;
  /** Orders with a lost fill the exchange does not list either (the engine's count). */
  fillsNotRecovered = 0;
  updates = 0;
  lastLiveAtMs: number | null = null;
  lastFill: FleetLastFill | null = null;
  /** Today's (UTC) fills, folded as they come (the fills themselves are not kept). */
  private today: { dayStartMs: number; tally: WearTally } | null = null;
  /**
   * Per order, the highest cumulative filled quantity counted (and, in `holes`, the stretches
   * below it not counted yet: fills seen out of order), the same coverage the book keeps. A
   * fill covers `(z - l, z]`: one the book counts within a session is new here too (a late one
   * closing a hole included), and a restarted monitor's backfill of an order counted in an
   * earlier session adds only what that session did not count. Open orders are all kept; of
   * the ended ones, the last `ENDED_COUNTED_KEPT` to end (oldest first), so this holds what is
   * open plus a fixed number, not the day's history.
   */
  private readonly countedOpen = new Map<string, string>();
  private readonly countedEnded = new Map<string, string>();
  private readonly holes = new Map<string, FillRange[]>();
  /** Orders shown as "status unknown" now, with the status they were last known in. */
  private readonly marked = new Map<string, OrderStatus>();
  /** The monitor session the marks belong to (a restarted monitor's book has none of them). */
  private sessionId: string | null = null;

  applyConnection(view: ConnectionView, atMs: number): void {
    const wasLive = this.state === 'live';
    if (view.sessionId !== this.sessionId) {
      this.sessionId = view.sessionId;
      this.marked.clear();
    }
    this.problemCode = view.problem?.code ?? null;
    this.state = fleetStateOf(view.state, this.problemCode);
    // When it became live (a key refresh while live changes nothing shown).
    if (this.state === 'live' && !wasLive) this.lastLiveAtMs = atMs;
  }

  applyBatch(batch: OrderUpdatesBatch): void {
    const s = batch.stats;
    // None marked now (a new session's, or every mark cleared): nothing left to take off.
    if (s.statusUnknown === 0) this.marked.clear();
    else for (const view of batch.orders) this.noteMark(view);
    this.openOrders = this.openCount(s);
    this.statusUnknown = s.statusUnknown;
    this.missedByStream = s.missedByStream;
    this.fillsNotRecovered = s.fillsNotRecovered;
    this.updates = s.updatesAccepted;
    for (const { update, verdict } of batch.updates) {
      if (verdict.outcome === 'duplicate') continue;
      // A late fill of an order the row no longer keeps as open: it ended (possibly longer ago
      // than the last ENDED_COUNTED_KEPT), since an open order's fills before a later one were
      // counted with it.
      const endedBefore =
        verdict.outcome === 'late' &&
        verdict.counted !== null &&
        !this.countedOpen.has(update.orderId);
      const counted = verdict.counted === null ? null : this.uncounted(update, verdict.counted);
      // Noted before anything is skipped: an order that ended (with a fill new here, one counted
      // before, or none) is no longer open, or it would be kept with the open ones for ever. A
      // late fill of an ended order keeps it with the ended ones, as the last to end.
      if (
        TERMINAL_STATUSES.has(update.status) ||
        endedBefore ||
        (verdict.counted !== null && this.countedEnded.has(update.orderId))
      )
        this.noteEnded(update.orderId);
      if (counted === null) continue;
      const fill = wearFillOfUpdate(update, counted, 1);
      this.count(fill);
      if (!this.lastFill || fill.timeMs >= this.lastFill.atMs) {
        this.lastFill = {
          symbol: fill.symbol,
          side: fill.side,
          qty: fill.qty,
          price: fill.price,
          quoteQty: fill.quote,
          atMs: fill.timeMs,
        };
      }
    }
  }

  /**
   * An order's "status unknown" mark as its view says: set when reconciliation marks it, gone
   * with the next update that moves the order (its view comes with that update).
   */
  private noteMark(view: OrderView): void {
    if (view.statusUnknown !== null) this.marked.set(view.last.orderId, view.last.status);
    else if (this.marked.size > 0) this.marked.delete(view.last.orderId);
  }

  /**
   * Orders in a status that counts as open, less those shown as "status unknown: not open on
   * the exchange": the account's window shows those apart, and so does the row.
   */
  private openCount(stats: SessionStatsView): number {
    let open = 0;
    for (const status of OPEN_STATUSES) open += stats.ordersByStatus[status] ?? 0;
    for (const status of this.marked.values()) if (isOpenOrderStatus(status)) open--;
    return Math.max(0, open);
  }

  /**
   * The part of a fill the book counted (`counted`) that this row has not counted yet, or null
   * when it has all of it; moves the order's counted mark (kept with the open orders until
   * `noteEnded`). The part takes the counted quote and fee in proportion, as the book does.
   */
  private uncounted(update: OrderUpdate, counted: CountedFill): CountedFill | null {
    const { orderId } = update;
    const mark = this.countedOpen.get(orderId) ?? this.countedEnded.get(orderId) ?? '0';
    const holes = this.holes.get(orderId);
    // The usual case, kept allocation-free: the fill continues exactly where counting ended.
    if (
      holes === undefined &&
      isDecimalSum(mark, update.lastFilledQty, update.cumulativeFilledQty)
    ) {
      this.countedOpen.set(orderId, update.cumulativeFilledQty);
      return counted;
    }
    const growth = growthOfFill(update, mark, holes ?? []);
    if (growth.holes.length > 0) this.holes.set(orderId, growth.holes);
    else this.holes.delete(orderId);
    this.countedOpen.set(orderId, growth.countedTo.toFixed());
    if (!growth.uncounted.gt(0)) return null;
    // More than the book counted means the book knew this order from before the row did.
    if (!growth.uncounted.lt(counted.base)) return counted;
    return shareOfCounted(counted, growth.uncounted);
  }

  /**
   * Moves an order's counted quantity to the ended ones, as the last to end; the one that
   * ended longest ago goes beyond the limit (with its holes).
   */
  private noteEnded(orderId: string): void {
    const counted = this.countedOpen.get(orderId) ?? this.countedEnded.get(orderId);
    this.countedOpen.delete(orderId);
    this.countedEnded.delete(orderId);
    if (counted === undefined) return;
    this.countedEnded.set(orderId, counted);
    if (this.countedEnded.size > ENDED_COUNTED_KEPT) {
      const oldest = this.countedEnded.keys().next().value!;
      this.countedEnded.delete(oldest);
      this.holes.delete(oldest);
    }
  }

  /**
   * How many orders' counted quantities the row keeps: the open ones, and the last to end (at
   * most `ENDED_COUNTED_KEPT`).
   */
  keptOrders(): { open: number; ended: number } {
    return { open: this.countedOpen.size, ended: this.countedEnded.size };
  }

  /** Adds a fill to its UTC day's tally (a newer day starts a new one; an older day's is left out). */
  private count(fill: WearFill): void {
    const dayStartMs = utcDayStartMs(fill.timeMs);
    if (this.today === null || dayStartMs > this.today.dayStartMs)
      this.today = { dayStartMs, tally: new WearTally() };
    if (dayStartMs === this.today.dayStartMs) this.today.tally.add(fill);
  }

  /** Today's (UTC) figures from the fills seen; fills of earlier days do not count. */
  points(nowMs: number): FleetPoints {
    const today = this.today;
    if (today === null || today.dayStartMs !== utcDayStartMs(nowMs) || today.tally.size === 0)
      return {
        countedVolumeUsdt: '0',
        volumePoints: 0,
        wearUsdt: null,
        wearBps: null,
        source: 'stream',
      };
    const wear = today.tally.wear();
    return {
      countedVolumeUsdt: wear.countedVolumeUsdt,
      volumePoints: volumePoints(wear.countedVolumeUsdt),
      wearUsdt: wear.wearUsdt,
      wearBps: wear.wearBps,
      source: 'stream',
    };
  }

  /** Session health as far as the monitor can tell: a failure, or since when it is (was) live. */
  sessionHealth(): FleetSessionHealth {
    const reasons = this.problemCode ? [this.problemCode] : [];
    switch (this.state) {
      case 'live':
        return { status: 'ok', reasons: [], checkedAtMs: this.lastLiveAtMs };
      case 'session-expired':
        return { status: 'expired', reasons, checkedAtMs: this.lastLiveAtMs };
      case 'verification-needed':
        return { status: 'verification-required', reasons, checkedAtMs: this.lastLiveAtMs };
      case 'failed':
        return { status: 'at-risk', reasons, checkedAtMs: this.lastLiveAtMs };
      case 'connecting':
      case 'reconnecting':
      case 'stopped':
        return this.lastLiveAtMs === null
          ? { status: 'unchecked', reasons: [], checkedAtMs: null }
          : { status: 'ok', reasons: [], checkedAtMs: this.lastLiveAtMs };
      default:
        return assertNever(this.state, 'fleet state');
    }
  }
}

/** `uncounted` of a counted fill's base, with its quote and fee in proportion. */
function shareOfCounted(counted: CountedFill, uncounted: Big): CountedFill {
  return {
    base: uncounted.toFixed(),
    quote: shareOf(counted.quote, uncounted, counted.base),
    fee: counted.fee === null ? null : shareOf(counted.fee, uncounted, counted.base),
  };
}
