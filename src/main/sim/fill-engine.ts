import type { Clock } from '../core/ports/clock.ts';
import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import { Emitter } from '../../shared/event/emitter.ts';
import type { Balances } from './balances.ts';
import { Big, floorToStep, parseDecimal } from './decimal.ts';
import { SimBusinessError, SimErrorCode } from './errors.ts';
import type { ExecutionType } from './execution-report.ts';
import type { IdSequences } from './id-sequences.ts';
import type { Market, MarketToken } from './market.ts';
import { isWorking, type SimFill, type SimOrder } from './order-model.ts';
import type { Random } from './random.ts';

export interface FillOptions {
  /** Sim-clock delay between an order becoming marketable and its fill. */
  fillDelayMs: number;
  /** Chance that a fill comes as two frames sharing `E` and `t` (as captured). */
  splitFillProbability: number;
  /** Chance that only part fills now and the rest after another delay (a visible PARTIALLY_FILLED). */
  partialFillProbability: number;
  /** Fee rate; 0.0001 on every captured fill. */
  feeRate: string;
}

type Times = { eventTimeMs: number; transactionTimeMs: number };

interface FillHost {
  emit(order: SimOrder, type: ExecutionType, times: Times, fill?: SimFill): void;
  balancesOf(order: SimOrder): Balances;
  onCompleted(order: SimOrder, times: Times): void;
  openOrdersOf(symbol: string): SimOrder[];
}

/**
 * When and how orders fill. A BUY fills when its limit ≥ market, at the market price (the
 * capture filled below its limit); a SELL fills when its limit ≤ market (so the captured
 * pending SELL at 0.0001 acts as a market sell). Fees: BUY pays in base, SELL in quote.
 */
export class FillEngine implements Disposable {
  private readonly scheduled = new Map<string, Disposable>();
  private readonly priceListener: Disposable;
  private readonly feeRate: Big;
  private readonly onDidFillEmitter = new Emitter<{ order: SimOrder; fill: SimFill }>({
    name: 'sim-fill-engine.fill',
  });
  readonly onDidFill = this.onDidFillEmitter.event;

  constructor(
    private readonly clock: Clock,
    private readonly market: Market,
    private readonly random: Random,
    private readonly ids: IdSequences,
    private readonly options: FillOptions,
    private readonly host: FillHost,
  ) {
    this.feeRate = new Big(options.feeRate);
    this.priceListener = market.onDidChangePrice(({ symbol }) => {
      for (const order of host.openOrdersOf(symbol)) this.consider(order);
    });
  }

  /** Schedules a fill if the order is working and marketable and none is scheduled yet. */
  consider(order: SimOrder): void {
    if (!isWorking(order) || this.scheduled.has(order.orderId)) return;
    if (!this.marketable(order, this.token(order))) return;
    const timer = this.clock.setTimeout(() => {
      this.scheduled.delete(order.orderId);
      if (isWorking(order) && this.marketable(order, this.token(order))) this.runPlan(order);
    }, this.options.fillDelayMs);
    this.scheduled.set(order.orderId, timer);
  }

  /** Drops a scheduled fill (the order ended). */
  forget(order: SimOrder): void {
    this.scheduled.get(order.orderId)?.dispose();
    this.scheduled.delete(order.orderId);
  }

  /**
   * Fills now regardless of price (a counterparty crossed the book): the rest of the order,
   * or `quantity`, or several quantities reported as one event sharing `E` and `t` (captured).
   */
  fillNow(order: SimOrder, quantity?: string | string[]): void {
    if (!isWorking(order)) {
      throw new SimBusinessError(
        SimErrorCode.orderNotCancelable,
        `Order ${order.orderId} is ${order.status} and cannot fill.`,
      );
    }
    const remaining = order.origQty.minus(order.executedQty);
    const step = new Big(this.token(order).listing.rules.stepSize);
    const parts =
      quantity === undefined
        ? [remaining]
        : (Array.isArray(quantity) ? quantity : [quantity]).map((q) => {
            const parsed = parseDecimal(q);
            return parsed ? floorToStep(parsed, step) : new Big(0);
          });
    const total = parts.reduce((s, p) => s.plus(p), new Big(0));
    if (parts.length === 0 || parts.some((p) => p.lte(0)) || total.gt(remaining)) {
      throw new SimBusinessError(
        SimErrorCode.illegalParameter,
        `Fill quantities must be positive and add up to at most ${remaining.toFixed()}.`,
      );
    }
    this.forget(order);
    this.execute(order, parts);
    this.consider(order);
  }

