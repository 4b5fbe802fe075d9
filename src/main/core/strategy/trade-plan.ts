import Big from 'big.js';
import { StrategyError } from './strategy-error.ts';
import type { OtoOrderWireBody, PlaceOtoOrderRequest } from './strategy-ports.ts';
import {
  checkPendingPrice,
  checkWorkingOrder,
  roundDownToStep,
  type SymbolFilters,
} from './symbol-filters.ts';

/** Decimals of `paymentDetails.amount` in every captured request. */
const PAYMENT_DECIMALS = 8;

/** One OTO trade, computed and checked, ready to send. Every number is a decimal string. */
export interface TradePlan {
  symbol: string;
  /** Market price the plan is based on. */
  marketPrice: string;
  /** Working BUY limit price. */
  buyPrice: string;
  /** Pending SELL limit price. */
  sellPrice: string;
  /** Working BUY quantity (base asset). */
  quantity: string;
  /** `paymentDetails.amount`: quantity × buy price, rounded down to 8 dp. */
  paymentAmount: string;
  /** What the REST client sends (it writes the wire body below). */
  request: PlaceOtoOrderRequest;
  /** The `oto-order/place` body, as in the 2026 web capture (decimals shown as text). */
  wireBody: OtoOrderWireBody;
}

/** The inputs of one trade. Offsets are percentages as decimal strings (`"0.5"` = 0.5 %). */
export interface TradePlanInput {
  filters: SymbolFilters;
  marketPrice: string;
  amountUsdt: string;
  buyOffsetPct: string;
  sellOffsetPct: string;
}

/**
 * Plans one OTO trade (ALPHA-PROTOCOL.md §7): buy = price × (1 + buyOffset) and
 * sell = price × (1 − sellOffset), each rounded down to the tick; quantity = amount / buy
 * rounded down to the lot step; payment amount = quantity × buy rounded down to 8 dp.
 * Throws `FILTER_VIOLATION` with every broken rule rather than send a doomed order.
 */
export function planTrade(input: TradePlanInput): TradePlan {
  const { filters } = input;
  const market = new Big(input.marketPrice);
  const hundred = new Big(100);
  const buyRaw = market.times(hundred.plus(input.buyOffsetPct).div(hundred));
  const sellRaw = market.times(hundred.minus(input.sellOffsetPct).div(hundred));
  // Without a tick rule, 8 dp is what every captured price uses.
  const buy = filters.tickSize
    ? roundDownToStep(buyRaw, filters.tickSize)
    : buyRaw.round(8, Big.roundDown);
  const sell = filters.tickSize
    ? roundDownToStep(sellRaw, filters.tickSize)
    : sellRaw.round(8, Big.roundDown);
  const quantity = buy.gt(0)
    ? roundDownToStep(new Big(input.amountUsdt).div(buy), filters.stepSize ?? '0.00000001')
    : new Big(0);
  const payment = quantity.times(buy).round(PAYMENT_DECIMALS, Big.roundDown);
  const problems = [
    ...checkWorkingOrder(filters, { price: buy, quantity, referencePrice: market }),
    ...checkPendingPrice(filters, sell),
  ];
  if (problems.length > 0) {
    throw new StrategyError(
      'FILTER_VIOLATION',
      `Order not sent (${filters.symbol}, ${input.amountUsdt} USDT at ${buy.toFixed()}): ${problems.join('; ')}`,
    );
  }
  const paymentAmount = payment.toFixed(PAYMENT_DECIMALS);
  return {
    symbol: filters.symbol,
    marketPrice: market.toFixed(),
    buyPrice: buy.toFixed(),
    sellPrice: sell.toFixed(),
    quantity: quantity.toFixed(),
    paymentAmount,
    request: {
      baseAsset: filters.baseAsset,
      quoteAsset: filters.quoteAsset,
      workingSide: 'BUY',
      workingPrice: buy.toFixed(),
      workingQuantity: quantity.toFixed(),
      paymentAmount,
      pendingPrice: sell.toFixed(),
      pendingType: 'LIMIT',
    },
    wireBody: {
      baseAsset: filters.baseAsset,
      quoteAsset: filters.quoteAsset,
      workingSide: 'BUY',
      workingPrice: buy.toFixed(),
      workingQuantity: quantity.toFixed(),
      paymentDetails: [{ amount: paymentAmount, paymentWalletType: 'CARD' }],
      pendingPrice: sell.toFixed(),
      pendingType: 'LIMIT',
    },
  };
}

/** Rejects offsets and amounts that cannot make a sensible trade. */
export function assertTradeInputs(input: {
  amountUsdt: string;
  buyOffsetPct: string;
  sellOffsetPct: string;
}): void {
  const num = (v: string, name: string) => {
    try {
      return new Big(v);
    } catch {
      throw new StrategyError('INVALID_PARAMS', `${name} must be a number, got "${v}"`);
    }
  };
  if (num(input.amountUsdt, 'amount').lte(0)) {
    throw new StrategyError('INVALID_PARAMS', 'amount must be above 0 USDT');
  }
  const buy = num(input.buyOffsetPct, 'buy offset');
  const sell = num(input.sellOffsetPct, 'sell offset');
  if (buy.lte(-100) || buy.gte(100)) {
    throw new StrategyError('INVALID_PARAMS', 'buy offset must be between -100 and 100 (%)');
  }
  if (sell.lte(-100) || sell.gte(100)) {
    throw new StrategyError('INVALID_PARAMS', 'sell offset must be between -100 and 100 (%)');
  }
}
