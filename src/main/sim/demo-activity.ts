import type { Clock } from '../core/ports/clock.ts';
import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import type { AccountState } from './accounts.ts';
import { Big, floorToStep } from './decimal.ts';
import { SimBusinessError } from './errors.ts';
import type { Market, MarketToken } from './market.ts';
import type { MatchingEngine } from './matching-engine.ts';
import { isFinal } from './order-model.ts';
import { parseLimitRequest, parseOtoRequest } from './order-validation.ts';
import type { Random } from './random.ts';

export const DEFAULT_DEMO_ORDERS_PER_MINUTE = 6;
/** Above this many open orders the generator cancels the oldest instead of placing more. */
const MAX_OPEN_ORDERS = 12;

/**
 * Places orders for the demo account so a monitor always has something to show. The mix:
 * most orders are OTOs that fill fully (the volume strategy's trade); some OTOs and LIMIT
 * BUYs rest below the market and are cancelled later or fill when the walk reaches them;
 * some LIMIT SELLs sell what was bought. Partial fills come from the fill engine.
 */
export class DemoActivity implements Disposable {
  private timer: Disposable | undefined;
  /** Scheduled cancels; each removes itself when it runs, so long runs do not accumulate. */
  private readonly pendingCancels = new Set<Disposable>();

  constructor(
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly market: Market,
    private readonly engine: MatchingEngine,
    private readonly account: AccountState,
  ) {}

  get running(): boolean {
    return this.timer !== undefined;
  }

  start(ordersPerMinute = DEFAULT_DEMO_ORDERS_PER_MINUTE): void {
    if (!(ordersPerMinute > 0))
      throw new RangeError(`ordersPerMinute must be > 0, got ${ordersPerMinute}`);
    this.stop();
    this.timer = this.clock.setInterval(() => this.step(), 60_000 / ordersPerMinute);
  }

  stop(): void {
    this.timer?.dispose();
    this.timer = undefined;
  }

  dispose(): void {
    this.stop();
    for (const timer of this.pendingCancels) timer.dispose();
    this.pendingCancels.clear();
  }

  /** One action; public so tests can drive the generator without waiting. */
  step(): void {
    try {
      const open = this.engine
        .openOrdersOf(this.account.userId)
        .filter((o) => o.status !== 'PENDING');
      if (open.length >= MAX_OPEN_ORDERS) {
        this.engine.cancel(this.account.userId, open[open.length - 1]!.orderId);
        return;
      }
      const token = this.random.pick(this.market.all());
      const roll = this.random.next();
      if (roll < 0.55) this.placeOto(token, 1.005, false);
      else if (roll < 0.65) this.placeOto(token, 0.97, true);
      else if (roll < 0.85) this.placeRestingBuy(token);
      else this.placeSell(token);
    } catch (error) {
      // Rejections (e.g. the demo wallet ran low) are part of the show, not a failure.
      if (!(error instanceof SimBusinessError)) throw error;
    }
  }

  private price(token: MarketToken, factor: number): string {
    return floorToStep(token.price.times(factor), new Big(token.listing.rules.tickSize)).toFixed();
  }

  private quantityFor(token: MarketToken, amountUsdt: number, price: string): string {
    return floorToStep(
      new Big(amountUsdt).div(price),
      new Big(token.listing.rules.stepSize),
    ).toFixed();
  }

  private placeOto(token: MarketToken, buyFactor: number, cancelLater: boolean): void {
    const workingPrice = this.price(token, buyFactor);
    const amount = this.random.int(10, 200);
    const { working } = this.engine.placeOto(
      this.account,
      parseOtoRequest(this.market, {
        baseAsset: token.listing.alphaId,
        quoteAsset: token.listing.quoteAsset,
        workingSide: 'BUY',
        workingPrice,
        workingQuantity: this.quantityFor(token, amount, workingPrice),
        // Well below the market, as the strategy does: the pending SELL acts as a market sell.
        pendingPrice: this.price(token, 0.99),
        pendingType: 'LIMIT',
      }),
    );
    if (cancelLater) this.cancelLater(working.orderId, this.random.int(20_000, 90_000));
  }

  private placeRestingBuy(token: MarketToken): void {
    const price = this.price(token, 0.98 + this.random.next() * 0.015);
    const order = this.engine.placeLimit(
      this.account,
      parseLimitRequest(this.market, {
        baseAsset: token.listing.alphaId,
        quoteAsset: token.listing.quoteAsset,
        side: 'BUY',
        price,
        quantity: this.quantityFor(token, this.random.int(10, 100), price),
        orderType: 'LIMIT',
      }),
    );
    if (this.random.chance(0.5)) this.cancelLater(order.orderId, this.random.int(30_000, 120_000));
  }

  private placeSell(token: MarketToken): void {
    const step = new Big(token.listing.rules.stepSize);
    const free = this.account.balances.free(token.listing.alphaId);
    const qty = floorToStep(free.times(0.5), step);
    const price = this.price(token, this.random.chance(0.7) ? 0.995 : 1.02);
    if (
      qty.lt(token.listing.rules.minQty) ||
      qty.times(price).lt(token.listing.rules.minNotional)
    ) {
      this.placeOto(token, 1.005, false);
      return;
    }
    this.engine.placeLimit(
      this.account,
      parseLimitRequest(this.market, {
        baseAsset: token.listing.alphaId,
        quoteAsset: token.listing.quoteAsset,
        side: 'SELL',
        price,
        quantity: qty.toFixed(),
        orderType: 'LIMIT',
      }),
    );
  }

  private cancelLater(orderId: string, delayMs: number): void {
    const timer = this.clock.setTimeout(() => {
      this.pendingCancels.delete(timer);
      const order = this.engine.order(orderId);
      if (order && !isFinal(order)) {
        try {
          this.engine.cancel(this.account.userId, orderId);
        } catch (error) {
          if (!(error instanceof SimBusinessError)) throw error;
        }
      }
    }, delayMs);
    this.pendingCancels.add(timer);
  }
}
