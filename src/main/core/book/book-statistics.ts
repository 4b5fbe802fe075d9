import { DecimalSum, isPositiveDecimal } from './decimal-math.ts';
import {
  ORDER_STATUSES,
  type OrderStatus,
  type OrderUpdate,
} from '../../../shared/domain/order-update.ts';

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
  // Fixed-shape counters (one slot per known status): cheaper than a Map on the hot path.
  private readonly byStatus = zeroCounts();
  private readonly ordersByStatus = zeroCounts();
  private readonly volume = new Map<
    string,
    { fills: number; base: DecimalSum; quote: DecimalSum }
  >();
  private readonly quoteByAsset = new Map<string, DecimalSum>();
  private readonly fees = new Map<string, DecimalSum>();

  countUpdate(status: OrderStatus, backfill: boolean): void {
    this.updates++;
    if (backfill) this.backfilled++;
    this.byStatus[status]++;
  }

  moveOrder(from: OrderStatus | null, to: OrderStatus): void {
    if (from === to) return;
    if (from !== null) this.ordersByStatus[from]--;
    this.ordersByStatus[to]++;
  }

  /** Adds a fill. Zero quantities (a NEW or a pure status change) are ignored. */
  addFill(
    update: Pick<OrderUpdate, 'symbol' | 'quoteAsset'>,
    baseQty: string,
    quoteQty: string,
    fee: string | null,
    feeAsset: string | null,
  ): void {
    if (!isPositiveDecimal(baseQty)) return;
    this.fills++;
    let v = this.volume.get(update.symbol);
    if (!v) {
      v = { fills: 0, base: new DecimalSum(), quote: new DecimalSum() };
      this.volume.set(update.symbol, v);
    }
    v.fills++;
    v.base.add(baseQty);
    v.quote.add(quoteQty);
    sumInto(this.quoteByAsset, update.quoteAsset || 'UNKNOWN', quoteQty);
    if (fee !== null && feeAsset) sumInto(this.fees, feeAsset, fee);
  }

  snapshot(orders: number): BookStatistics {
    const volumeBySymbol: Record<string, SymbolVolume> = {};
    for (const [symbol, v] of this.volume)
      volumeBySymbol[symbol] = { fills: v.fills, base: v.base.toFixed(), quote: v.quote.toFixed() };
    return {
      updates: this.updates,
      byStatus: nonZero(this.byStatus),
      backfilled: this.backfilled,
      orders,
      ordersByStatus: nonZero(this.ordersByStatus),
      duplicates: this.duplicates,
      late: this.late,
      fills: this.fills,
      volumeBySymbol,
      quoteVolumeByAsset: mapToStrings(this.quoteByAsset),
      feesByAsset: mapToStrings(this.fees),
    };
  }
}

function zeroCounts(): Record<OrderStatus, number> {
  return {
    NEW: 0,
    PENDING: 0,
    PARTIALLY_FILLED: 0,
    FILLED: 0,
    CANCELED: 0,
    EXPIRED: 0,
    REJECTED: 0,
  };
}

function nonZero(counts: Record<OrderStatus, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const status of ORDER_STATUSES) if (counts[status] > 0) out[status] = counts[status];
  return out;
}

function sumInto(map: Map<string, DecimalSum>, key: string, value: string): void {
  let sum = map.get(key);
  if (!sum) {
    sum = new DecimalSum();
    map.set(key, sum);
  }
  sum.add(value);
}

function mapToStrings(map: Map<string, DecimalSum>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of map) out[k] = v.toFixed();
  return out;
}
