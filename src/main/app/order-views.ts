import {
  ORDER_STATUSES,
  type OrderStatus,
  type OrderUpdate,
} from '../../shared/domain/order-update.ts';
import type { UpdateVerdict } from '../../shared/domain/update-verdict.ts';
import type {
  FillPoint,
  OrderStatusUnknown,
  OrderView,
  SessionStatsView,
} from '../../shared/ipc/views-monitor.ts';
import type { BookStatistics, ConnectionCounts } from '../core/book/index.ts';
import type { BookOrder, ReconcileStats } from './ports.ts';

/** What the connection side adds to the statistics (the tracker's counters). */
export interface ConnectionStats extends ConnectionCounts {
  malformedFrames: number;
  liveMs: number;
  startedAtMs: number | null;
}

/**
 * The view of one order: what the book (live) or a journal read (a reopened session, a
 * snapshot) holds of it, with `last` the update that defines its state.
 */
export function orderViewOf(
  accountId: string,
  order: Omit<BookOrder, 'current'>,
  last: OrderUpdate,
  marks: { placedByStrategy: boolean; statusUnknown: OrderStatusUnknown | null },
): OrderView {
  return {
    accountId,
    last,
    updateCount: order.updateCount,
    firstSeenAtMs: order.firstSeenAtMs,
    lastReceivedAtMs: order.lastReceivedAtMs,
    lastSource: order.lastSource,
    otoPeerOrderId: order.otoPeerOrderId,
    otoLeg: last.contingencyPosition,
    placedByStrategy: marks.placedByStrategy,
    statusUnknown: marks.statusUnknown,
  };
}

/** The chart's point of a fill the book counted (a fill a backfill counted first is not drawn twice). */
export function fillPointOf(update: OrderUpdate, verdict: UpdateVerdict): FillPoint | null {
  if (verdict.counted === null || verdict.outcome === 'duplicate') return null;
  return {
    orderId: update.orderId,
    symbol: update.symbol,
    side: update.side,
    eventTimeMs: update.eventTimeMs,
    qty: verdict.counted.base,
    price: update.lastFilledPrice,
    quoteQty: verdict.counted.quote,
    status: update.status,
  };
}

/**
 * The statistics panel's view of the book's statistics (the one fold, `StatisticsAccumulator`),
 * the connection's counters and reconciliation's counts. `unrecordedDuplicates`: duplicates a
 * journal written before verdicts left no record of.
 */
export function statsViewOf(
  s: BookStatistics,
  connection: ConnectionStats,
  reconcile: ReconcileStats = { missedByStream: 0, statusUnknown: 0, fillsNotRecovered: 0 },
  unrecordedDuplicates = 0,
): SessionStatsView {
  return {
    updatesReceived: s.updates + s.duplicates + unrecordedDuplicates,
    updatesAccepted: s.updates,
    updatesIgnored: s.duplicates + unrecordedDuplicates,
    updatesLate: s.late,
    updatesBackfilled: s.backfilled,
    orders: s.orders,
    updatesByStatus: byStatus(s.byStatus),
    ordersByStatus: byStatus(s.ordersByStatus),
    fills: s.fills,
    filledQuoteByAsset: s.quoteVolumeByAsset,
    feesByAsset: s.feesByAsset,
    ...connection,
    missedByStream: reconcile.missedByStream,
    statusUnknown: reconcile.statusUnknown,
    fillsNotRecovered: reconcile.fillsNotRecovered,
  };
}

function byStatus(counts: Record<string, number>): Record<OrderStatus, number> {
  const out = {} as Record<OrderStatus, number>;
  for (const status of ORDER_STATUSES) out[status] = counts[status] ?? 0;
  return out;
}
