import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import { BookedUpdates } from '../../../../test/fakes/booked-updates.ts';
import { sampleOrderUpdate } from '../../../../test/fakes/order-updates.ts';
import { createAcceleratedClock } from '../ports/clock.ts';
import { nullLogger } from '../ports/logger.ts';
import { sellLeftovers } from './leftover-sale.ts';
import { OrderTracker } from './order-tracker.ts';
import { movePct, moveStop, wearStop } from './run-stops.ts';
import type { AggTickerItem, ExchangeSymbolInfo, StrategyRestPort } from './strategy-ports.ts';
import { readSymbolFilters } from './symbol-filters.ts';
import type { TradeExecutorDeps } from './trade-executor.ts';

const FIXTURES = join(import.meta.dirname, '../../../../test/fixtures/protocol/rest');
const fixture = <T>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;

describe('the wear and price-move stops', () => {
  it('stop on a trade above the wear limit, else on the run average, never at or below it', () => {
    expect(wearStop(null, 1, '99', '99')).toBeNull();
    expect(wearStop('5', 1, '5.00', '5.00')).toBeNull();
    expect(wearStop('5', 2, '5.01', '3')).toEqual({
      outcome: 'max-wear',
      reasonCode: 'MAX_WEAR_TRADE',
      reason: { code: 'MAX_WEAR_TRADE', trade: 2, wearBps: '5.01', maxWearBps: '5' },
    });
    expect(wearStop('5', 3, '4', '6')).toMatchObject({
      reasonCode: 'MAX_WEAR_RUN',
      reason: { code: 'MAX_WEAR_RUN', wearBps: '6', maxWearBps: '5' },
    });
    // A trade that gained (negative wear) never trips it.
    expect(wearStop('0', 1, '-2', '-2')).toBeNull();
  });

  it('measure a move either way in % of the planned price', () => {
    expect(movePct('100', '103')).toBe('3.00');
    expect(movePct('100', '97.5')).toBe('2.50');
    expect(moveStop('3', 1, '100', '103')).toBeNull();
    expect(moveStop('3', 4, '100', '96.9')).toMatchObject({
      outcome: 'price-moved',
      reason: {
        code: 'PRICE_MOVED',
        trade: 4,
        movedPct: '3.10',
        before: '100',
        after: '96.9',
        maxMovePct: '3',
      },
    });
  });
});

