import Big from 'big.js';
import type { OrderStatus, OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { OrderBook, OrderFillHolesView } from '../book/order-book.ts';
import type { OrderHistoryRow, UserTrade } from '../rest/alpha-types.ts';
import type { ReconcileApi } from './backfill.ts';
import { placeListedFills } from './listed-fills.ts';

/**
 * Asks user trades for one order the book holds with holes below its counted mark (a fill
 * arrived above one the stream never delivered: its frame was lost in a drop, and the next
 * fill came live before reconciliation ran, so history shows the filled quantity the book
 * has and nothing looks missing). Each listed fill covers `(z - l, z]` of the order's filled
 * quantity, placed by adding the fills up oldest first; those that lie in a hole become
 * backfill updates with their own quantity, quote and fee, which the book counts only where
 * they fall in a hole (a fill the stream delivers later counts nothing more, and neither does
 * this backfill after that frame). Returns one backfill update per listed fill that lies in a
 * hole, oldest first.
 *
 * The list is placed only when it is provably complete (`placeListedFills`): its fills add up
 * to the exchange's filled quantity in this reconciliation's row, to the counted mark of an
 * order that ended (its ending update said its final filled quantity), or to the order's
 * quantity; or fills newer than the row follow a boundary at its filled quantity. A list missing its oldest fill(s) would otherwise place every fill too low and
 * "recover" a hole with the price and fee of the fill above it. Where the exchange's fills are
 * not split as the stream's frames were, the book counts only the part of a listed fill that
 * lies in a hole, its quote and fee in proportion, so the base quantity is exact and nothing
 * counts twice.
 */
export async function queryHoleFills(
  api: ReconcileApi,
  book: OrderBook,
  holed: OrderFillHolesView,
  row: OrderHistoryRow | undefined,
  nowMs: number,
): Promise<OrderUpdate[]> {
  const open = book.get(holed.orderId);
  const ended = open === undefined ? book.ended(holed.orderId) : undefined;
  const counted = open?.countedFilledQty ?? ended?.countedFilledQty;
  if (counted === undefined) return [];
  const listed = await api.getUserTrades({ orderId: holed.orderId, symbol: holed.symbol });
  const placed = placeListedFills(listed, holed.orderId, {
    executedQty: ended !== undefined ? counted : (row?.executedQty ?? null),
    quantity: open?.current.quantity ?? row?.origQty ?? null,
    mark: counted,
  });
  if (placed === null) return [];
  const holes = holed.holes.map(([from, to]) => [new Big(from), new Big(to)] as const);
  const context: FillContext = {
    known: open?.current ?? null,
    row,
    eventId: open?.current.eventId ?? ended?.eventId ?? 0,
    orderListId: open?.orderListId ?? ended?.orderListId ?? null,
    // A FILLED order's filled quantity is its quantity (its row may be outside the window).
    filledQuantity: ended?.status === 'FILLED' ? ended.countedFilledQty : null,
  };
  const updates: OrderUpdate[] = [];
  for (const { trade, from, to, quoteTo } of placed)
    if (holes.some(([lo, hi]) => overlaps(from, to, lo, hi)))
      updates.push(tradeToUpdate(trade, to, quoteTo, context, nowMs));
  return updates;
}

/** What a listed fill's update takes from the order as the book and history know it. */
interface FillContext {
  /** The order's current update, while it is open. */
  known: OrderUpdate | null;
  /** Its history or open-orders row of this reconciliation, if listed. */
  row: OrderHistoryRow | undefined;
  eventId: number;
  orderListId: string | null;
  /** The whole quantity of an order that ended FILLED, or null. */
  filledQuantity: string | null;
}

/** A listed fill as an executionReport-shaped TRADE update bringing the order to `filledTo`. */
function tradeToUpdate(
  trade: UserTrade,
  filledTo: Big,
  quoteTo: Big,
  { known, row, eventId, orderListId, filledQuantity }: FillContext,
  nowMs: number,
): OrderUpdate {
  const timeMs = trade.time || nowMs;
  const quantity = known?.quantity ?? row?.origQty ?? filledQuantity ?? '0';
  // A fill recovered into a hole of an order that is FILLED says so (its alert, notice, CSV
  // and watch line), not the partial status the lost frame had.
  const status: OrderStatus =
    filledQuantity !== null || (new Big(quantity || '0').gt(0) && filledTo.gte(quantity))
      ? 'FILLED'
      : 'PARTIALLY_FILLED';
  const orderType = known?.orderType ?? row?.type ?? trade.orderType;
  return {
    eventTimeMs: timeMs,
    transactionTimeMs: timeMs,
    updateTimeMs: timeMs,
    orderCreationTimeMs: known?.orderCreationTimeMs ?? row?.time ?? timeMs,
    symbol: trade.symbol,
    baseAsset: known?.baseAsset ?? trade.baseAsset,
    quoteAsset: known?.quoteAsset ?? trade.quoteAsset,
    clientOrderId: known?.clientOrderId ?? '',
    side: known?.side ?? trade.side,
    orderType,
    originalOrderType: known?.originalOrderType ?? orderType,
    timeInForce: known?.timeInForce ?? 'GTC',
    quantity,
    price: known?.price ?? row?.price ?? trade.price,
    stopPrice: known?.stopPrice ?? row?.stopPrice ?? '0',
    avgPrice: filledTo.gt(0) ? quoteTo.div(filledTo).toFixed(8) : '0',
    executionType: 'TRADE',
    status,
    orderId: trade.orderId,
    lastFilledQty: trade.qty,
    cumulativeFilledQty: filledTo.toFixed(),
    lastFilledPrice: trade.price,
    commission: trade.commission || '0',
    commissionAsset:
      trade.commissionAsset || (trade.side === 'BUY' ? trade.baseAsset : trade.quoteAsset),
    tradeId: trade.tradeId,
    isMaker: false,
    cumulativeQuoteQty: quoteTo.toFixed(),
    lastQuoteQty: trade.quoteQty,
    quoteOrderQty: '0',
    // Backfill has no event id of its own; it keeps the last one the stream gave this order.
    eventId,
    orderListId:
      orderListId ?? (row?.orderListId && row.orderListId !== '-1' ? row.orderListId : null),
    contingencyType: known?.contingencyType ?? row?.contingencyType ?? null,
    contingencyPosition: known?.contingencyPosition ?? row?.contingencyOrderPosition ?? null,
    st: null,
  };
}

function overlaps(from: Big, to: Big, lo: Big, hi: Big): boolean {
  return (hi.lt(to) ? hi : to).gt(lo.gt(from) ? lo : from);
}
