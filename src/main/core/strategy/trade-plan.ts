import Big from 'big.js';
import { StrategyError } from './strategy-error.ts';
import type { OtoOrderWireBody, PlaceOtoOrderRequest } from './strategy-ports.ts';
import {
  checkPendingPrice,
  checkWorkingOrder,
  roundDownToStep,
  roundUpToStep,
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
  /**
   * Volume (USDT) still needed to reach the target. When a full `amountUsdt` would add more,
   * the trade is sized down to just reach it; leave it out for a full-size trade.
   */
  remainingVolumeUsdt?: string;
}

/**
 * Plans one OTO trade (ALPHA-PROTOCOL.md §7): buy = price × (1 + buyOffset) and
 * sell = price × (1 − sellOffset), each rounded down to the tick; quantity = amount / buy
 * rounded down to the lot step; payment amount = quantity × buy rounded down to 8 dp.
 * The last trade toward a target (`remainingVolumeUsdt` below a full trade's volume) buys
 * only what remains: see `lastTradeQuantity`.
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
  const step = filters.stepSize ?? '0.00000001';
  const fullQuantity = buy.gt(0)
    ? roundDownToStep(new Big(input.amountUsdt).div(buy), step)
    : new Big(0);
  const quantity =
    input.remainingVolumeUsdt === undefined || buy.lte(0) || market.lte(0)
      ? fullQuantity
      : lastTradeQuantity(filters, step, fullQuantity, {
          remaining: new Big(input.remainingVolumeUsdt),
          buy,
          market,
        });
  const payment = quantity.times(buy).round(PAYMENT_DECIMALS, Big.roundDown);
  const problems = [
    ...checkWorkingOrder(filters, { price: buy, quantity, referencePrice: market }),
    ...checkPendingPrice(filters, sell),
  ];
  if (problems.length > 0) {
    throw new StrategyError({
      code: 'FILTER_VIOLATION',
      symbol: filters.symbol,
      amountUsdt: input.amountUsdt,
      price: buy.toFixed(),
      problems,
    });
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

/**
 * The quantity of a trade that only has to add `remaining` volume: amount' = remaining ×
 * (1 + buy offset), i.e. remaining / expected fill price, rounded **up** to the lot step so the
 * expected fill still reaches the target, and never below the symbol's min quantity and min
 * notional (a remainder below them trades the minimum). Never more than a full trade.
 * A BUY fills at the market price, or at its own limit when that is lower (negative offset).
 * The remainder gets one min notional of headroom: the price can dip between placing and
 * filling, and a shortfall of even a cent would cost another round trip (of at least the
 * minimum order); the headroom costs a fraction of that.
 */
function lastTradeQuantity(
  filters: SymbolFilters,
  step: string,
  fullQuantity: Big,
  at: { remaining: Big; buy: Big; market: Big },
): Big {
  const fillPrice = at.buy.lt(at.market) ? at.buy : at.market;
  const headroom = new Big(filters.minNotional ?? 0);
  let quantity = roundUpToStep(at.remaining.plus(headroom).div(fillPrice), step);
  if (filters.minQty) {
    const minQty = roundUpToStep(new Big(filters.minQty), step);
    if (quantity.lt(minQty)) quantity = minQty;
  }
  if (filters.minNotional) {
    const minNotionalQty = roundUpToStep(new Big(filters.minNotional).div(at.buy), step);
    if (quantity.lt(minNotionalQty)) quantity = minNotionalQty;
  }
  return quantity.lt(fullQuantity) ? quantity : fullQuantity;
}
