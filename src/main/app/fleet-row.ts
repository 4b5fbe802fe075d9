import { assertNever } from '../../shared/assert-never.ts';
import type { SessionStateName } from '../../shared/domain/session-state.ts';
import type { ConnectionView, OrderUpdatesBatch } from '../../shared/ipc/views-monitor.ts';
import type {
  FleetLastFill,
  FleetPoints,
  FleetSessionHealth,
  FleetState,
} from '../../shared/ipc/views-fleet.ts';
import { TERMINAL_STATUSES } from '../../shared/domain/order-update.ts';
import { compareDecimal } from '../core/book/decimal-math.ts';
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
 * its backfill again). Within a session the book's verdicts already count each fill once.
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

/**
 * What one account's monitor has shown so far, folded into a fleet row's figures: state,
 * open orders, missed-by-stream, last fill, and today's fills (for counted volume, points and
 * wear). Fed by the same connection views and batches the window gets, so the fleet can never
 * disagree with the account's own screen.
 */
export class FleetRowState {
  state: FleetState = 'stopped';
  problemCode: string | null = null;
  openOrders = 0;
  missedByStream = 0;
  updates = 0;
  lastLiveAtMs: number | null = null;
  lastFill: FleetLastFill | null = null;
  /** Today's (UTC) fills, folded as they come (the fills themselves are not kept). */
  private today: { dayStartMs: number; tally: WearTally } | null = null;
  /**
   * Per order, the highest cumulative filled quantity counted: a restarted monitor's backfill
   * of an order already counted in an earlier session adds nothing. Open orders are all kept;
   * of the ended ones, the last `ENDED_COUNTED_KEPT` to end (oldest first), so this holds what
   * is open plus a fixed number, not the day's history.
   */
  private readonly countedOpen = new Map<string, string>();
  private readonly countedEnded = new Map<string, string>();

  applyConnection(view: ConnectionView, atMs: number): void {
    const wasLive = this.state === 'live';
    this.problemCode = view.problem?.code ?? null;
    this.state = fleetStateOf(view.state, this.problemCode);
    // When it became live (a key refresh while live changes nothing shown).
    if (this.state === 'live' && !wasLive) this.lastLiveAtMs = atMs;
  }

  applyBatch(batch: OrderUpdatesBatch): void {
    const s = batch.stats;
    // A status Alpha Monitor does not know has not ended its order (reconciliation decides).
    this.openOrders =
      (s.ordersByStatus.NEW ?? 0) +
      (s.ordersByStatus.PARTIALLY_FILLED ?? 0) +
      (s.ordersByStatus.UNRECOGNIZED ?? 0);
    this.missedByStream = s.missedByStream;
    this.updates = s.updatesAccepted;
    for (const { update, verdict } of batch.updates) {
      if (verdict.outcome === 'duplicate') continue;
      const counted = verdict.counted;
      if (!counted) {
        // An order that ends without a fill (cancelled after a part fill) is no longer open.
        if (TERMINAL_STATUSES.has(update.status)) this.noteEnded(update.orderId, null);
        continue;
      }
      const cumulative = update.cumulativeFilledQty || '0';
      const before = this.countedOpen.get(update.orderId) ?? this.countedEnded.get(update.orderId);
      if (before !== undefined && compareDecimal(cumulative, before) <= 0) continue;
      if (TERMINAL_STATUSES.has(update.status) || this.countedEnded.has(update.orderId))
        this.noteEnded(update.orderId, cumulative);
      else this.countedOpen.set(update.orderId, cumulative);
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
   * Moves an order's counted quantity (`qty`, or what was counted so far when null) to the
   * ended ones, as the last to end; the one that ended longest ago goes beyond the limit.
   */
  private noteEnded(orderId: string, qty: string | null): void {
    const counted = qty ?? this.countedOpen.get(orderId) ?? this.countedEnded.get(orderId);
    this.countedOpen.delete(orderId);
    this.countedEnded.delete(orderId);
    if (counted === undefined) return;
    this.countedEnded.set(orderId, counted);
    if (this.countedEnded.size > ENDED_COUNTED_KEPT)
      this.countedEnded.delete(this.countedEnded.keys().next().value!);
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
