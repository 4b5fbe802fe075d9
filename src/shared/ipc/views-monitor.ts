import type { OrderStatus, OrderUpdate, UpdateSource } from '../domain/order-update.ts';
import type { SessionStateName } from '../domain/session-state.ts';
import type { UpdateVerdict } from '../domain/update-verdict.ts';
import type { Problem } from '../reasons/reason.ts';

/**
 * What the renderer sees of one account's live session. Everything here is safe to show:
 * the listen key is masked (first 10 chars + `...`), no cookie or header value ever appears.
 */
export interface ConnectionView {
  accountId: string;
  state: SessionStateName;
  /** Why the session is `failed` or `reconnecting` (stable code + reason to translate), else null. */
  problem: Problem | null;
  /** e.g. `ff950c2e0d...`; null before the first key is obtained. */
  maskedListenKey: string | null;
  /** When the current listen key was obtained (key age = now - this). */
  listenKeyObtainedAtMs: number | null;
  /** When the next keep-alive / refresh is due. */
  nextListenKeyRefreshAtMs: number | null;
  /** Consecutive reconnect attempts since the last time the session was live. */
  reconnectAttempts: number;
  /** Receive time of the last frame of any kind. */
  lastEventAtMs: number | null;
  /** Receive time minus `E` of the last order update, ms (may be negative with clock skew). */
  lastReceiveLatencyMs: number | null;
  /** Live periods and gaps since the session started, oldest first. */
  timeline: TimelineSegment[];
  /** The journal of this session (for export and reopening later); null if not started. */
  sessionId: string | null;
  /** When this session was started; null if never. */
  startedAtMs: number | null;
}

/** One stretch of the connection timeline. `toMs` is null for the current stretch. */
export interface TimelineSegment {
  kind: 'live' | 'gap';
  fromMs: number;
  toMs: number | null;
}

/** One order update as it reached us, with where it came from and when. */
export interface OrderUpdateView {
  update: OrderUpdate;
  source: UpdateSource;
  receivedAtMs: number;
  /** The engine's order book's verdict (applied / late / duplicate, and why), as journalled. */
  verdict: UpdateVerdict;
  /** `verdict.outcome !== 'duplicate'` (duplicates are never sent; kept for older readers). */
  accepted: boolean;
}

/** One order in its current state (the last accepted update), for the orders table. */
export interface OrderView {
  accountId: string;
  /** The latest accepted update of this order: every field, exact decimal strings. */
  last: OrderUpdate;
  /** How many accepted updates this order has had. */
  updateCount: number;
  firstSeenAtMs: number;
  lastReceivedAtMs: number;
  lastSource: UpdateSource;
  /** The other leg of an OTO pair (same `orderListId`), when we have seen it. */
  otoPeerOrderId: string | null;
  /** `OTO_WORKING` / `OTO_PENDING` for OTO legs, else null. */
  otoLeg: string | null;
  /** True when the volume strategy placed this order (highlighted in the table). */
  placedByStrategy: boolean;
  /**
   * Set while the engine shows the order as "status unknown: not open on the exchange": it
   * believed it open, and neither the exchange's open orders, its history nor its fills
   * placed it. Cleared by the next update that moves the order. Null otherwise.
   */
  statusUnknown: OrderStatusUnknown | null;
}

/** Why an order's status is unknown (a code, translated in the renderer), and since when. */
export interface OrderStatusUnknown {
  code: 'NOT_OPEN_ON_EXCHANGE';
  sinceMs: number;
}

/** One fill, for the "fills and filled volume over time" chart. */
export interface FillPoint {
  orderId: string;
  symbol: string;
  side: 'BUY' | 'SELL';
  /** `E` of the TRADE update. */
  eventTimeMs: number;
  /** `l` */
  qty: string;
  /** `L` */
  price: string;
  /** `Y`: quote amount of this fill. */
  quoteQty: string;
  status: OrderStatus;
}

/**
 * Session statistics, the same numbers `alpha-monitor watch` prints at the end. Decimal
 * amounts are strings.
 */
export interface SessionStatsView {
  /** Order updates received (stream + backfill), including ignored duplicates. */
  updatesReceived: number;
  /** Updates the book accepted. */
  updatesAccepted: number;
  /** Duplicates the book dropped (a repeated event id, or a backfill that added nothing). */
  updatesIgnored: number;
  /** Of the accepted updates, how many were older than their order's state (recorded, not applied). */
  updatesLate: number;
  /** Of the accepted updates, how many came from REST backfill after a gap. */
  updatesBackfilled: number;
  /** Distinct orders seen. */
  orders: number;
  /** Accepted updates counted by their `X`. */
  updatesByStatus: Record<OrderStatus, number>;
  /** Orders counted by their current `X`. */
  ordersByStatus: Record<OrderStatus, number>;
  /** TRADE updates. */
  fills: number;
  /** Sum of `Y` over fills, per quote asset (e.g. `{ USDT: "123.45" }`). */
  filledQuoteByAsset: Record<string, string>;
  /** Sum of `n` per fee asset. */
  feesByAsset: Record<string, string>;
  /** Returns to live since the session started (the same rule as `alpha-monitor watch`). */
  reconnects: number;
  /** Times the live stream was lost. */
  gaps: number;
  /** Frames that could not be parsed (kept in the journal, shown as a count). */
  malformedFrames: number;
  /** Total time live, ms. */
  liveMs: number;
  startedAtMs: number | null;
  /**
   * Updates the live stream should have delivered that a reconciliation on the clock found
   * over REST instead (recovered; each time the stream was replaced). The engine's count.
   */
  missedByStream: number;
  /** Orders shown now as "status unknown: not open on the exchange". */
  statusUnknown: number;
  /**
   * Orders with a fill the stream lost that the exchange does not list either (asked three
   * times): their total filled is right, their fills, fees and wear may be short.
   */
  fillsNotRecovered: number;
}

/**
 * Everything the renderer needs to draw one account at once (initial load, or after
 * switching accounts). Later changes arrive as events.
 */
export interface MonitorSnapshot {
  connection: ConnectionView;
  orders: OrderView[];
  fills: FillPoint[];
  stats: SessionStatsView;
}

/**
 * A batch of updates for one account. Main coalesces updates per ~animation frame (at most
 * ~60 batches a second per account, however bursty the exchange), so a 1,000-update burst
 * arrives as a handful of events, not a thousand.
 */
export interface OrderUpdatesBatch {
  accountId: string;
  updates: OrderUpdateView[];
  /** The orders these updates touched, in their new state. */
  orders: OrderView[];
  /** Fills among these updates. */
  fills: FillPoint[];
  /** Statistics after this batch. */
  stats: SessionStatsView;
}
