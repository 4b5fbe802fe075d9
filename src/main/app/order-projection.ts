import {
  ORDER_STATUSES,
  type OrderStatus,
  type OrderUpdate,
  type UpdateSource,
} from '../../shared/domain/order-update.ts';
import type { UpdateVerdict } from '../../shared/domain/update-verdict.ts';
import type {
  FillPoint,
  OrderStatusUnknown,
  OrderUpdateView,
  OrderView,
  SessionStatsView,
} from '../../shared/ipc/views-monitor.ts';
import { StatisticsAccumulator, type ConnectionCounts } from '../core/book/index.ts';
import type { ReconcileStats } from './ports.ts';

interface OrderEntry {
  last: OrderUpdate;
  orderListId: string | null;
  firstSeenAtMs: number;
  lastReceivedAtMs: number;
  lastSource: UpdateSource;
  updateCount: number;
}

/** What the connection side adds to the statistics (the tracker's counters). */
export interface ConnectionStats extends ConnectionCounts {
  malformedFrames: number;
  liveMs: number;
  startedAtMs: number | null;
}

/**
 * What the renderer sees of one account's orders: a view of the engine's verdicts, never a
 * second set of rules. An `applied` update becomes its order's state, a `late` one is counted
 * and kept out of the state, a `duplicate` only counts; statistics are the same fold the
 * engine's book uses (StatisticsAccumulator), fed the same verdicts. Used live (fed by the
 * monitor, once an update is journalled) and for reopened sessions (fed by the journal).
 */
export class OrderProjection {
  private readonly entries = new Map<string, OrderEntry>();
  private readonly lists = new Map<string, string[]>();
  private readonly statistics = new StatisticsAccumulator();
  private readonly fills: FillPoint[] = [];
  private readonly strategyOrderIds = new Set<string>();
  private received = 0;
  private unrecordedDuplicates = 0;

  /**
   * `statusUnknownOf` asks the running engine for its mark (the reconciler owns it), or, for a
   * reopened session, what the journal's `reconcile` records left standing.
   */
  constructor(
    private readonly accountId: string,
    private readonly statusUnknownOf: (orderId: string) => OrderStatusUnknown | null = () => null,
  ) {}

  /** Records one update as the engine judged it; returns its view and the fill it counted. */
  apply(
    update: OrderUpdate,
    source: UpdateSource,
    receivedAtMs: number,
    verdict: UpdateVerdict,
  ): { view: OrderUpdateView; fill: FillPoint | null } {
    this.received++;
    this.statistics.record(update, source, verdict);
    const view = {
      update,
      source,
      receivedAtMs,
      verdict,
      accepted: verdict.outcome !== 'duplicate',
    };
    if (verdict.outcome === 'duplicate') return { view, fill: null };
    const entry = this.entries.get(update.orderId);
    if (entry) {
      entry.updateCount++;
      entry.lastReceivedAtMs = receivedAtMs;
      entry.lastSource = source;
      if (verdict.outcome === 'applied') entry.last = update;
      if (entry.orderListId === null && update.orderListId !== null) {
        entry.orderListId = update.orderListId;
        this.link(update);
      }
    } else {
      this.entries.set(update.orderId, {
        last: update,
        orderListId: update.orderListId,
        firstSeenAtMs: receivedAtMs,
        lastReceivedAtMs: receivedAtMs,
        lastSource: source,
        updateCount: 1,
      });
      this.link(update);
    }
    // The chart shows what the statistics count: a fill a backfill counted first is not drawn twice.
    const fill: FillPoint | null =
      verdict.counted === null
        ? null
        : {
            orderId: update.orderId,
            symbol: update.symbol,
            side: update.side,
            eventTimeMs: update.eventTimeMs,
            qty: verdict.counted.base,
            price: update.lastFilledPrice,
            quoteQty: verdict.counted.quote,
            status: update.status,
          };
    if (fill) this.fills.push(fill);
    return { view, fill };
  }

  /**
   * Counts duplicates a journal written before verdicts left no record of (the engine dropped
   * them before journalling): received and ignored, nothing else.
   */
  noteUnrecordedDuplicates(count: number): void {
    this.received += count;
    this.unrecordedDuplicates += count;
  }

  /** Marks orders the strategy placed (highlighted in the table). */
  markStrategyOrder(orderId: string): void {
    this.strategyOrderIds.add(orderId);
  }

  order(orderId: string): OrderView | null {
    const entry = this.entries.get(orderId);
    if (!entry) return null;
    const listId = entry.orderListId;
    const peer = listId ? this.lists.get(listId)?.find((id) => id !== orderId) : undefined;
    return {
      accountId: this.accountId,
      last: entry.last,
      updateCount: entry.updateCount,
      firstSeenAtMs: entry.firstSeenAtMs,
      lastReceivedAtMs: entry.lastReceivedAtMs,
      lastSource: entry.lastSource,
      otoPeerOrderId: peer ?? null,
      otoLeg: entry.last.contingencyPosition,
      placedByStrategy: this.strategyOrderIds.has(orderId),
      statusUnknown: this.statusUnknownOf(orderId),
    };
  }

  orders(): OrderView[] {
    return [...this.entries.keys()].flatMap((id) => this.order(id) ?? []);
  }

  allFills(): FillPoint[] {
    return [...this.fills];
  }

  /** `reconcile`: the running engine's counts, or those a reopened journal recorded. */
  stats(
    connection: ConnectionStats,
    reconcile: ReconcileStats = { missedByStream: 0, statusUnknown: 0 },
  ): SessionStatsView {
    const s = this.statistics.snapshot();
    return {
      updatesReceived: this.received,
      updatesAccepted: s.updates,
      updatesIgnored: s.duplicates + this.unrecordedDuplicates,
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
    };
  }

  private link(update: OrderUpdate): void {
    if (update.orderListId === null) return;
    const legs = this.lists.get(update.orderListId);
    if (legs === undefined) this.lists.set(update.orderListId, [update.orderId]);
    else if (!legs.includes(update.orderId)) legs.push(update.orderId);
  }
}

function byStatus(counts: Record<string, number>): Record<OrderStatus, number> {
  const out = {} as Record<OrderStatus, number>;
  for (const status of ORDER_STATUSES) out[status] = counts[status] ?? 0;
  return out;
}
