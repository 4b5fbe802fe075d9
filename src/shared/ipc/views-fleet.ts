import type { IpcError } from './result.ts';
import type { AccountEnvironment } from './views-app.ts';

/**
 * What the fleet view (every account on one screen) and `alpha-monitor fleet` show. One row
 * per account; main sends only the rows that changed, at most every `FLEET_THROTTLE_MS`, in
 * one event for the whole fleet (never one stream per account).
 */

/** The fleet's states: the session states folded into what a farmer acts on. */
export const FLEET_STATES = [
  'live',
  'connecting',
  'reconnecting',
  'stopped',
  'session-expired',
  'verification-needed',
  'failed',
] as const;
export type FleetState = (typeof FLEET_STATES)[number];

/** The last fill of the account (this UTC day or earlier in the session). Decimal strings. */
export interface FleetLastFill {
  symbol: string;
  side: 'BUY' | 'SELL';
  qty: string;
  price: string;
  quoteQty: string;
  atMs: number;
}

/**
 * Today's (UTC) counted volume, volume points and wear. `source` says where the figure comes
 * from: `stream` = the fills this app saw today (Σ BUY quote × mulPoint, mulPoint 1 when it is
 * not known), `exchange` = the exchange's user-score plus fills since.
 */
export interface FleetPoints {
  countedVolumeUsdt: string;
  volumePoints: number;
  /** Positive = money lost (see core/points/wear.ts); null before any fill today. */
  wearUsdt: string | null;
  wearBps: string | null;
  source: 'stream' | 'exchange';
}

/**
 * How healthy the account's session looks, before a call fails (the same statuses and reason
 * codes as the account's own session health).
 */
export type FleetSessionHealthStatus =
  'ok' | 'at-risk' | 'expired' | 'verification-required' | 'unreachable' | 'unchecked';
export interface FleetSessionHealth {
  status: FleetSessionHealthStatus;
  /** Why, as stable codes (translated at the edges), e.g. `SESSION_EXPIRED`. */
  reasons: string[];
  /** When this was last known (last probe, or the session was last live); null if never. */
  checkedAtMs: number | null;
}

export interface FleetRowView {
  accountId: string;
  label: string;
  environment: AccountEnvironment;
  state: FleetState;
  /** The stable code of the failure or reconnect reason, else null. */
  problemCode: string | null;
  /** Its monitor runs (started and not stopped). */
  running: boolean;
  points: FleetPoints;
  /**
   * Orders open now: in a status `isOpenOrderStatus` counts (NEW, PARTIALLY_FILLED, or one Alpha
   * Monitor does not know), not counting those in `statusUnknown`.
   */
  openOrders: number;
  /**
   * Orders shown as "status unknown: not open on the exchange" (the account's own statistics
   * show the same count); not in `openOrders`.
   */
  statusUnknown: number;
  lastFill: FleetLastFill | null;
  /** Updates the stream missed that reconciliation recovered over REST (this session). */
  missedByStream: number;
  /**
   * Orders with a fill the stream lost that the exchange does not list either (asked three
   * times), this session: the account's own statistics show the same count. Their total filled
   * is right; their fills, and so the row's counted volume, fees and wear, may be short.
   */
  fillsNotRecovered: number;
  sessionHealth: FleetSessionHealth;
  /** Order updates accepted this session. */
  updates: number;
}

/** Every account's row, for the first draw. */
export interface FleetSnapshot {
  atMs: number;
  rows: FleetRowView[];
}

/** The rows that changed since the last event (each differs from its last one sent), and accounts that are gone. */
export interface FleetUpdate {
  atMs: number;
  rows: FleetRowView[];
  removedAccountIds: string[];
}

/** The outcome of starting or stopping several accounts at once. */
export interface FleetActionResult {
  /** Accounts the action was done for. */
  done: string[];
  /** Accounts it failed for, each with why (code and params; `message` English, for logs). */
  failed: Array<{ accountId: string } & IpcError>;
}

/** Applies one fleet event to rows by account id (changed rows replace, removed go); a copy. */
export function applyFleetUpdate(
  rows: ReadonlyMap<string, FleetRowView>,
  update: { rows: readonly FleetRowView[]; removedAccountIds: readonly string[] },
): Map<string, FleetRowView> {
  const next = new Map(rows);
  for (const id of update.removedAccountIds) next.delete(id);
  for (const row of update.rows) next.set(row.accountId, row);
  return next;
}

/** Main never sends fleet events more often than this. */
export const FLEET_THROTTLE_MS = 500;
