import { assertNever } from '../../../shared/assert-never.ts';
import Big from 'big.js';
import {
  ORDER_STATUSES,
  receivedStatus,
  TERMINAL_STATUSES,
  type ExecutionType,
  type OrderStatus,
  type OrderUpdate,
} from '../../../shared/domain/order-update.ts';
import type { OrderBook } from '../book/order-book.ts';
import type { OrderHistoryRow, UserTrade } from '../rest/alpha-types.ts';
import { feesWithin, fillsOfOrder, placeListedFills } from './listed-fills.ts';

/** The REST calls reconciliation needs (AlphaRestClient fits). */
export interface ReconcileApi {
  getOpenOrders(): Promise<OrderHistoryRow[]>;
  getAllOrderHistory(query: {
    startTimeMs?: number;
    endTimeMs?: number;
    rows?: number;
    maxPages?: number;
  }): Promise<OrderHistoryRow[]>;
  getUserTrades(query: { orderId?: string; symbol?: string }): Promise<UserTrade[]>;
}

const STATUS_SET: ReadonlySet<string> = new Set(ORDER_STATUSES);

/**
 * The API for one reconciliation: an order's fills are asked once per run (a history
 * backfill's fee, a targeted query and a hole may each want them, each call paced by the REST
 * budget), the answer reused; a call that failed is asked again when wanted again.
 */
export function withFillsOncePerRun(api: ReconcileApi): ReconcileApi {
  const asked = new Map<string, Promise<UserTrade[]>>();
  return {
    getOpenOrders: () => api.getOpenOrders(),
    getAllOrderHistory: (query) => api.getAllOrderHistory(query),
    getUserTrades: (query) => {
      const key = `${query.orderId ?? ''}\u0000${query.symbol ?? ''}`;
      let answer = asked.get(key);
      if (answer === undefined) {
        answer = api.getUserTrades(query);
        asked.set(key, answer);
        answer.catch(() => asked.delete(key));
      }
      return answer;
    },
  };
}

/** What the exchange said in one reconciliation, read in this order: open orders, then history. */
export interface ExchangeView {
  open: OrderHistoryRow[];
  history: OrderHistoryRow[];
  /**
   * Orders the book believed open just before open orders were asked. One of them listed in
   * neither answer ended before that call, so history should have it; when it does not (a
   * creation-time filter, a truncated window, a history that drops some statuses), it gets a
   * targeted query. Orders first heard of after the call are left for the next reconciliation.
   */
  believedOpen: readonly string[];
}

/** Reads open orders, then order history over `window` (ALPHA-PROTOCOL.md §5). */
export async function readExchange(
  api: ReconcileApi,
  believedOpen: readonly string[],
  window: { startMs: number; endMs: number },
): Promise<ExchangeView> {
  const open = await api.getOpenOrders();
  const history = await api.getAllOrderHistory({
    startTimeMs: window.startMs,
    endTimeMs: window.endMs,
    rows: 50,
    maxPages: 20,
  });
  return { open, history, believedOpen };
}

/** What reconciling a view against the book found. */
export interface BackfillPlan {
  /** Rows that move an order forward, as backfill updates (nothing when the book agrees). */
  updates: OrderUpdate[];
  /**
   * Orders the book believed open that open orders did not list and history does not place:
   * absent from both, or shown in history only in a status Alpha Monitor does not know (the
   * same value the stream sent, or another one). The targeted query decides them.
   */
  notListed: string[];
}

/**
 * The differences between the exchange's view and the book, as backfill updates, with user
 * trades asked for the fees of fills we did not see. Rows the book already knows in the same
 * state produce nothing; call it again on the same view after the stream had time to catch up
 * and only what is still missing remains.
 */
export async function diffWithBook(
  api: ReconcileApi,
  book: OrderBook,
  view: ExchangeView,
  nowMs: number,
): Promise<BackfillPlan> {
  const rows = new Map<string, OrderHistoryRow>();
  const listedOpen = new Set<string>();
  for (const row of view.open) {
    rows.set(row.orderId, row);
    listedOpen.add(row.orderId);
  }
  // History wins over open orders for the same id (it was read later), unless it only repeats
  // a status we cannot read where open orders showed one we can, with nothing more filled.
  for (const row of view.history) {
    const open = rows.get(row.orderId);
    if (open && isReadable(open.status) && !isReadable(row.status) && !filledMore(row, open))
      continue;
    rows.set(row.orderId, row);
  }
  const updates: OrderUpdate[] = [];
  const unplaced = new Set<string>();
  for (const row of rows.values()) {
    // An order that ended is settled: no row can move it (the book keeps no last update of it).
    if (book.ended(row.orderId) !== undefined) continue;
    const known = book.get(row.orderId)?.current ?? null;
    const knownFilled = known ? new Big(known.cumulativeFilledQty) : new Big(0);
    const filled = new Big(row.executedQty || '0');
    if (!isReadable(row.status)) {
      // A status we do not know (Alpha's set is unknown, ALPHA-PROTOCOL.md §4) cannot move the
      // order by itself, nor leave it counted as open when open orders do not list it: the
      // targeted query decides (see notListed). A fill in such a row is still backfilled.
      if (!listedOpen.has(row.orderId)) unplaced.add(row.orderId);
      if (!filled.gt(knownFilled)) continue;
    }
    if (
      known &&
      receivedStatus(known) === row.status &&
      filled.eq(knownFilled) &&
      known.quantity === row.origQty
    )
      continue;
    // A row behind the book (the stream was quicker) cannot move anything: no user-trades call.
    if (known && (TERMINAL_STATUSES.has(known.status) || filled.lt(knownFilled))) continue;
    const delta = filled.minus(knownFilled);
    let commission: string | null = null;
    if (delta.gt(0)) commission = await feeGrowth(api, row, knownFilled.toFixed());
    updates.push(rowToUpdate(row, known, delta.gt(0) ? delta.toFixed() : '0', commission, nowMs));
  }
  const notListed = view.believedOpen.filter((id) => {
    if (rows.has(id) && !unplaced.has(id)) return false;
    const current = book.get(id)?.current;
    return current !== undefined && !TERMINAL_STATUSES.has(current.status);
  });
  return { updates, notListed };
}

