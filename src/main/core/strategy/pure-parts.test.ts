import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import type { AggTickerItem, ExchangeSymbolInfo, UserVolume } from './strategy-ports.ts';
import { StrategyError } from './strategy-error.ts';
import { readSymbolFilters } from './symbol-filters.ts';
import { resolveToken } from './token-resolver.ts';
import { planTrade } from './trade-plan.ts';
import { expectedTradeVolume, readTokenVolume, tradesNeeded } from './volume-accounting.ts';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/protocol/rest');
const fixture = <T>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;

const tickerItems = fixture<AggTickerItem[]>('agg-ticker24.entries.KOGE-ALEO-AOP.json');
const exchangeInfo = {
  symbols: fixture<ExchangeSymbolInfo[]>('exchange-info.symbols.ALPHA_22USDT-ALPHA_373USDT.json'),
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof StrategyError ? error.code : 'not a StrategyError';
  }
  return undefined;
}

describe('resolveToken', () => {
  it('maps KOGE on BSC to ALPHA_22 / ALPHA_22USDT with its mulPoint', () => {
    const token = resolveToken(tickerItems, { token: 'koge', chain: 'BSC' });
    expect(token).toMatchObject({
      alphaId: 'ALPHA_22',
      symbol: 'ALPHA_22USDT',
      chainId: '56',
      mulPoint: 1,
    });
    expect(resolveToken(tickerItems, { token: 'ALEO', chain: '56' }).mulPoint).toBe(4);
  });

  it('tells unknown, wrong chain, ambiguous, offline and sell-suspended tokens apart', () => {
    expect(codeOf(() => resolveToken(tickerItems, { token: 'NOPE', chain: 'BSC' }))).toBe(
      'TOKEN_NOT_FOUND',
    );
    expect(codeOf(() => resolveToken(tickerItems, { token: 'KOGE', chain: 'ETH' }))).toBe(
      'TOKEN_NOT_FOUND',
    );
    const twin = { ...tickerItems[0]!, alphaId: 'ALPHA_999', contractAddress: '0xother' };
    expect(
      codeOf(() => resolveToken([...tickerItems, twin], { token: 'KOGE', chain: 'BSC' })),
    ).toBe('TOKEN_AMBIGUOUS');
    // The same symbol on another chain is not ambiguous: the chain separates them.
    const otherChain = { ...twin, chainId: '1', chainName: 'ETH' };
    expect(
      resolveToken([...tickerItems, otherChain], { token: 'KOGE', chain: 'BSC' }).alphaId,
    ).toBe('ALPHA_22');
    const offline = { ...tickerItems[0]!, offline: true };
    expect(codeOf(() => resolveToken([offline], { token: 'KOGE', chain: 'BSC' }))).toBe(
      'TOKEN_OFFLINE',
    );
    const offsell = { ...tickerItems[0]!, offsell: true };
    expect(codeOf(() => resolveToken([offsell], { token: 'KOGE', chain: 'BSC' }))).toBe(
      'TOKEN_SELL_SUSPENDED',
    );
  });

  it('reads mulPoint fresh from whatever list it is given (it changes over time)', () => {
    const changed = fixture<Record<string, AggTickerItem>>(
      'agg-ticker24.AOP-mulPoint-changed.json',
    );
    const points = Object.values(changed).map(
      (item) => resolveToken([item], { token: 'AOP', chain: 'BSC' }).mulPoint,
    );
    expect(points.sort()).toEqual([1, 4]);
  });
});

