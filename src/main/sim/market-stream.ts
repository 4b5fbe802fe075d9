import type { Clock } from '../core/ports/clock.ts';
import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import { Big } from './decimal.ts';
import type { Market, MarketToken } from './market.ts';
import type { Random } from './random.ts';
import type { StreamServer } from './ws-server.ts';

/**
 * Public market data on /w3w/wsa/stream, in the captured shapes
 * (fixtures/ws/market-aggtrade.jsonl, capture-2026-05-21.market-frames.jsonl): per token
 * `alpha_<id>usdt@aggTrade`, `alpha_<id>usdt@fulldepth@500ms`, `came@alpha_<id>@short@kline_1s`,
 * and `came@allTokens@ticker24` for all. Frames follow the price walk; quantities are made up.
 * The monitor does not need these; they exist so a client that opens them sees real shapes.
 */
export class MarketStreamPublisher implements Disposable {
  private aggTradeId = 164916;
  private depthUpdateId = 59178703146;
  private readonly lastPrice = new Map<string, Big>();
  private readonly timer: Disposable;

  constructor(
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly market: Market,
    private readonly streams: StreamServer,
    intervalMs: number,
  ) {
    this.timer = clock.setInterval(() => this.publish(), intervalMs);
  }

  dispose(): void {
    this.timer.dispose();
  }

  /** One round of frames for every subscribed stream. */
  publish(): void {
    const now = this.clock.now();
    for (const token of this.market.all()) {
      const lower = token.listing.alphaId.toLowerCase();
      const pair = `${lower}${token.listing.quoteAsset.toLowerCase()}`;
      const price = token.price;
      const previous = this.lastPrice.get(token.symbol) ?? price;
      this.lastPrice.set(token.symbol, price);
      this.maybe(`${pair}@aggTrade`, () => this.aggTrade(token, now));
      this.maybe(`${pair}@fulldepth@500ms`, () => this.depth(token, now));
      this.maybe(`came@${lower}@short@kline_1s`, () => ({
        e: 'kline',
        ca: this.contract(token),
        k: {
          i: '1s',
          ot: Math.floor(now / 1000) * 1000 - 1000,
          ct: Math.floor(now / 1000) * 1000,
          o: previous.toFixed(),
          h: (price.gt(previous) ? price : previous).toFixed(),
          l: (price.lt(previous) ? price : previous).toFixed(),
          c: price.toFixed(),
          v: this.quantity(token, 10_000).toFixed(),
        },
      }));
    }
    this.maybe('came@allTokens@ticker24', () => ({
      e: 'tickerList',
      d: this.market.all().map((token) => ({
        ca: this.contract(token),
        p: token.price.toFixed(),
        pc24: '0.00',
        vol24: '125298349.046330522979916999983',
        mc: token.price.times(String(token.listing.ticker.circulatingSupply)).toFixed(8),
        fdv: token.price.times(String(token.listing.ticker.totalSupply)).toFixed(8),
        liq: String(token.listing.ticker.liquidity),
        hc: String(token.listing.ticker.holders),
        cnt24: 834471,
        s: String(token.listing.ticker.score),
        t: Math.floor(now / 1000) * 1000,
      })),
    }));
  }

  private maybe(stream: string, build: () => Record<string, unknown>): void {
    if (this.streams.hasSubscribers(stream)) this.streams.push(stream, build());
  }

  private aggTrade(token: MarketToken, now: number): Record<string, unknown> {
    const id = this.aggTradeId++;
    return {
      e: 'aggTrade',
      E: now,
      T: now,
      s: token.symbol,
      a: id,
      p: token.price.toFixed(),
      q: this.quantity(token, 1_000).toFixed(8),
      f: id,
      l: id,
      m: this.random.chance(0.5),
    };
  }

  private depth(token: MarketToken, now: number): Record<string, unknown> {
    const tick = new Big(token.listing.rules.tickSize);
    const pu = this.depthUpdateId;
    const U = pu + 1;
    this.depthUpdateId += this.random.int(2, 50);
    return {
      e: 'depthUpdate',
      E: now,
      T: now,
      s: token.symbol,
      U,
      u: this.depthUpdateId,
      pu,
      b: [[token.price.toFixed(), this.quantity(token, 5_000).toFixed(2)]],
      a: [[token.price.plus(tick).toFixed(), this.quantity(token, 5_000).toFixed(2)]],
    };
  }

  /** A plausible size worth about `usdt` at the current price. */
  private quantity(token: MarketToken, usdt: number): Big {
    return new Big(usdt * (0.2 + this.random.next())).div(token.price).round(2, Big.roundDown);
  }

  private contract(token: MarketToken): string {
    return `${String(token.listing.ticker.contractAddress)}@${String(token.listing.ticker.chainId)}`;
  }
}