/** A status Alpha Monitor knows (`UNRECOGNIZED` is its own name for one it does not). */
function isReadable(status: string): boolean {
  return status !== 'UNRECOGNIZED' && STATUS_SET.has(status);
}

function filledMore(row: OrderHistoryRow, than: OrderHistoryRow): boolean {
  return new Big(row.executedQty || '0').gt(than.executedQty || '0');
}

/** What a targeted query found about one order that no list showed. */
export type TargetedAnswer =
  /** Its fills add up to its quantity: FILLED, as a backfill update. */
  | { kind: 'filled'; update: OrderUpdate }
  /**
   * The exchange cannot say: no fills, or fills short of the quantity for an order that is not
   * open (cancelled or expired after a part-fill, or a history that is incomplete). `update`
   * carries fills we had not heard of, if any.
   */
  | { kind: 'unknown'; update: OrderUpdate | null };

/**
 * Asks user trades for one order (the only per-order call captured; `get-order-detail` is
 * named in NAT's design but never captured, so it is not used). Fills that cover the order's
 * quantity prove FILLED; anything less cannot tell cancelled from expired from "history is
 * late", so the order's status is unknown.
 */
export async function queryOrderFate(
  api: ReconcileApi,
  book: OrderBook,
  orderId: string,
  nowMs: number,
): Promise<TargetedAnswer> {
  const known = book.get(orderId)?.current;
  if (!known) return { kind: 'unknown', update: null };
  const trades = await api.getUserTrades({ orderId, symbol: known.symbol });
  const own = fillsOfOrder(trades, orderId);
  const filled = own.reduce((sum, t) => sum.plus(t.qty || '0'), new Big(0));
  const quote = own.reduce((sum, t) => sum.plus(t.quoteQty || '0'), new Big(0));
  const knownFilled = new Big(known.cumulativeFilledQty);
  const quantity = new Big(known.quantity || '0');
  const complete = quantity.gt(0) && filled.gte(quantity);
  const grew = filled.gt(knownFilled);
  if (!complete && !grew) return { kind: 'unknown', update: null };
  const latest = own.reduce((max, t) => Math.max(max, t.time), 0) || nowMs;
  const row: OrderHistoryRow = {
    orderId,
    symbol: known.symbol,
    status: complete ? 'FILLED' : 'PARTIALLY_FILLED',
    price: known.price,
    avgPrice: filled.gt(0) ? quote.div(filled).toFixed(8) : '0',
    origQty: known.quantity,
    executedQty: filled.toFixed(),
    cumQuote: quote.toFixed(),
    type: known.orderType,
    side: known.side,
    stopPrice: known.stopPrice,
    time: known.orderCreationTimeMs,
    updateTime: latest,
    orderListId: known.orderListId ?? '-1',
    baseAsset: known.baseAsset,
    quoteAsset: known.quoteAsset,
    contingencyType: known.contingencyType,
    contingencyOrderPosition: known.contingencyPosition,
  };
  // The fee of the fills above what the book had. The filled quantity reported is the list's
  // own total, so its fees are trusted as far (placed from 0) as that quantity is.
  const placed = placeListedFills(own, orderId, {
    executedQty: filled.toFixed(),
    quantity: known.quantity,
    mark: null,
  });
  const fees =
    placed === null ? null : feesWithin(placed, known.cumulativeFilledQty, filled.toFixed());
  const update = rowToUpdate(
    row,
    known,
    grew ? filled.minus(knownFilled).toFixed() : '0',
    grew && fees !== null ? fees.toFixed() : null,
    nowMs,
  );
  return complete ? { kind: 'filled', update } : { kind: 'unknown', update };
}

/**
 * What the stream missed during a gap, as backfill updates: open orders, history over the
 * window, user trades for fills we did not see (no targeted queries; see Reconciler).
 */
