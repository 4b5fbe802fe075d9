import Big from 'big.js';
import { assertNever } from '../../shared/assert-never.ts';
import type { SessionStateName } from '../../shared/domain/session-state.ts';
import type { ConnectionView, OrderUpdatesBatch } from '../../shared/ipc/views-monitor.ts';
import type {
  FleetLastFill,
  FleetPoints,
  FleetSessionHealth,
  FleetState,
} from '../../shared/ipc/views-fleet.ts';
import {
  computeWear,
  utcDayStartMs,
  volumePoints,
  wearFillOfUpdate,
  type WearFill,
} from '../core/points/index.ts';

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
  private todayFills: WearFill[] = [];
  /**
   * Per order, the highest cumulative filled quantity counted: a restarted monitor's backfill
   * of an order already counted in an earlier session today adds nothing.
   */
  private countedUpTo = new Map<string, { qty: Big; atMs: number }>();

  applyConnection(view: ConnectionView, atMs: number): void {
    const wasLive = this.state === 'live';
    this.problemCode = view.problem?.code ?? null;
    this.state = fleetStateOf(view.state, this.problemCode);
    // When it became live (a key refresh while live changes nothing shown).
    if (this.state === 'live' && !wasLive) this.lastLiveAtMs = atMs;
  }

  applyBatch(batch: OrderUpdatesBatch): void {
    const s = batch.stats;
    this.openOrders = (s.ordersByStatus.NEW ?? 0) + (s.ordersByStatus.PARTIALLY_FILLED ?? 0);
    this.missedByStream = s.missedByStream;
    this.updates = s.updatesAccepted;
    for (const { update, verdict } of batch.updates) {
      const counted = verdict.counted;
      if (!counted || verdict.outcome === 'duplicate') continue;
      const cumulative = new Big(update.cumulativeFilledQty || '0');
      const before = this.countedUpTo.get(update.orderId);
      if (before && cumulative.lte(before.qty)) continue;
      this.countedUpTo.set(update.orderId, { qty: cumulative, atMs: update.transactionTimeMs });
      const fill = wearFillOfUpdate(update, counted, 1);
      this.todayFills.push(fill);
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

  /** Today's (UTC) figures from the fills seen; fills of earlier days are dropped. */
  points(nowMs: number): FleetPoints {
    const dayStartMs = utcDayStartMs(nowMs);
    if (this.todayFills.some((f) => f.timeMs < dayStartMs)) {
      this.todayFills = this.todayFills.filter((f) => f.timeMs >= dayStartMs);
      for (const [orderId, c] of this.countedUpTo)
        if (c.atMs < dayStartMs) this.countedUpTo.delete(orderId);
    }
    if (this.todayFills.length === 0)
      return {
        countedVolumeUsdt: '0',
        volumePoints: 0,
        wearUsdt: null,
        wearBps: null,
        source: 'stream',
      };
    const wear = computeWear(this.todayFills);
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
