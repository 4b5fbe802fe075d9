import { DecimalSum, isPositiveDecimal } from './decimal-math.ts';
import {
  ORDER_STATUSES,
  type OrderStatus,
  type OrderUpdate,
  type UpdateSource,
} from '../../../shared/domain/order-update.ts';
import type { SessionStateName } from '../../../shared/domain/session-state.ts';
import type { UpdateVerdict } from '../../../shared/domain/update-verdict.ts';

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
  /** Updates dropped as seen before (a repeated event id, or a backfill that adds nothing). */
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

/**
 * The one place statistics are computed: a fold of updates and the book's verdicts. The book
 * feeds it as it decides; the app's projection, a reopened journal and anything else that has
 * the verdicts feed it the same records, so every face shows the same numbers. Big.js inside,
 * strings out.
 */
export class StatisticsAccumulator {
  updates = 0;
  backfilled = 0;
  duplicates = 0;
  late = 0;
  fills = 0;
  // One slot per known status (ORDER_STATUSES order), indexed by `statusIndex`: a status read
  // from a frame is often not an internalized string, and a keyed property access with one
  // costs a string-table lookup.
  private readonly byStatus = zeroCounts();
  private readonly ordersByStatus = zeroCounts();
  private readonly volume = new Map<string, SymbolSums>();
  private readonly quoteByAsset = new Map<string, AssetSum>();
  private readonly fees = new Map<string, AssetSum>();
  // The last symbol's and assets' sums: a session mostly trades one symbol.
  private lastVolume: SymbolSums | null = null;
  private lastQuote: AssetSum | null = null;
  private lastFee: AssetSum | null = null;
  /** Distinct orders counted. */
  private orders = 0;
  /** Current status per order, moved by applied verdicts only (when the caller keeps none). */
  private readonly statusOf = new Map<string, OrderStatus>();

  /**
   * Counts one update as its verdict says. `from` is the order's status before it (null for a
   * new order) when the caller keeps orders itself (the book); without it, the accumulator
   * keeps each order's status to tell.
   */
  record(
    update: OrderUpdate,
    source: UpdateSource,
    verdict: UpdateVerdict,
    from?: OrderStatus | null,
  ): void {
    if (verdict.outcome === 'duplicate') {
      this.duplicates++;
      return;
    }
    this.updates++;
    if (source === 'backfill') this.backfilled++;
    const to = statusIndex(update.status);
    this.byStatus[to]! += 1;
    // A late fill is still a fill that happened: the verdict says how much of it is new.
    if (verdict.counted !== null) this.addFill(update, verdict.counted);
    if (verdict.outcome === 'late') {
      this.late++;
      return;
    }
    let previous: OrderStatus | null;
    if (from === undefined) {
      previous = this.statusOf.get(update.orderId) ?? null;
      this.statusOf.set(update.orderId, update.status);
    } else previous = from;
    if (previous === null) this.orders++;
    else {
      const fromIndex = statusIndex(previous);
      if (fromIndex === to) return;
      this.ordersByStatus[fromIndex]! -= 1;
    }
    this.ordersByStatus[to]! += 1;
  }

  /** Adds a fill. Zero quantities (a NEW or a pure status change) are ignored. */
  private addFill(
    update: Pick<OrderUpdate, 'symbol' | 'quoteAsset' | 'commissionAsset'>,
    counted: NonNullable<UpdateVerdict['counted']>,
  ): void {
    const { base: baseQty, quote: quoteQty, fee } = counted;
    const feeAsset = update.commissionAsset;
    if (!isPositiveDecimal(baseQty)) return;
    this.fills++;
    const symbol = update.symbol;
    let v = this.lastVolume;
    if (v === null || v.symbol !== symbol) {
      v = this.volume.get(symbol) ?? null;
      if (v === null) {
        v = { symbol, fills: 0, base: new DecimalSum(), quote: new DecimalSum() };
        this.volume.set(symbol, v);
      }
      this.lastVolume = v;
    }
    v.fills++;
    v.base.add(baseQty);
    v.quote.add(quoteQty);
    const quote = sumOf(this.quoteByAsset, this.lastQuote, update.quoteAsset || 'UNKNOWN');
    this.lastQuote = quote;
    quote.sum.add(quoteQty);
    if (fee !== null && feeAsset) {
      const fees = sumOf(this.fees, this.lastFee, feeAsset);
      this.lastFee = fees;
      fees.sum.add(fee);
    }
  }

  snapshot(): BookStatistics {
    const orders = this.orders;
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

interface SymbolSums {
  readonly symbol: string;
  fills: number;
  readonly base: DecimalSum;
  readonly quote: DecimalSum;
}

interface AssetSum {
  readonly asset: string;
  readonly sum: DecimalSum;
}

const STATUS_NEW = ORDER_STATUSES.indexOf('NEW');
const STATUS_FILLED = ORDER_STATUSES.indexOf('FILLED');
const STATUS_PARTIALLY_FILLED = ORDER_STATUSES.indexOf('PARTIALLY_FILLED');
const STATUS_PENDING = ORDER_STATUSES.indexOf('PENDING');

/** The slot of a status in ORDER_STATUSES; the captured ones by plain comparisons. */
function statusIndex(status: OrderStatus): number {
  if (status === 'NEW') return STATUS_NEW;
  if (status === 'FILLED') return STATUS_FILLED;
  if (status === 'PARTIALLY_FILLED') return STATUS_PARTIALLY_FILLED;
  if (status === 'PENDING') return STATUS_PENDING;
  return ORDER_STATUSES.indexOf(status);
}

function zeroCounts(): number[] {
  return ORDER_STATUSES.map(() => 0);
}

function nonZero(counts: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  ORDER_STATUSES.forEach((status, i) => {
    if (counts[i]! > 0) out[status] = counts[i]!;
  });
  return out;
}

/** The sums of `asset`: `last` when it is that asset's, else from (or new in) the map. */
function sumOf(map: Map<string, AssetSum>, last: AssetSum | null, asset: string): AssetSum {
  if (last !== null && last.asset === asset) return last;
  let entry = map.get(asset);
  if (entry === undefined) {
    entry = { asset, sum: new DecimalSum() };
    map.set(asset, entry);
  }
  return entry;
}

function mapToStrings(map: Map<string, AssetSum>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of map) out[k] = v.sum.toFixed();
  return out;
}

/** Connection counters every face shows the same way. */
export interface ConnectionCounts {
  /** Returns to `live` after the first time. */
  reconnects: number;
  /** Times a live stream was lost (live, then reconnecting or failed). */
  gaps: number;
}

/**
 * The one rule for reconnects and gaps, fed state names in order: by the monitor live (watch),
 * by the app's connection tracker live and when a journal is reopened. A repeated `live` (the
 * app re-announces it when the listen key is renewed) counts nothing.
 */
export class ConnectionCounter implements ConnectionCounts {
  reconnects = 0;
  gaps = 0;
  private everLive = false;
  private live = false;

  onState(state: SessionStateName): void {
    if (state === 'live') {
      if (this.everLive && !this.live) this.reconnects++;
      this.everLive = true;
      this.live = true;
      return;
    }
    if (this.live && (state === 'reconnecting' || state === 'failed')) this.gaps++;
    this.live = false;
  }

  counts(): ConnectionCounts {
    return { reconnects: this.reconnects, gaps: this.gaps };
  }
}
