import Big from 'big.js';
import type { OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { CountedFill } from '../../../shared/domain/update-verdict.ts';
import type { Wear } from '../../../shared/ipc/views-points.ts';
import { utcDate } from './points-rules.ts';

export type { Wear } from '../../../shared/ipc/views-points.ts';

/**
 * Wear (磨损): what volume trading costs, computed from fills (ALPHA-PROTOCOL.md §9), never
 * from balances (an idle-USDT sweep into Simple Earn would look like a loss there).
 * Sign: positive wear = money lost. wear = quote spent on BUYs − quote received on SELLs +
 * fees valued at the fill price − tokens bought and not (yet) sold valued at the mark, so an
 * open sell is not counted as wear. In bps of counted volume (Σ BUY quote × mulPoint).
 */

/** One fill, as the exchange reports it (get-user-trades row or a TRADE frame). */
export interface WearFill {
  symbol: string;
  side: 'BUY' | 'SELL';
  /** Filled base quantity. */
  qty: string;
  /** Quote of the fill (qty × price), USDT. */
  quote: string;
  price: string;
  commission: string;
  commissionAsset: string;
  baseAsset: string;
  quoteAsset: string;
  timeMs: number;
  /** The token's mulPoint when the fill happened (1 when unknown). */
  mulPoint: number;
}

/**
 * The fill an accepted order update adds, as the order book counted it (`verdict.counted`:
 * only the part no earlier update or backfill counted), valued with `mulPoint`.
 */
export function wearFillOfUpdate(
  update: OrderUpdate,
  counted: CountedFill,
  mulPoint: number,
): WearFill {
  return {
    symbol: update.symbol,
    side: update.side,
    qty: counted.base,
    quote: counted.quote,
    price: update.lastFilledPrice,
    commission: counted.fee ?? '0',
    commissionAsset: update.commissionAsset ?? '',
    baseAsset: update.baseAsset,
    quoteAsset: update.quoteAsset,
    timeMs: update.transactionTimeMs,
    mulPoint,
  };
}

function big(value: string | undefined): Big {
  try {
    return new Big(value ?? '0');
  } catch {
    return new Big(0);
  }
}

/** A fill's fee in quote: SELLs pay in quote, BUYs in base (valued at the fill price). */
export function feeInQuote(fill: WearFill): Big {
  const fee = big(fill.commission);
  if (fee.eq(0)) return fee;
  if (fill.commissionAsset === fill.quoteAsset) return fee;
  if (fill.commissionAsset === fill.baseAsset) return fee.times(big(fill.price));
  return new Big(0);
}

/** Wear in bps of counted volume, 2 dp; null when nothing was counted. */
export function wearBpsOf(wearUsdt: Big | string, countedUsdt: Big | string): string | null {
  const counted = big(String(countedUsdt));
  if (counted.lte(0)) return null;
  return big(String(wearUsdt)).times(10_000).div(counted).round(2, Big.roundHalfUp).toFixed(2);
}

/** Wear per point, 8 dp; null when no point was earned. */
export function costPerPoint(wearUsdt: Big | string, points: number): string | null {
  if (!(points > 0)) return null;
  return big(String(wearUsdt)).div(points).round(8, Big.roundHalfUp).toFixed(8);
}

/**
 * Wear of `fills`. `marks` (symbol → price) values what was bought and not sold; without a
 * mark, the symbol's latest fill price is used.
 */
export function computeWear(
  fills: readonly WearFill[],
  marks: Readonly<Record<string, string>> = {},
): Wear {
  const tally = new WearTally();
  for (const fill of fills) tally.add(fill);
  return tally.wear(marks);
}

/**
 * The running sums `computeWear` folds fills into, kept instead of the fills (a fleet row
 * counts today's fills without holding them): sums of buys, sells, fees and counted volume,
 * and per symbol the quantity held and its latest price.
 */
export class WearTally {
  private buy = new Big(0);
  private sell = new Big(0);
  private fees = new Big(0);
  private counted = new Big(0);
  private fills = 0;
  private readonly held = new Map<string, { qty: Big; lastPrice: Big; lastMs: number }>();

  get size(): number {
    return this.fills;
  }

  add(fill: WearFill): void {
    const quote = big(fill.quote);
    const qty = big(fill.qty);
    const h = this.held.get(fill.symbol) ?? { qty: new Big(0), lastPrice: new Big(0), lastMs: -1 };
    if (fill.side === 'BUY') {
      this.buy = this.buy.plus(quote);
      this.counted = this.counted.plus(quote.times(fill.mulPoint > 0 ? fill.mulPoint : 1));
      h.qty = h.qty.plus(qty);
    } else {
      this.sell = this.sell.plus(quote);
      h.qty = h.qty.minus(qty);
    }
    if (fill.timeMs >= h.lastMs) {
      h.lastPrice = big(fill.price);
      h.lastMs = fill.timeMs;
    }
    this.held.set(fill.symbol, h);
    this.fees = this.fees.plus(feeInQuote(fill));
    this.fills++;
  }

  /**
   * Adds another tally's fills, as if they were added one by one after this one's: sums add,
   * and per symbol the latest price is the other's unless this one's is strictly later.
   */
  addTally(other: WearTally): void {
    this.buy = this.buy.plus(other.buy);
    this.sell = this.sell.plus(other.sell);
    this.fees = this.fees.plus(other.fees);
    this.counted = this.counted.plus(other.counted);
    this.fills += other.fills;
    for (const [symbol, o] of other.held) {
      const h = this.held.get(symbol);
      if (h === undefined) {
        this.held.set(symbol, { ...o });
        continue;
      }
      h.qty = h.qty.plus(o.qty);
      if (o.lastMs >= h.lastMs) {
        h.lastPrice = o.lastPrice;
        h.lastMs = o.lastMs;
      }
    }
  }

  wear(marks: Readonly<Record<string, string>> = {}): Wear {
    let heldValue = new Big(0);
    for (const [symbol, h] of this.held) {
      const mark = marks[symbol] !== undefined ? big(marks[symbol]) : h.lastPrice;
      heldValue = heldValue.plus(h.qty.times(mark));
    }
    const wear = this.buy.minus(this.sell).plus(this.fees).minus(heldValue);
    return {
      wearUsdt: wear.round(8, Big.roundHalfUp).toFixed(),
      wearBps: wearBpsOf(wear, this.counted),
      countedVolumeUsdt: this.counted.toFixed(),
      buyQuoteUsdt: this.buy.toFixed(),
      sellQuoteUsdt: this.sell.toFixed(),
      feesUsdt: this.fees.round(8, Big.roundHalfUp).toFixed(),
      heldValueUsdt: heldValue.round(8, Big.roundHalfUp).toFixed(),
      fills: this.fills,
    };
  }
}

/** Wear per UTC day (`YYYY-MM-DD` → wear), days in order. */
export function wearByUtcDay(
  fills: readonly WearFill[],
  marks: Readonly<Record<string, string>> = {},
  alsoByDay: ReadonlyMap<string, WearTally> = new Map(),
): Map<string, Wear> {
  const byDay = new Map<string, WearTally>();
  const tallyOf = (day: string): WearTally => {
    let tally = byDay.get(day);
    if (tally === undefined) byDay.set(day, (tally = new WearTally()));
    return tally;
  };
  for (const fill of fills) tallyOf(utcDate(fill.timeMs)).add(fill);
  // Fills already folded per day (a live stream's since the last read), after the listed ones.
  for (const [day, tally] of alsoByDay) tallyOf(day).addTally(tally);
  const days = [...byDay.keys()].sort();
  return new Map(days.map((day) => [day, byDay.get(day)!.wear(marks)]));
}