describe('selling leftovers', () => {
  const items = fixture<AggTickerItem[]>('agg-ticker24.entries.KOGE-ALEO-AOP.json');
  const filters = readSymbolFilters(
    {
      symbols: fixture<ExchangeSymbolInfo[]>(
        'exchange-info.symbols.ALPHA_22USDT-ALPHA_373USDT.json',
      ),
    },
    'ALPHA_22USDT',
  );
  function deps(free: string, placed: string[]): TradeExecutorDeps {
    const clock = createAcceleratedClock({ speed: 1000 });
    const rest = {
      getAggTicker24: async () => items,
      getAlphaWallet: async () => ({
        totalValuation: '0',
        list: [{ tokenId: 'ALPHA_22', free } as never],
      }),
      placeOrder: async (r: { quantity: string }) => {
        placed.push(r.quantity);
        return '1';
      },
    } as unknown as StrategyRestPort;
    return {
      rest,
      tracker: new OrderTracker(new BookedUpdates().event, clock),
      clock,
      logger: nullLogger,
      emit: () => {},
      legTimeoutMs: 10,
      cancelConfirmTimeoutMs: 10,
      stopSignal: new AbortController().signal,
    };
  }
  const input = (held: string) => ({
    token: { tokenSymbol: 'KOGE', chain: 'BSC', alphaId: 'ALPHA_22' },
    filters,
    sellOffsetPct: '1',
    heldQuantity: new Big(held),
  });

  it('a leftover SELL that fills in part before its cancel reports what sold, for how much, and its fee', async () => {
    const placed: string[] = [];
    const d = deps('5', placed);
    const updates = new BookedUpdates();
    d.tracker.dispose();
    const tracker = new OrderTracker(updates.event, d.clock);
    const base = {
      orderId: '1',
      symbol: 'ALPHA_22USDT',
      baseAsset: 'ALPHA_22',
      side: 'SELL' as const,
      quantity: '2',
    };
    updates.push(sampleOrderUpdate({ ...base, eventId: 1 }));
    updates.push(
      sampleOrderUpdate({
        ...base,
        eventId: 2,
        executionType: 'TRADE',
        status: 'PARTIALLY_FILLED',
        lastFilledQty: '0.5',
        cumulativeFilledQty: '0.5',
        lastFilledPrice: '40',
        lastQuoteQty: '20',
        cumulativeQuoteQty: '20',
        commission: '0.02',
        commissionAsset: 'USDT',
        tradeId: '7',
      }),
    );
    const rest = d.rest as unknown as Record<string, unknown>;
    rest.cancelOrder = async () => {
      updates.push(
        sampleOrderUpdate({
          ...base,
          eventId: 3,
          executionType: 'CANCELED',
          status: 'CANCELED',
          cumulativeFilledQty: '0.5',
          cumulativeQuoteQty: '20',
        }),
      );
    };
    const sale = await sellLeftovers({ ...d, tracker }, input('2'));
    expect(sale).toMatchObject({
      outcome: 'unsold',
      soldQuantity: '0.5',
      quoteUsdt: '20',
      feeUsdt: '0.02',
      orderId: '1',
      code: 'SELL_TIMEOUT',
    });
  });

  it('a leftover SELL that fills while its cancel is on the way is reported sold, with its fee', async () => {
    const d = deps('5', []);
    const updates = new BookedUpdates();
    d.tracker.dispose();
    const tracker = new OrderTracker(updates.event, d.clock);
    const base = {
      orderId: '1',
      symbol: 'ALPHA_22USDT',
      baseAsset: 'ALPHA_22',
      side: 'SELL' as const,
      quantity: '2',
    };
    updates.push(sampleOrderUpdate({ ...base, eventId: 1 }));
    (d.rest as unknown as Record<string, unknown>).cancelOrder = async () => {
      updates.push(
        sampleOrderUpdate({
          ...base,
          eventId: 2,
          executionType: 'TRADE',
          status: 'FILLED',
          lastFilledQty: '2',
          cumulativeFilledQty: '2',
          lastFilledPrice: '40',
          lastQuoteQty: '80',
          cumulativeQuoteQty: '80',
          commission: '0.08',
          commissionAsset: 'USDT',
          tradeId: '8',
        }),
      );
      throw new Error('Unknown order sent.');
    };
    expect(await sellLeftovers({ ...d, tracker }, input('2'))).toMatchObject({
      outcome: 'sold',
      quantity: '2',
      soldQuantity: '2',
      quoteUsdt: '80',
      feeUsdt: '0.08',
      code: null,
    });
  });

  it('a leftover SELL whose fee is charged in another asset (BNB) states that fee in its asset, not as 0 USDT', async () => {
    const d = deps('5', []);
    const updates = new BookedUpdates();
    d.tracker.dispose();
    const tracker = new OrderTracker(updates.event, d.clock);
    const base = {
      orderId: '1',
      symbol: 'ALPHA_22USDT',
      baseAsset: 'ALPHA_22',
      side: 'SELL' as const,
      quantity: '2',
    };
    const fill = (eventId: number, last: string, cumulative: string, fee: string, asset: string) =>
      sampleOrderUpdate({
        ...base,
        eventId,
        executionType: 'TRADE',
        status: cumulative === '2' ? 'FILLED' : 'PARTIALLY_FILLED',
        lastFilledQty: last,
        cumulativeFilledQty: cumulative,
        lastFilledPrice: '40',
        lastQuoteQty: new Big(last).times(40).toFixed(),
        cumulativeQuoteQty: new Big(cumulative).times(40).toFixed(),
        commission: fee,
        commissionAsset: asset,
        tradeId: String(eventId),
      });
    (d.rest as unknown as Record<string, unknown>).placeOrder = async () => {
      updates.push(sampleOrderUpdate({ ...base, eventId: 1 }));
      updates.push(fill(2, '0.5', '0.5', '0.0001', 'BNB'));
      updates.push(fill(3, '1', '1.5', '0.04', 'USDT'));
      updates.push(fill(4, '0.5', '2', '0.00015', 'BNB'));
      return '1';
    };
    const sale = await sellLeftovers({ ...d, tracker }, input('2'));
    expect(sale).toMatchObject({
      outcome: 'sold',
      soldQuantity: '2',
      quoteUsdt: '80',
      // Only the fee that could be valued is in USDT; the BNB fee is stated as BNB.
      feeUsdt: '0.04',
      unvaluedFees: [{ asset: 'BNB', amount: '0.00025' }],
    });
  });

  it('a leftover sale whose fees were all valued lists no fee in another asset', async () => {
    const d = deps('5', []);
    const updates = new BookedUpdates();
    d.tracker.dispose();
    const tracker = new OrderTracker(updates.event, d.clock);
    const base = {
      orderId: '1',
      symbol: 'ALPHA_22USDT',
      baseAsset: 'ALPHA_22',
      side: 'SELL' as const,
    };
    (d.rest as unknown as Record<string, unknown>).placeOrder = async () => {
      updates.push(sampleOrderUpdate({ ...base, quantity: '2', eventId: 1 }));
      updates.push(
        sampleOrderUpdate({
          ...base,
          quantity: '2',
          eventId: 2,
          executionType: 'TRADE',
          status: 'FILLED',
          lastFilledQty: '2',
          cumulativeFilledQty: '2',
          lastFilledPrice: '40',
          lastQuoteQty: '80',
          cumulativeQuoteQty: '80',
          commission: '0.08',
          commissionAsset: 'USDT',
        }),
      );
      return '1';
    };
    const sale = await sellLeftovers({ ...d, tracker }, input('2'));
    expect(sale).toMatchObject({ outcome: 'sold', feeUsdt: '0.08' });
    expect(sale.unvaluedFees ?? []).toEqual([]);
  });

  it('a leftover SELL whose end is not known is never said to be back in the wallet', async () => {
    for (const [listed, code] of [
      [[{ orderId: '1' }], 'SELL_CANCEL_UNCONFIRMED'],
      [[], 'SELL_ENDED_UNSEEN'],
    ] as const) {
      const d = deps('5', []);
      const rest = d.rest as unknown as Record<string, unknown>;
      rest.cancelOrder = async () => {};
      rest.getOpenOrders = async () => listed;
      expect(await sellLeftovers(d, input('2'))).toMatchObject({
        outcome: 'unsold',
        soldQuantity: '0',
        code,
      });
    }
  });

  it('leaves dust below the minimum order, and never sells what the account held before', async () => {
    const placed: string[] = [];
    expect(await sellLeftovers(deps('5', placed), input('0.0006'))).toMatchObject({
      outcome: 'dust',
      quantity: '0.0006',
    });
    expect(await sellLeftovers(deps('5', placed), input('0'))).toMatchObject({ outcome: 'none' });
    expect(placed).toEqual([]);
  });
});
