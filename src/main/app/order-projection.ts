import {
  ORDER_STATUSES,
  type OrderStatus,
  type OrderUpdate,
  type UpdateSource,
} from '../../shared/domain/order-update.ts';
import type {
  FillPoint,
  OrderUpdateView,
  OrderView,
  SessionStatsView,
} from '../../shared/ipc/views-monitor.ts';
import { OrderBook } from '../core/book/index.ts';

interface OrderMeta {
  firstSeenAtMs: number;
  lastReceivedAtMs: number;
  lastSource: UpdateSource;
  updateCount: number;
}

/**
 * What the renderer sees of one account's orders, built on the engine's OrderBook (dedupe,
 * no regressions, OTO links): order views, fills, and the statistics the CLI prints.
 * Used live (fed by the monitor) and for reopened sessions (fed by the journal).
 */
export class OrderProjection {
  private readonly book = new OrderBook();
  private readonly meta = new Map<string, OrderMeta>();
  private readonly fills: FillPoint[] = [];
  private readonly strategyOrderIds = new Set<string>();
  private received = 0;
  /** Duplicates the engine's own book ignored before they reached us (never applied here). */
  private ignoredUpstream = 0;

  constructor(private readonly accountId: string) {}

  /** Applies one update; returns its view (with `accepted`) and any fill it carries. */
  apply(
    update: OrderUpdate,
    source: UpdateSource,
    receivedAtMs: number,
  ): { view: OrderUpdateView; fill: FillPoint | null } {
    this.received++;
    const outcome = this.book.apply(update, source).outcome;
    const accepted = outcome !== 'duplicate';
    let fill: FillPoint | null = null;
    if (accepted) {
      const meta = this.meta.get(update.orderId);
      if (meta) {
        meta.updateCount++;
        meta.lastReceivedAtMs = receivedAtMs;
        meta.lastSource = source;
      } else {
        this.meta.set(update.orderId, {
          firstSeenAtMs: receivedAtMs,
          lastReceivedAtMs: receivedAtMs,
          lastSource: source,
          updateCount: 1,
        });
      }
      if (update.executionType === 'TRADE') {
        fill = {
          orderId: update.orderId,
          symbol: update.symbol,
          side: update.side,
          eventTimeMs: update.eventTimeMs,
          qty: update.lastFilledQty,
          price: update.lastFilledPrice,
          quoteQty: update.lastQuoteQty,
          status: update.status,
        };
        this.fills.push(fill);
      }
    }
    return { view: { update, source, receivedAtMs, accepted }, fill };
  }

  /**
   * Counts updates ignored upstream (the engine's book saw them as duplicates): they appear
   * in the statistics as received and ignored, and nowhere else.
   */
  noteIgnored(count = 1): void {
    this.received += count;
    this.ignoredUpstream += count;
  }

  /** Marks orders the strategy placed (highlighted in the table). */
  markStrategyOrder(orderId: string): void {
    this.strategyOrderIds.add(orderId);
  }

  order(orderId: string): OrderView | null {
    const record = this.book.get(orderId);
    const meta = this.meta.get(orderId);
    if (!record || !meta) return null;
    const peer = this.book.linkedOrders(orderId)[0];
    return {
      accountId: this.accountId,
      last: record.current,
      updateCount: meta.updateCount,
      firstSeenAtMs: meta.firstSeenAtMs,
      lastReceivedAtMs: meta.lastReceivedAtMs,
      lastSource: meta.lastSource,
      otoPeerOrderId: peer?.orderId ?? null,
      otoLeg: record.current.contingencyPosition,
      placedByStrategy: this.strategyOrderIds.has(orderId),
    };
  }

  orders(): OrderView[] {
    return this.book.list().flatMap((r) => this.order(r.orderId) ?? []);
  }

  allFills(): FillPoint[] {
    return [...this.fills];
  }

  stats(connection: {
    reconnects: number;
    malformedFrames: number;
    liveMs: number;
    startedAtMs: number | null;
  }): SessionStatsView {
    const s = this.book.statistics();
    return {
      updatesReceived: this.received,
      updatesAccepted: s.updates,
      updatesIgnored: s.duplicates + this.ignoredUpstream,
      updatesBackfilled: s.backfilled,
      orders: s.orders,
      updatesByStatus: byStatus(s.byStatus),
      ordersByStatus: byStatus(s.ordersByStatus),
      fills: s.fills,
      filledQuoteByAsset: s.quoteVolumeByAsset,
      feesByAsset: s.feesByAsset,
      ...connection,
    };
  }
}

function byStatus(counts: Record<string, number>): Record<OrderStatus, number> {
  const out = {} as Record<OrderStatus, number>;
  for (const status of ORDER_STATUSES) out[status] = counts[status] ?? 0;
  return out;
}