describe('readSymbolFilters', () => {
  it('reads tick, lot step, quantity and notional bounds from the captured exchange info', () => {
    expect(readSymbolFilters(exchangeInfo, 'ALPHA_22USDT')).toMatchObject({
      tickSize: '0.00000001',
      stepSize: '0.0001',
      minQty: '0.0001',
      maxQty: '19909',
      minNotional: '0.1',
      maxNotional: '1000000',
    });
    expect(readSymbolFilters(exchangeInfo, 'ALPHA_373USDT').stepSize).toBe('0.01');
  });

  it('rejects a symbol that is missing or not trading', () => {
    expect(codeOf(() => readSymbolFilters(exchangeInfo, 'ALPHA_1USDT'))).toBe('SYMBOL_NOT_TRADING');
    const halted = { symbols: [{ ...exchangeInfo.symbols[0]!, status: 'BREAK' }] };
    expect(codeOf(() => readSymbolFilters(halted, 'ALPHA_22USDT'))).toBe('SYMBOL_NOT_TRADING');
  });

  it('reads the 2026 capture, whose filters leave unused keys out', () => {
    const symbol = fixture<ExchangeSymbolInfo>(
      'capture-2026-05-21/exchange-info.symbol.ALPHA_971USDT.trimmed-by-source.json',
    );
    expect(readSymbolFilters({ symbols: [symbol] }, 'ALPHA_971USDT')).toMatchObject({
      tickSize: '0.000000001',
      stepSize: '0.1',
      minNotional: '0.1',
      maxNotional: null,
    });
  });
});

