import Big from 'big.js';
import { utcDate, volumePoints } from '../points/points-rules.ts';
import { computeWear, costPerPoint, type Wear, type WearFill } from '../points/wear.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import { errorCodeOf, isAuthRejection } from './strategy-error.ts';
import type { StrategyRestPort } from './strategy-ports.ts';
import type { StrategyEvent } from './strategy-types.ts';

/** The key of the leftover sale's fills: trades are numbered from 1. */
const LEFTOVER_SALE = 0;

/** A run's wear and points: fills per trade, today's counted volume at the start and end. */
export class RunWear {
  private readonly byTrade = new Map<number, WearFill[]>();
  /** The same fills by the order they belong to (the leftover sale's are not here). */
  private readonly byOrder = new Map<string, WearFill[]>();
  private startCounted: Big | null = null;
  private exchangePoints: number | null = null;

  constructor(
    private readonly rest: StrategyRestPort,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Records a filled leg (its fee is already in quote). */
  record(
    event: Extract<StrategyEvent, { type: 'leg-filled' }>,
    token: { symbol: string; alphaId: string; mulPoint: number },
  ): void {
    const qty = new Big(event.quantity);
    const fill: WearFill = {
      symbol: token.symbol,
      side: sideOf(event.leg),
      qty: event.quantity,
      quote: event.quoteUsdt,
      price: qty.gt(0) ? new Big(event.quoteUsdt).div(qty).toFixed() : '0',
      commission: event.feeUsdt,
      commissionAsset: 'USDT',
      baseAsset: token.alphaId,
      quoteAsset: 'USDT',
      timeMs: this.clock.now(),
      mulPoint: token.mulPoint,
    };
    this.add(event.trade, event.orderId, fill);
  }

  /**
   * What the book counted of one of the run's orders beyond what was recorded from its
   * reported leg: a pending SELL that was still open when its trade was accounted and filled
   * later (or during the cancel at the end), a leg that ended in part, a working BUY that filled
   * in part before its cancel. The difference is recorded as one more fill of the trade, so that
   * the wear and the tokens the run holds follow the exchange. Returns the fee of the fill
   * added, or null when the book counted nothing more.
   */
  catchUp(
    trade: number,
    leg: 'working' | 'pending',
    orderId: string,
    counted: { quantity: Big; quote: Big; feeQuote: Big },
    token: { symbol: string; alphaId: string; mulPoint: number },
  ): Big | null {
    let qty = new Big(0);
    let quote = new Big(0);
    let fee = new Big(0);
    for (const f of this.byOrder.get(orderId) ?? []) {
      qty = qty.plus(f.qty);
      quote = quote.plus(f.quote);
      fee = fee.plus(f.commission);
    }
    const moreQty = counted.quantity.minus(qty);
    if (moreQty.lte(0)) return null;
    const moreQuote = counted.quote.minus(quote);
    const moreFee = counted.feeQuote.gt(fee) ? counted.feeQuote.minus(fee) : new Big(0);
    this.add(trade, orderId, {
      symbol: token.symbol,
      side: sideOf(leg),
      qty: moreQty.toFixed(),
      quote: moreQuote.toFixed(),
      price: moreQuote.div(moreQty).toFixed(),
      commission: moreFee.toFixed(),
      commissionAsset: 'USDT',
      baseAsset: token.alphaId,
      quoteAsset: 'USDT',
      timeMs: this.clock.now(),
      mulPoint: token.mulPoint,
    });
    return moreFee;
  }

  private add(trade: number, orderId: string | null, fill: WearFill): void {
    const list = this.byTrade.get(trade) ?? [];
    list.push(fill);
    this.byTrade.set(trade, list);
    if (orderId === null) return;
    const own = this.byOrder.get(orderId) ?? [];
    own.push(fill);
    this.byOrder.set(orderId, own);
  }

  /**
   * What the leftover sale at the end sold (`--sell-leftovers`): a SELL of tokens the run's
   * trades bought, so the run's wear counts what it received and its fee instead of valuing
   * those tokens at the last fill price. Kept apart from the trades (trade 0).
   */
  recordLeftoverSale(
    sale: { quantity: string; quoteUsdt: string; feeUsdt: string },
    token: { symbol: string; alphaId: string; mulPoint: number },
  ): void {
    const qty = new Big(sale.quantity);
    if (qty.lte(0)) return;
    const fill: WearFill = {
      symbol: token.symbol,
      side: 'SELL',
      qty: sale.quantity,
      quote: sale.quoteUsdt,
      price: new Big(sale.quoteUsdt).div(qty).toFixed(),
      commission: sale.feeUsdt,
      commissionAsset: 'USDT',
      baseAsset: token.alphaId,
      quoteAsset: 'USDT',
      timeMs: this.clock.now(),
      mulPoint: token.mulPoint,
    };
    this.add(LEFTOVER_SALE, null, fill);
  }

  /** The fee of a fill counted after its leg was recorded (recovered late): the leg's fee grows. */
  addLateFee(trade: number, leg: 'working' | 'pending', feeUsdt: Big): void {
    const fill = this.byTrade.get(trade)?.find((f) => f.side === sideOf(leg));
    if (fill) fill.commission = new Big(fill.commission).plus(feeUsdt).toFixed();
  }

  /** The fee of a leftover sale's fill counted after the sale was recorded: the sale's fee grows. */
  addLeftoverLateFee(feeUsdt: Big): void {
    this.addLateFee(LEFTOVER_SALE, 'pending', feeUsdt);
  }

  /** Wear of one trade, or null when nothing of it filled. */
  ofTrade(trade: number): Wear | null {
    const fills = this.byTrade.get(trade);
    return fills && fills.length > 0 ? computeWear(fills) : null;
  }

  /** Tokens this run bought and did not sell (Σ BUY qty − Σ SELL qty of its fills). */
  heldQuantity(): Big {
    let held = new Big(0);
    for (const fill of [...this.byTrade.values()].flat())
      held = fill.side === 'BUY' ? held.plus(fill.qty) : held.minus(fill.qty);
    return held;
  }

  /** Wear of the whole run. */
  total(): Wear {
    return computeWear([...this.byTrade.values()].flat());
  }

  /**
   * Reads today's counted volume from user-score (start, or end: the exchange wins); returns
   * it, or null when it cannot be read. An auth rejection is rethrown: the run must stop.
   */
  async readToday(at: 'start' | 'end'): Promise<Big | null> {
    if (!this.rest.getUserScore) return null;
    try {
      const score = await this.rest.getUserScore();
      const today = utcDate(this.clock.now());
      const row = score.days.find((d) => d.date === today);
      const counted = new Big(row?.alphaVolume ?? '0');
      if (at === 'start') this.startCounted = counted;
      else this.exchangePoints = volumePoints(counted);
      return counted;
    } catch (error) {
      if (at === 'start' && isAuthRejection(error)) throw error;
      this.logger.warn('user-score could not be read; points left out', {
        code: errorCodeOf(error),
      });
      return null;
    }
  }

  /** The points fields of progress and summary. */
  points(wear: Wear): {
    points: number | null;
    pointsGained: number | null;
    costPerPoint: string | null;
  } {
    if (this.startCounted === null) {
      return { points: this.exchangePoints, pointsGained: null, costPerPoint: null };
    }
    const projected = volumePoints(this.startCounted.plus(wear.countedVolumeUsdt));
    const points = this.exchangePoints ?? projected;
    const gained = Math.max(0, points - volumePoints(this.startCounted));
    return { points, pointsGained: gained, costPerPoint: costPerPoint(wear.wearUsdt, gained) };
  }
}

function sideOf(leg: 'working' | 'pending'): 'BUY' | 'SELL' {
  return leg === 'working' ? 'BUY' : 'SELL';
}
