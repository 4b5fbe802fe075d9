import { Big, isMultipleOf, parseDecimal } from './decimal.ts';
import { SimBusinessError, SimErrorCode } from './errors.ts';
import type { Market, MarketToken } from './market.ts';
import type { Side } from './order-model.ts';

/** A LIMIT order request, validated. */
export interface LimitRequest {
  token: MarketToken;
  side: Side;
  price: Big;
  quantity: Big;
}

/** An OTO request, validated. The pending leg's quantity comes from the working fill. */
export interface OtoRequest {
  token: MarketToken;
  workingSide: Side;
  workingPrice: Big;
  workingQuantity: Big;
  pendingPrice: Big;
}

const illegal = (message: string) => new SimBusinessError(SimErrorCode.illegalParameter, message);

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw illegal('Request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

function side(value: unknown, field: string): Side {
  if (value === 'BUY' || value === 'SELL') return value;
  throw illegal(`${field} must be "BUY" or "SELL".`);
}

function positive(value: unknown, field: string): Big {
  const parsed = parseDecimal(value);
  if (!parsed || parsed.lte(0)) throw illegal(`${field} must be a positive decimal.`);
  return parsed;
}

function token(market: Market, body: Record<string, unknown>): MarketToken {
  const { baseAsset, quoteAsset } = body;
  if (typeof baseAsset !== 'string' || typeof quoteAsset !== 'string') {
    throw illegal('baseAsset and quoteAsset are required strings.');
  }
  const found = market.byAssets(baseAsset, quoteAsset);
  if (!found) {
    throw new SimBusinessError(
      SimErrorCode.unknownSymbol,
      `Symbol ${baseAsset}${quoteAsset} is not supported.`,
    );
  }
  return found;
}

/** PRICE_FILTER: range and tick. */
export function checkPrice(t: MarketToken, price: Big, field: string): void {
  const r = t.listing.rules;
  if (price.lt(r.minPrice) || price.gt(r.maxPrice)) {
    throw new SimBusinessError(
      SimErrorCode.priceOutOfRange,
      `${field} ${price.toFixed()} is outside ${r.minPrice}..${r.maxPrice}.`,
    );
  }
  if (!isMultipleOf(price, new Big(r.tickSize))) {
    throw new SimBusinessError(
      SimErrorCode.tickSize,
      `${field} ${price.toFixed()} is not a multiple of the tick ${r.tickSize}.`,
    );
  }
}

/** LOT_SIZE, MIN_NOTIONAL / NOTIONAL / MAX_NOTIONAL. PERCENT_PRICE is not enforced: the captured
 * OTO pending SELL at 0.0001 (far below 0.2× market) was accepted. */
export function checkQuantity(t: MarketToken, price: Big, quantity: Big, field: string): void {
  const r = t.listing.rules;
  if (!isMultipleOf(quantity, new Big(r.stepSize))) {
    throw new SimBusinessError(
      SimErrorCode.lotSize,
      `${field} ${quantity.toFixed()} is not a multiple of the lot step ${new Big(r.stepSize).toFixed()}.`,
    );
  }
  if (quantity.lt(r.minQty) || quantity.gt(r.maxQty)) {
    throw new SimBusinessError(
      SimErrorCode.lotSize,
      `${field} ${quantity.toFixed()} is outside ${new Big(r.minQty).toFixed()}..${r.maxQty}.`,
    );
  }
  const notional = price.times(quantity);
  if (notional.lt(r.minNotional)) {
    throw new SimBusinessError(
      SimErrorCode.belowMinNotional,
      `Order value ${notional.toFixed()} ${t.listing.quoteAsset} is below the minimum ${r.minNotional}.`,
    );
  }
  if (notional.gt(r.maxNotional)) {
    throw new SimBusinessError(
      SimErrorCode.priceOutOfRange,
      `Order value ${notional.toFixed()} is above the maximum ${r.maxNotional}.`,
    );
  }
}

/**
 * Reads an order/place body: `{baseAsset, quoteAsset, side, price, quantity, paymentDetails,
 * orderType?}` with prices/quantities as JSON numbers or strings (both captured).
 * `paymentDetails` is not checked: the exchange pays from the wallet the side implies.
 */
export function parseLimitRequest(market: Market, rawBody: unknown): LimitRequest {
  const body = asObject(rawBody);
  const t = token(market, body);
  if (body.orderType !== undefined && body.orderType !== 'LIMIT') {
    throw illegal('orderType must be "LIMIT".');
  }
  const request: LimitRequest = {
    token: t,
    side: side(body.side, 'side'),
    price: positive(body.price, 'price'),
    quantity: positive(body.quantity, 'quantity'),
  };
  checkPrice(t, request.price, 'price');
  checkQuantity(t, request.price, request.quantity, 'quantity');
  return request;
}

/**
 * Reads an oto-order/place body: `{baseAsset, quoteAsset, workingSide, workingPrice,
 * workingQuantity, paymentDetails, pendingPrice, pendingType?}` (no pendingQuantity).
 */
export function parseOtoRequest(market: Market, rawBody: unknown): OtoRequest {
  const body = asObject(rawBody);
  const t = token(market, body);
  if (body.pendingType !== undefined && body.pendingType !== 'LIMIT') {
    throw illegal('pendingType must be "LIMIT".');
  }
  const request: OtoRequest = {
    token: t,
    workingSide: side(body.workingSide, 'workingSide'),
    workingPrice: positive(body.workingPrice, 'workingPrice'),
    workingQuantity: positive(body.workingQuantity, 'workingQuantity'),
    pendingPrice: positive(body.pendingPrice, 'pendingPrice'),
  };
  checkPrice(t, request.workingPrice, 'workingPrice');
  checkQuantity(t, request.workingPrice, request.workingQuantity, 'workingQuantity');
  checkPrice(t, request.pendingPrice, 'pendingPrice');
  return request;
}

/** Reads a cancel body `{orderId, symbol}`; orderId may be a string or a number. */
export function parseCancelRequest(rawBody: unknown): {
  orderId: string;
  symbol: string | undefined;
} {
  const body = asObject(rawBody);
  const { orderId, symbol } = body;
  const id = typeof orderId === 'number' && Number.isInteger(orderId) ? String(orderId) : orderId;
  if (typeof id !== 'string' || !/^\d+$/.test(id)) throw illegal('orderId is required.');
  if (symbol !== undefined && typeof symbol !== 'string') throw illegal('symbol must be a string.');
  return { orderId: id, symbol };
}
