/**
 * An Alpha `executionReport` as the engine hands it on: every field of the captured frames
 * (ALPHA-PROTOCOL.md §4), with readable names. Prices and quantities stay exact decimal
 * strings as received; `orderId`, `tradeId` and `orderListId` stay strings (they are strings
 * on the wire); `eventId` is the per-event number used to dedupe and order events.
 */
export interface OrderUpdate {
  /** `E`: event time, ms since epoch. */
  eventTimeMs: number;
  /** `T`: transaction time, ms. */
  transactionTimeMs: number;
  /** `u`: update time, ms (equals `T` in every capture). */
  updateTimeMs: number;
  /** `O`: order creation time, ms (same on both OTO legs). */
  orderCreationTimeMs: number;
  /** `s`, e.g. `ALPHA_373USDT`. */
  symbol: string;
  /** `ba`, e.g. `ALPHA_373`. */
  baseAsset: string;
  /** `qa`, e.g. `USDT`. */
  quoteAsset: string;
  /** `c`: client order id, e.g. `web_<32 hex>`. */
  clientOrderId: string;
  /** `S` */
  side: OrderSide;
  /** `o` */
  orderType: string;
  /** `ot` */
  originalOrderType: string;
  /** `f` */
  timeInForce: string;
  /** `q`: order quantity; `"0"` on a pending OTO leg until it is activated. */
  quantity: string;
  /** `p` */
  price: string;
  /** `P` */
  stopPrice: string;
  /** `ap`: average fill price. */
  avgPrice: string;
  /** `x`; `UNRECOGNIZED` for a value Alpha Monitor does not know (see `rawExecutionType`). */
  executionType: ExecutionType;
  /** `X`; `UNRECOGNIZED` for a value Alpha Monitor does not know (see `rawStatus`). */
  status: OrderStatus;
  /** `X` as received when `status` is `UNRECOGNIZED`; absent otherwise. */
  rawStatus?: string;
  /** `x` as received when `executionType` is `UNRECOGNIZED`; absent otherwise. */
  rawExecutionType?: string;
  /** `i`: exchange order id (a string on the wire). */
  orderId: string;
  /** `l` */
  lastFilledQty: string;
  /** `z` */
  cumulativeFilledQty: string;
  /** `L` */
  lastFilledPrice: string;
  /** `n`: present only on TRADE frames. */
  commission: string | null;
  /** `N`: present only on TRADE frames (BUY pays in base, SELL in quote). */
  commissionAsset: string | null;
  /** `t`: trade id, `"0"` when no fill; two fills of one order may share it. */
  tradeId: string;
  /** `m` */
  isMaker: boolean;
  /** `Z` */
  cumulativeQuoteQty: string;
  /** `Y` */
  lastQuoteQty: string;
  /** `Q` */
  quoteOrderQty: string;
  /** `id`: per-event id, strictly increasing. */
  eventId: number;
  /** `il`: order-list id linking OTO legs; null when absent or `"-1"`. */
  orderListId: string | null;
  /** `ct`, e.g. `OTO`; null when absent. */
  contingencyType: string | null;
  /** `cp`: `OTO_WORKING` / `OTO_PENDING`; null when absent. */
  contingencyPosition: string | null;
  /** `st`: meaning unknown (1 in every capture); null when absent. */
  st: number | null;
}

export type OrderSide = 'BUY' | 'SELL';

/**
 * `X` values. NEW, PENDING, PARTIALLY_FILLED and FILLED are captured; CANCELED, EXPIRED and
 * REJECTED come from the history filter; EXPIRED_IN_MATCH (self-trade prevention ended the
 * order) follows Binance Spot. What Alpha sends for a cancel or an expiry is **unknown**
 * (ALPHA-PROTOCOL.md §4, "Statuses seen elsewhere"; "Biggest gaps" 3), so any other value is
 * read as `UNRECOGNIZED` with the value kept in `rawStatus`: the update and its fill are kept
 * and shown, never dropped as malformed.
 */
export const ORDER_STATUSES = [
  'NEW',
  'PENDING',
  'PARTIALLY_FILLED',
  'FILLED',
  'CANCELED',
  'EXPIRED',
  'EXPIRED_IN_MATCH',
  'REJECTED',
  'UNRECOGNIZED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Statuses an order never leaves. `UNRECOGNIZED` is not one: a status we cannot read does not
 * end the order (it stays open, so reconciliation checks it against the exchange and decides).
 */
export const TERMINAL_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'FILLED',
  'CANCELED',
  'EXPIRED',
  'EXPIRED_IN_MATCH',
  'REJECTED',
]);

/**
 * Whether an order in this status counts as an open order (the fleet's open orders): it has not
 * ended (`TERMINAL_STATUSES`) and is not a pending OTO leg (`PENDING`: quantity 0, not working
 * until its working leg fills). A status Alpha Monitor does not know (`UNRECOGNIZED`) is open:
 * it has not ended, and reconciliation decides it. An order shown as "status unknown: not open
 * on the exchange" is not counted, whatever its last status (see the fleet row).
 */
export function isOpenOrderStatus(status: OrderStatus): boolean {
  return status !== 'PENDING' && !TERMINAL_STATUSES.has(status);
}

/**
 * `x` values: NEW and TRADE are captured; the rest follow Spot and are inferred (TRADE_PREVENTION:
 * self-trade prevention expired the order, no fill). Any other value is `UNRECOGNIZED`, kept in
 * `rawExecutionType` (Alpha's set is unknown, as for `X`).
 */
export const EXECUTION_TYPES = [
  'NEW',
  'TRADE',
  'CANCELED',
  'EXPIRED',
  'REJECTED',
  'REPLACED',
  'TRADE_PREVENTION',
  'UNRECOGNIZED',
] as const;
export type ExecutionType = (typeof EXECUTION_TYPES)[number];

/** The status as the exchange sent it: `rawStatus` for one we do not know. */
export function receivedStatus(update: Pick<OrderUpdate, 'status' | 'rawStatus'>): string {
  return update.status === 'UNRECOGNIZED' ? (update.rawStatus ?? update.status) : update.status;
}

/** The execution type as the exchange sent it: `rawExecutionType` for one we do not know. */
export function receivedExecutionType(
  update: Pick<OrderUpdate, 'executionType' | 'rawExecutionType'>,
): string {
  return update.executionType === 'UNRECOGNIZED'
    ? (update.rawExecutionType ?? update.executionType)
    : update.executionType;
}

/** Where an update came from: the live stream, or REST reconciliation after a gap. */
export type UpdateSource = 'stream' | 'backfill';