export async function collectBackfill(
  api: ReconcileApi,
  book: OrderBook,
  gap: { startMs: number; endMs: number },
  nowMs: number,
): Promise<OrderUpdate[]> {
  const view = await readExchange(api, [], gap);
  return (await diffWithBook(api, book, view, nowMs)).updates;
}

/**
 * The fees of the order's fills (user trades) that lie between the book's filled quantity and
 * the row's: the fills the backfill brings, placed oldest first (a fill straddling an end in
 * part). Not "all listed fees minus those seen": fills counted out of order or recovered into
 * a hole would be given to the wrong fill. Null (fees unknown; the fill itself is still
 * reported) when the call fails or the list is not provably complete.
 */
async function feeGrowth(
  api: ReconcileApi,
  row: OrderHistoryRow,
  knownFilled: string,
): Promise<string | null> {
  let trades: UserTrade[];
  try {
    trades = await api.getUserTrades({ orderId: row.orderId, symbol: row.symbol });
  } catch {
    return null;
  }
  const placed = placeListedFills(trades, row.orderId, {
    executedQty: row.executedQty,
    quantity: row.origQty,
    mark: knownFilled,
  });
  return placed === null ? null : feesWithin(placed, knownFilled, row.executedQty).toFixed();
}

/**
 * A history/open-order row as an executionReport-shaped update. Inferred mapping (no source
 * pairs a row with its frames): orderId ↔ `i`, orderListId ↔ `il`, contingencyOrderPosition
 * ↔ `cp`, executedQty ↔ `z`, cumQuote ↔ `Z`, avgPrice ↔ `ap`, updateTime ↔ `T`/`u`/`E`.
 * The fill since the last known state becomes `l`/`Y`; its price is approximated by avgPrice.
 * The commission asset follows the captures: BUY pays in base, SELL in quote.
 */
export function rowToUpdate(
  row: OrderHistoryRow,
  known: OrderUpdate | null,
  filledDelta: string,
  commission: string | null,
  nowMs: number,
): OrderUpdate {
  const recognized = STATUS_SET.has(row.status);
  const status: OrderStatus = recognized ? (row.status as OrderStatus) : 'UNRECOGNIZED';
  const filledNow = new Big(filledDelta).gt(0);
  const updateTimeMs = row.updateTime ?? row.time ?? nowMs;
  const quoteDelta = new Big(row.cumQuote || '0').minus(known?.cumulativeQuoteQty ?? '0');
  const update: OrderUpdate = {
    eventTimeMs: updateTimeMs,
    transactionTimeMs: updateTimeMs,
    updateTimeMs,
    orderCreationTimeMs: row.time ?? known?.orderCreationTimeMs ?? updateTimeMs,
    symbol: row.symbol,
    baseAsset: row.baseAsset,
    quoteAsset: row.quoteAsset,
    clientOrderId: known?.clientOrderId ?? '',
    side: row.side,
    orderType: row.type,
    originalOrderType: row.type,
    timeInForce: known?.timeInForce ?? 'GTC',
    quantity: row.origQty,
    price: row.price,
    stopPrice: row.stopPrice ?? '0',
    avgPrice: row.avgPrice || '0',
    executionType: filledNow ? 'TRADE' : executionTypeOf(status),
    status,
    orderId: row.orderId,
    lastFilledQty: filledDelta,
    cumulativeFilledQty: row.executedQty || '0',
    lastFilledPrice: filledNow ? row.avgPrice || '0' : '0',
    commission: filledNow ? commission : null,
    commissionAsset:
      filledNow && commission !== null
        ? row.side === 'BUY'
          ? row.baseAsset
          : row.quoteAsset
        : null,
    tradeId: '0',
    isMaker: false,
    cumulativeQuoteQty: row.cumQuote || '0',
    lastQuoteQty: filledNow && quoteDelta.gt(0) ? quoteDelta.toFixed() : '0',
    quoteOrderQty: '0',
    // Backfill has no event id of its own; it keeps the last one the stream gave this order.
    eventId: known?.eventId ?? 0,
    orderListId: row.orderListId && row.orderListId !== '-1' ? row.orderListId : null,
    contingencyType: row.contingencyType ?? null,
    contingencyPosition: row.contingencyOrderPosition ?? null,
    st: null,
  };
  if (!recognized) update.rawStatus = row.status;
  return update;
}

function executionTypeOf(status: OrderStatus): ExecutionType {
  switch (status) {
    case 'CANCELED':
    case 'EXPIRED':
    case 'REJECTED':
      return status;
    // Spot sends EXPIRED_IN_MATCH with x=TRADE_PREVENTION (self-trade prevention).
    case 'EXPIRED_IN_MATCH':
      return 'TRADE_PREVENTION';
    // A REST row has no `x`; its status says nothing we know either.
    case 'UNRECOGNIZED':
      return 'UNRECOGNIZED';
    case 'NEW':
    case 'PENDING':
    case 'PARTIALLY_FILLED':
    case 'FILLED':
      return 'NEW';
    default:
      return assertNever(status, 'order status');
  }
}
