import Big from 'big.js';
import type { OrderStatus, OrderUpdate } from '../../../shared/domain/order-update.ts';

/** Filled volume of one symbol. Decimal strings. */
export interface SymbolVolume {
  fills: number;
  /** Sum of `l` (base quantity filled). */
  base: string;
  /** Sum of `Y` (quote quantity filled). */
  quote: string;
}

/** A snapshot of the book's statistics. Decimals are strings; counts are numbers. */
export interface BookStatistics {
  /** Accepted distinct executionReports (late ones included), as the old script counted. */
  updates: number;
  /** `updates` by `X`. */
  byStatus: Record<string, number>;
  /** Updates that came from REST reconciliation after a gap. */
  backfilled: number;
  /** Distinct orders seen. */
  orders: number;
  /** Orders by current status. */
  ordersByStatus: Record<string, number>;
  /** Frames dropped because their event id was seen already. */
  duplicates: number;
  /** Events older than the order's current state: kept in history, never applied. */
  late: number;
  /** Fills (TRADE executions), total and per symbol. */
  fills: number;
  volumeBySymbol: Record<string, SymbolVolume>;
  /** Filled quote volume per quote asset (e.g. USDT). */
  quoteVolumeByAsset: Record<string, string>;
  /** Fees per commission asset. */
  feesByAsset: Record<string, string>;
}

/** Mutable accumulator behind BookStatistics; big.js inside, strings out. */
export class StatisticsAccumulator {
  updates = 0;
  backfilled = 0;
  duplicates = 0;
  late = 0;
  fills = 0;
  private readonly byStatus = new Map<string, number>();
  private readonly ordersByStatus = new Map<string, number>();
  private readonly volume = new Map<string, { fills: number; base: Big; quote: Big }>();
  private readonly quoteByAsset = new Map<string, Big>();
  private readonly fees = new Map<string, Big>();

  countUpdate(status: OrderStatus, backfill: boolean): void {
    this.updates++;
    if (backfill) this.backfilled++;
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
  }

  moveOrder(from: OrderStatus | null, to: OrderStatus): void {
    if (from === to) return;
    if (from !== null) this.ordersByStatus.set(from, (this.ordersByStatus.get(from) ?? 1) - 1);
    this.ordersByStatus.set(to, (this.ordersByStatus.get(to) ?? 0) + 1);
  }

  /** Adds a fill. Zero quantities (a NEW or a pure status change) are ignored. */
  addFill(update: Pick<OrderUpdate, 'symbol' | 'quoteAsset'>, baseQty: string, quoteQty: string, fee: string | null, feeAsset: string | null): void {
    const base = new Big(baseQty);
    if (base.lte(0)) return;
    const quote = new Big(quoteQty);
    this.fills++;
    const v = this.volume.get(update.symbol) ?? { fills: 0, base: new Big(0), quote: new Big(0) };
    v.fills++;
    v.base = v.base.plus(base);
    v.quote = v.quote.plus(quote);
    this.volume.set(update.symbol, v);
    const qa = update.quoteAsset || 'UNKNOWN';
    this.quoteByAsset.set(qa, (this.quoteByAsset.get(qa) ?? new Big(0)).plus(quote));
    if (fee !== null && feeAsset) this.fees.set(feeAsset, (this.fees.get(feeAsset) ?? new Big(0)).plus(fee));
  }

  snapshot(orders: number): BookStatistics {
    const volumeBySymbol: Record<string, SymbolVolume> = {};
    for (const [symbol, v] of this.volume) volumeBySymbol[symbol] = { fills: v.fills, base: v.base.toFixed(), quote: v.quote.toFixed() };
    return {
      updates: this.updates,
      byStatus: Object.fromEntries(this.byStatus),
      backfilled: this.backfilled,
      orders,
      ordersByStatus: Object.fromEntries([...this.ordersByStatus].filter(([, n]) => n > 0)),
      duplicates: this.duplicates,
      late: this.late,
      fills: this.fills,
      volumeBySymbol,
      quoteVolumeByAsset: mapToStrings(this.quoteByAsset),
      feesByAsset: mapToStrings(this.fees),
    };
  }
}

function mapToStrings(map: Map<string, Big>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of map) out[k] = v.toFixed();
  return out;
}
