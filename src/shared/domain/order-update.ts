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
  /** `x` */
  executionType: ExecutionType;
  /** `X` */
  status: OrderStatus;
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

/** `X` values seen on the stream or in the history filter (ALPHA-PROTOCOL.md §4). */
export const ORDER_STATUSES = [
  'NEW',
  'PENDING',
  'PARTIALLY_FILLED',
  'FILLED',
  'CANCELED',
  'EXPIRED',
  'REJECTED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses an order never leaves. */
export const TERMINAL_STATUSES: ReadonlySet<OrderStatus> = new Set([
  'FILLED',
  'CANCELED',
  'EXPIRED',
  'REJECTED',
]);

/** `x` values: NEW and TRADE are captured; the rest follow Spot and are inferred. */
export const EXECUTION_TYPES = [
  'NEW',
  'TRADE',
  'CANCELED',
  'EXPIRED',
  'REJECTED',
  'REPLACED',
] as const;
export type ExecutionType = (typeof EXECUTION_TYPES)[number];

/** Where an update came from: the live stream, or REST reconciliation after a gap. */
export type UpdateSource = 'stream' | 'backfill';