describe('planTrade', () => {
  const koge = readSymbolFilters(exchangeInfo, 'ALPHA_22USDT');
  const aleo = readSymbolFilters(exchangeInfo, 'ALPHA_373USDT');

  it('reproduces the captured KOGE OTO request (lot step 0.0001, payment rounded down to 8 dp)', () => {
    const captured = fixture<Record<string, unknown>>('oto-place.ALPHA_22.request.json');
    const plan = planTrade({
      filters: koge,
      marketPrice: '48.01706542',
      amountUsdt: '10',
      buyOffsetPct: '0',
      sellOffsetPct: '99.99791',
    });
    expect(plan.wireBody).toMatchObject({
      baseAsset: captured.baseAsset,
      quoteAsset: captured.quoteAsset,
      workingSide: 'BUY',
      workingPrice: String(captured.workingPrice),
      workingQuantity: String(captured.workingQuantity),
      paymentDetails: captured.paymentDetails,
    });
    expect(plan.request.paymentAmount).toBe('9.99715302');
  });

  it('reproduces the captured ALEO OTO request (lot step 0.01)', () => {
    const captured = fixture<Record<string, unknown>>('oto-place.ALPHA_373.request.json');
    const plan = planTrade({
      filters: aleo,
      marketPrice: '0.22983662',
      amountUsdt: '100',
      buyOffsetPct: '0',
      sellOffsetPct: '50',
    });
    expect(plan.quantity).toBe(captured.workingQuantity);
    expect(plan.wireBody.paymentDetails).toEqual(captured.paymentDetails);
  });

  it('applies the offsets and rounds prices down to the tick', () => {
    const plan = planTrade({
      filters: koge,
      marketPrice: '48.02764722909907599956',
      amountUsdt: '10',
      buyOffsetPct: '0.5',
      sellOffsetPct: '1',
    });
    expect(plan.buyPrice).toBe('48.26778546'); // 48.0276472290990... × 1.005 = 48.267785465...
    expect(plan.sellPrice).toBe('47.54737075'); // × 0.99 = 47.547370756...
    expect(plan.quantity).toBe('0.2071'); // 10 / 48.26778546 = 0.20717...
    expect(plan.paymentAmount).toBe('9.99625836'); // 0.2071 × 48.26778546 = 9.99625836877
  });

  it('does not send an order below min notional, and says why', () => {
    let error: unknown;
    try {
      planTrade({
        filters: koge,
        marketPrice: '48',
        amountUsdt: '0.05',
        buyOffsetPct: '0',
        sellOffsetPct: '1',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StrategyError);
    expect((error as StrategyError).code).toBe('FILTER_VIOLATION');
    expect((error as StrategyError).message).toMatch(/below the minimum notional 0\.1/);
  });

  it('does not send an order whose quantity rounds to zero at the lot step', () => {
    expect(() =>
      planTrade({
        filters: aleo,
        marketPrice: '30',
        amountUsdt: '0.2',
        buyOffsetPct: '0',
        sellOffsetPct: '1',
      }),
    ).toThrow(/rounds down to 0 at lot step 0\.01/);
  });

  it('does not send an order above max quantity', () => {
    expect(() =>
      planTrade({
        filters: koge,
        marketPrice: '0.01',
        amountUsdt: '500',
        buyOffsetPct: '0',
        sellOffsetPct: '1',
      }),
    ).toThrow(/above the maximum quantity 19909/);
  });
});

describe('volume accounting', () => {
  const aleoVolume = fixture<{ data: UserVolume }>('user-volume.ALEO.json').data;

  it('reads the token row by short name, raw or divided by mulPoint', () => {
    expect(readTokenVolume(aleoVolume, 'ALEO', 'raw', 4)).toEqual({
      reported: '604467.9396990947',
      counted: '604467.9396990947',
    });
    expect(readTokenVolume(aleoVolume, 'ALEO', 'mulPoint', 4).counted).toBe('151116.984924773675');
    expect(readTokenVolume(aleoVolume, 'KOGE', 'mulPoint', 1)).toEqual({
      reported: '0',
      counted: '0',
    });
  });

  it('counts the trades needed at what a trade adds: amount / (1 + buy offset)', () => {
    // A 10 USDT BUY at 0.5 % above the price fills at the price: it adds about 9.95.
    expect(expectedTradeVolume('10', '0.5').toFixed(4)).toBe('9.9502');
    expect(tradesNeeded('20', '0', '10', '0.5')).toBe(3);
    expect(tradesNeeded('19.9', '0', '10', '0.5')).toBe(2);
    expect(tradesNeeded('20', '19.99', '10', '0.5')).toBe(1);
    expect(tradesNeeded('20', '20', '10', '0.5')).toBe(0);
    expect(tradesNeeded('20', '0', '10', '0')).toBe(2);
    // A BUY below the price fills at about its own limit: it adds the amount, not more.
    expect(expectedTradeVolume('10', '-5').toFixed()).toBe('10');
    expect(tradesNeeded('20', '0', '10', '-5')).toBe(2);
  });
});

describe('planTrade: the last trade buys only what remains', () => {
  const koge = readSymbolFilters(exchangeInfo, 'ALPHA_22USDT');
  const market = '48.02764722909907599956';
  const trade = (remainingVolumeUsdt: string | undefined, buyOffsetPct = '0.5') =>
    planTrade({
      filters: koge,
      marketPrice: market,
      amountUsdt: '10',
      buyOffsetPct,
      sellOffsetPct: '1',
      remainingVolumeUsdt,
    });
  /** What the BUY adds when it fills at the market price (or its limit, when lower). */
  const fillValue = (plan: ReturnType<typeof trade>) =>
    new Big(plan.quantity).times(new Big(plan.buyPrice).lt(market) ? plan.buyPrice : market);

  it('is a full trade while the remainder is more than a full trade adds', () => {
    expect(trade('20')).toEqual(trade(undefined));
    expect(trade('9.96')).toEqual(trade(undefined));
  });

  it('sizes the last trade to the remainder, rounded up to the lot step, prices unchanged', () => {
    const full = trade(undefined);
    const last = trade('5');
    expect(last.buyPrice).toBe(full.buyPrice);
    expect(last.sellPrice).toBe(full.sellPrice);
    // (5 + 0.1 min notional of headroom for a price dip) / 48.0276... = 0.10618... → 0.1062
    expect(last.quantity).toBe('0.1062');
    expect(fillValue(last).gte(5)).toBe(true);
    expect(new Big(last.paymentAmount).lt('5.2')).toBe(true);
    expect(last.wireBody.workingQuantity).toBe('0.1062');
  });

  it('trades the symbol minimum when the remainder is below it', () => {
    const last = trade('0.001');
    expect(new Big(last.quantity).times(last.buyPrice).gte(koge.minNotional!)).toBe(true);
    expect(new Big(last.paymentAmount).lt('0.2')).toBe(true);
    expect(fillValue(last).gte('0.001')).toBe(true);
  });

  it('sizes a BUY below the price on its own limit, where it fills', () => {
    const last = trade('5', '-5');
    expect(new Big(last.buyPrice).lt(market)).toBe(true);
    expect(fillValue(last).gte(5)).toBe(true);
    expect(new Big(last.paymentAmount).lt('5.2')).toBe(true);
  });
});
