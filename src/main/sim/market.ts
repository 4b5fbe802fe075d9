import type { Clock } from '../core/ports/clock.ts';
import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import { Emitter } from '../../shared/event/emitter.ts';
import { Big, floorToStep, parseDecimal } from './decimal.ts';
import { symbolOf, type TokenListing } from './catalog.ts';
import type { Random } from './random.ts';
import { SimBusinessError, SimErrorCode } from './errors.ts';

export interface MarketOptions {
  /** Sim-clock time between price steps. */
  tickIntervalMs: number;
  /** Largest relative move per step (0.002 = ±0.2%). */
  maxStepFraction: number;
}

/** A token of the market with its current price. */
export interface MarketToken {
  readonly listing: TokenListing;
  readonly symbol: string;
  price: Big;
}

/**
 * The market: one price per listed token, walking randomly (seeded) on the sim clock. The
 * walk stays within a band around the starting price so long accelerated runs stay sane.
 */
export class Market implements Disposable {
  private readonly tokens = new Map<string, MarketToken>();
  private readonly ticker: Disposable;
  private readonly onDidChangePriceEmitter = new Emitter<{ symbol: string; price: string }>({
    name: 'sim-market.price',
  });
  /** A price moved (walk step or setPrice). */
  readonly onDidChangePrice = this.onDidChangePriceEmitter.event;

  constructor(
    listings: readonly TokenListing[],
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly options: MarketOptions,
  ) {
    for (const listing of listings) {
      const symbol = symbolOf(listing);
      this.tokens.set(symbol, { listing, symbol, price: new Big(listing.initialPrice) });
    }
    this.ticker = clock.setInterval(() => this.step(), options.tickIntervalMs);
  }

  /** The token for `ALPHA_22USDT`, or undefined. */
  bySymbol(symbol: string): MarketToken | undefined {
    return this.tokens.get(symbol);
  }

  /** The token for base `ALPHA_22` and quote `USDT`, or undefined. */
  byAssets(baseAsset: string, quoteAsset: string): MarketToken | undefined {
    return this.tokens.get(`${baseAsset}${quoteAsset}`);
  }

  all(): MarketToken[] {
    return [...this.tokens.values()];
  }

  getPrice(symbol: string): string {
    return this.require(symbol).price.toFixed(8);
  }

  /** Sets a price (rounded down to the tick). Fires onDidChangePrice so resting orders match. */
  setPrice(symbol: string, price: string): void {
    const token = this.require(symbol);
    const parsed = parseDecimal(price);
    if (!parsed || parsed.lte(0)) {
      throw new SimBusinessError(SimErrorCode.illegalParameter, `Bad price "${price}"`);
    }
    token.price = floorToStep(parsed, new Big(token.listing.rules.tickSize));
    this.onDidChangePriceEmitter.fire({ symbol, price: token.price.toFixed(8) });
  }

  dispose(): void {
    this.ticker.dispose();
    this.onDidChangePriceEmitter.dispose();
  }

  private step(): void {
    for (const token of this.tokens.values()) {
      const move = (this.random.next() * 2 - 1) * this.options.maxStepFraction;
      const start = new Big(token.listing.initialPrice);
      let next = token.price.times(1 + move);
      // Keep the walk within 0.5x..2x of where it started.
      if (next.lt(start.div(2))) next = start.div(2);
      if (next.gt(start.times(2))) next = start.times(2);
      const tick = new Big(token.listing.rules.tickSize);
      next = floorToStep(next, tick);
      if (next.lte(0)) next = tick;
      token.price = next;
      this.onDidChangePriceEmitter.fire({ symbol: token.symbol, price: next.toFixed(8) });
    }
  }

  private require(symbol: string): MarketToken {
    const token = this.tokens.get(symbol);
    if (!token) throw new SimBusinessError(SimErrorCode.unknownSymbol, `Unknown symbol ${symbol}`);
    return token;
  }
}
