import { describe, expect, it } from 'vitest';
import { sampleOrderUpdate } from '../../../../test/fakes/order-updates.ts';
import { OrderWear } from './order-wear.ts';

/** An OTO pair: a BUY of 1000 at 0.2269 (fee 0.1 token), a SELL of 999.9 at 0.2267 (fee in USDT). */
const buyFill = sampleOrderUpdate({
  orderId: 'b1',
  executionType: 'TRADE',
  status: 'FILLED',
  quantity: '1000',
  price: '0.2269',
  lastFilledQty: '1000',
  lastFilledPrice: '0.2269',
  lastQuoteQty: '226.9',
  cumulativeFilledQty: '1000',
  cumulativeQuoteQty: '226.9',
  commission: '0.1',
  commissionAsset: 'ALPHA_373',
  orderListId: '77',
  contingencyPosition: 'OTO_WORKING',
});
const sellFill = sampleOrderUpdate({
  ...buyFill,
  orderId: 's1',
  side: 'SELL',
  quantity: '999.9',
  price: '0.2267',
  lastFilledQty: '999.9',
  lastFilledPrice: '0.2267',
  lastQuoteQty: '226.67733',
  cumulativeFilledQty: '999.9',
  cumulativeQuoteQty: '226.67733',
  commission: '0.02266773',
  commissionAsset: 'USDT',
  contingencyPosition: 'OTO_PENDING',
  transactionTimeMs: buyFill.transactionTimeMs + 1000,
});

/** What the book counts of a first-seen TRADE update: its whole fill. */
const countedOf = (u: typeof buyFill) => ({
  base: u.lastFilledQty,
  quote: u.lastQuoteQty,
  fee: u.commission,
});

describe('counted volume and trade wear per order', () => {
  it('a filled OTO pair: counted volume on the BUY, the trade wear once, on the SELL leg', () => {
    const wear = new OrderWear({ ALPHA_373: 4 });
    wear.add(buyFill, countedOf(buyFill));
    wear.add(sellFill, countedOf(sellFill));
    const columns = wear.columns([buyFill, sellFill]);
    expect(columns.get('b1')).toEqual({
      mulPoint: 4,
      countedVolumeUsdt: '907.6',
      tradeWearUsdt: null,
      tradeWearBps: null,
    });
    // 226.9 − 226.67733 + 0.1 × 0.2269 + 0.02266773 − the 0.1 token kept back, at 0.2267.
    expect(columns.get('s1')).toEqual({
      mulPoint: 4,
      countedVolumeUsdt: '0',
      tradeWearUsdt: '0.24535773',
      tradeWearBps: '2.70',
    });
  });

  it('a fill a backfill already counted adds nothing', () => {
    const wear = new OrderWear({ ALPHA_373: 4 });
    wear.add(buyFill, countedOf(buyFill));
    wear.add({ ...buyFill, eventId: 9 }, null);
    expect(wear.columns([buyFill]).get('b1')!.countedVolumeUsdt).toBe('907.6');
  });

  it('a BUY whose sell never filled costs its fee; without a mulPoint, no counted volume or bps', () => {
    const wear = new OrderWear(null);
    wear.add(buyFill, countedOf(buyFill));
    const open = { ...sellFill, executionType: 'NEW' as const, status: 'NEW' as const };
    const columns = wear.columns([buyFill, open]);
    expect(columns.get('s1')).toEqual({
      mulPoint: null,
      countedVolumeUsdt: null,
      tradeWearUsdt: '0.02269',
      tradeWearBps: null,
    });
  });
});