  dispose(): void {
    for (const timer of this.scheduled.values()) timer.dispose();
    this.scheduled.clear();
    this.priceListener.dispose();
    this.onDidFillEmitter.dispose();
  }

  private runPlan(order: SimOrder): void {
    const step = new Big(this.token(order).listing.rules.stepSize);
    const remaining = order.origQty.minus(order.executedQty);
    const canSplit = remaining.gte(step.times(2));
    if (canSplit && this.random.chance(this.options.partialFillProbability)) {
      this.execute(order, [this.portion(remaining, step)]);
      this.consider(order);
      return;
    }
    if (canSplit && this.random.chance(this.options.splitFillProbability)) {
      const first = this.portion(remaining, step);
      this.execute(order, [first, remaining.minus(first)]);
      return;
    }
    this.execute(order, [remaining]);
  }

  private portion(remaining: Big, step: Big): Big {
    let part = floorToStep(remaining.times(0.2 + 0.6 * this.random.next()), step);
    if (part.lt(step)) part = step;
    if (part.gt(remaining.minus(step))) part = remaining.minus(step);
    return part;
  }

  /** One fill event: each part is a frame; all share `E`, `T` and `t` (captured). */
  private execute(order: SimOrder, parts: Big[]): void {
    const token = this.token(order);
    const times = this.ids.times(this.clock.now());
    const tradeId = this.ids.nextTradeId();
    const price =
      order.side === 'BUY'
        ? order.price.lt(token.price)
          ? order.price
          : token.price
        : order.price.gt(token.price)
          ? order.price
          : token.price;
    const balances = this.host.balancesOf(order);
    for (const qty of parts) {
      // Captured: 869.56 × 0.22690469 = 197.307242236… was reported as 197.30724223 (down);
      // commissions round half up (0.0151905876… → 0.01519059).
      const quote = qty.times(price).round(8, Big.roundDown);
      const buy = order.side === 'BUY';
      const commission = (buy ? qty : quote).times(this.feeRate).round(8, Big.roundHalfUp);
      order.executedQty = order.executedQty.plus(qty);
      order.cumQuote = order.cumQuote.plus(quote);
      order.updatedMs = times.transactionTimeMs;
      order.status = order.executedQty.gte(order.origQty) ? 'FILLED' : 'PARTIALLY_FILLED';
      if (buy) {
        balances.spendLocked(order.quoteAsset, quote);
        order.locked = order.locked.minus(quote);
        balances.credit(order.baseAsset, qty.minus(commission));
      } else {
        balances.spendLocked(order.baseAsset, qty);
        order.locked = order.locked.minus(qty);
        balances.credit(order.quoteAsset, quote.minus(commission));
      }
      const fill: SimFill = {
        tradeId,
        pageId: this.ids.nextPageId(),
        qty,
        price,
        quote,
        commission,
        commissionAsset: buy ? order.baseAsset : order.quoteAsset,
        timeMs: times.transactionTimeMs,
        lastTrade: order.status === 'FILLED',
      };
      order.fills.push(fill);
      this.host.emit(order, 'TRADE', times, fill);
      this.onDidFillEmitter.fire({ order, fill });
    }
    if (order.status === 'FILLED') this.host.onCompleted(order, times);
  }

  private marketable(order: SimOrder, token: MarketToken): boolean {
    return order.side === 'BUY' ? order.price.gte(token.price) : order.price.lte(token.price);
  }

  private token(order: SimOrder): MarketToken {
    const token = this.market.bySymbol(order.symbol);
    if (!token) throw new Error(`No market for ${order.symbol}`);
    return token;
  }
}
