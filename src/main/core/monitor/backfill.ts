import { assertNever } from '../../../shared/assert-never.ts';
import Big from 'big.js';
import {
  ORDER_STATUSES,
  type ExecutionType,
  type OrderStatus,
  type OrderUpdate,
} from '../../../shared/domain/order-update.ts';
import type { OrderBook } from '../book/order-book.ts';
import type { OrderHistoryRow, UserTrade } from '../rest/alpha-types.ts';

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
 * What the stream missed during a gap, as backfill updates, following ALPHA-PROTOCOL.md §5:
 * open orders, then order history over the gap, then user trades for fills we did not see.
 * Rows the book already knows in the same state produce nothing.
 */
export async function collectBackfill(
  api: ReconcileApi,
  book: OrderBook,
  gap: { startMs: number; endMs: number },
  nowMs: number,
): Promise<OrderUpdate[]> {
  const open = await api.getOpenOrders();
  const history = await api.getAllOrderHistory({
    startTimeMs: gap.startMs,
    endTimeMs: gap.endMs,
    rows: 50,
    maxPages: 20,
  });
  // History wins over open orders for the same id: it is the later, final word.
  const rows = new Map<string, OrderHistoryRow>();
  for (const row of [...open, ...history]) rows.set(row.orderId, row);
  const out: OrderUpdate[] = [];
  for (const row of rows.values()) {
    if (!STATUS_SET.has(row.status)) continue;
    const known = book.get(row.orderId)?.current ?? null;
    const knownFilled = known ? new Big(known.cumulativeFilledQty) : new Big(0);
    const filled = new Big(row.executedQty || '0');
    if (
      known &&
      known.status === row.status &&
      filled.eq(knownFilled) &&
      known.quantity === row.origQty
    )
      continue;
    const delta = filled.minus(knownFilled);
    let commission: string | null = null;
    if (delta.gt(0)) commission = await feeGrowth(api, book, row);
    out.push(rowToUpdate(row, known, delta.gt(0) ? delta.toFixed() : '0', commission, nowMs));
  }
  return out;
}

/** Fees of the order's fills (user trades) minus the fees the stream already reported. */
async function feeGrowth(
  api: ReconcileApi,
  book: OrderBook,
  row: OrderHistoryRow,
): Promise<string | null> {
  let trades: UserTrade[];
  try {
    trades = await api.getUserTrades({ orderId: row.orderId, symbol: row.symbol });
  } catch {
    return null; // fees unknown; the fill itself is still reported
  }
  if (trades.length === 0) return null;
  const total = trades.reduce((sum, t) => sum.plus(t.commission || '0'), new Big(0));
  const seen = (book.get(row.orderId)?.history ?? []).reduce(
    (sum, u) =>
      u.executionType === 'TRADE' && u.commission !== null ? sum.plus(u.commission) : sum,
    new Big(0),
  );
  const growth = total.minus(seen);
  return growth.gt(0) ? growth.toFixed() : '0';
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
  const status = row.status as OrderStatus;
  const filledNow = new Big(filledDelta).gt(0);
  const updateTimeMs = row.updateTime ?? row.time ?? nowMs;
  const quoteDelta = new Big(row.cumQuote || '0').minus(known?.cumulativeQuoteQty ?? '0');
  return {
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
}

function executionTypeOf(status: OrderStatus): ExecutionType {
  switch (status) {
    case 'CANCELED':
    case 'EXPIRED':
    case 'REJECTED':
      return status;
    case 'NEW':
    case 'PENDING':
    case 'PARTIALLY_FILLED':
    case 'FILLED':
      return 'NEW';
    default:
      return assertNever(status, 'order status');
  }
}
