import {
  receivedExecutionType,
  receivedStatus,
  type OrderUpdate,
  type UpdateSource,
} from '../../../shared/domain/order-update.ts';
import type { DailySummaryRow } from '../points/daily-summary.ts';
import type { OrderPointsColumns } from './order-wear.ts';

/** One column: its header and how to read it from an update row. */
interface Column<Row> {
  header: string;
  value(row: Row): string | number | null;
}

/** An accepted order update as exported. */
export interface UpdateRow {
  update: OrderUpdate;
  receivedAtMs: number;
  source: UpdateSource;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Columns of the updates CSV, in order (documented in README.md ("CSV export")). Prices and
 * quantities are the exchange's raw decimal strings, never reformatted.
 */
export const UPDATE_COLUMNS: ReadonlyArray<Column<UpdateRow>> = [
  { header: 'event_time_ms', value: (r) => r.update.eventTimeMs },
  { header: 'event_time_utc', value: (r) => iso(r.update.eventTimeMs) },
  { header: 'receive_time_ms', value: (r) => r.receivedAtMs },
  { header: 'order_id', value: (r) => r.update.orderId },
  { header: 'client_order_id', value: (r) => r.update.clientOrderId },
  { header: 'symbol', value: (r) => r.update.symbol },
  { header: 'side', value: (r) => r.update.side },
  { header: 'type', value: (r) => r.update.orderType },
  // As received: a status or execution type we do not know is written as Binance sent it.
  { header: 'status', value: (r) => receivedStatus(r.update) },
  { header: 'execution_type', value: (r) => receivedExecutionType(r.update) },
  { header: 'price', value: (r) => r.update.price },
  { header: 'quantity', value: (r) => r.update.quantity },
  { header: 'executed_qty', value: (r) => r.update.cumulativeFilledQty },
  { header: 'last_fill_price', value: (r) => r.update.lastFilledPrice },
  { header: 'last_fill_qty', value: (r) => r.update.lastFilledQty },
  { header: 'fee', value: (r) => r.update.commission },
  { header: 'fee_asset', value: (r) => r.update.commissionAsset },
  { header: 'oto_list_id', value: (r) => r.update.orderListId },
  { header: 'oto_leg', value: (r) => r.update.contingencyPosition },
  { header: 'event_id', value: (r) => r.update.eventId },
  { header: 'source', value: (r) => r.source },
];

/** An order in its last accepted state, as exported. */
export interface OrderRow {
  last: OrderUpdate;
  updateCount: number;
  firstReceivedAtMs: number;
  lastReceivedAtMs: number;
  /** Counted volume and the wear of its trade (filled in once every update is read). */
  points?: OrderPointsColumns;
}

/** Columns of the orders summary CSV (one row per order, current state). */
export const ORDER_COLUMNS: ReadonlyArray<Column<OrderRow>> = [
  { header: 'order_id', value: (r) => r.last.orderId },
  { header: 'client_order_id', value: (r) => r.last.clientOrderId },
  { header: 'symbol', value: (r) => r.last.symbol },
  { header: 'side', value: (r) => r.last.side },
  { header: 'type', value: (r) => r.last.orderType },
  { header: 'status', value: (r) => receivedStatus(r.last) },
  { header: 'price', value: (r) => r.last.price },
  { header: 'quantity', value: (r) => r.last.quantity },
  { header: 'executed_qty', value: (r) => r.last.cumulativeFilledQty },
  { header: 'avg_price', value: (r) => r.last.avgPrice },
  { header: 'cumulative_quote_qty', value: (r) => r.last.cumulativeQuoteQty },
  { header: 'oto_list_id', value: (r) => r.last.orderListId },
  { header: 'oto_leg', value: (r) => r.last.contingencyPosition },
  { header: 'created_time_ms', value: (r) => r.last.orderCreationTimeMs },
  { header: 'last_event_time_ms', value: (r) => r.last.eventTimeMs },
  { header: 'first_receive_time_ms', value: (r) => r.firstReceivedAtMs },
  { header: 'last_receive_time_ms', value: (r) => r.lastReceivedAtMs },
  { header: 'updates', value: (r) => r.updateCount },
  { header: 'mul_point', value: (r) => r.points?.mulPoint ?? null },
  { header: 'counted_volume_usdt', value: (r) => r.points?.countedVolumeUsdt ?? null },
  { header: 'trade_wear_usdt', value: (r) => r.points?.tradeWearUsdt ?? null },
  { header: 'trade_wear_bps', value: (r) => r.points?.tradeWearBps ?? null },
];

/** Columns of the per-day points and wear summary (one row per UTC day). */
export const DAILY_SUMMARY_COLUMNS: ReadonlyArray<Column<DailySummaryRow>> = [
  { header: 'date_utc', value: (r) => r.date },
  { header: 'volume_usdt', value: (r) => r.volumeUsdt },
  { header: 'counted_volume_usdt', value: (r) => r.countedVolumeUsdt },
  { header: 'counted_source', value: (r) => r.countedSource },
  { header: 'volume_points', value: (r) => r.volumePoints },
  { header: 'balance_points', value: (r) => r.balancePoints },
  { header: 'total_points', value: (r) => r.totalPoints },
  { header: 'wear_usdt', value: (r) => r.wearUsdt },
  { header: 'wear_bps', value: (r) => r.wearBps },
  { header: 'cost_per_point_usdt', value: (r) => r.costPerPoint },
  { header: 'fills', value: (r) => r.fills },
];

export function headerLine<Row>(columns: ReadonlyArray<Column<Row>>): string[] {
  return columns.map((c) => c.header);
}
export function rowFields<Row>(
  columns: ReadonlyArray<Column<Row>>,
  row: Row,
): Array<string | number | null> {
  return columns.map((c) => c.value(row));
}
