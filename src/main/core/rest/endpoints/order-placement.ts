import Big from 'big.js';
import { z } from 'zod';
import { ALPHA_PATHS } from '../alpha-paths.ts';
import type {
  CancelOrderRequest,
  DecimalWireEncoding,
  OtoOrderIds,
  PlaceLimitOrderRequest,
  PlaceOtoOrderRequest,
} from '../alpha-types.ts';
import { idText } from '../schemas/reply-schema.ts';
import type { CallOptions, RestTransport } from '../transport/rest-transport.ts';
import { JsonNumberLiteral, stringifyWithNumberLiterals } from '../wire-json.ts';

/** `order/place` `data`: the order id (a string as captured; a number is tolerated). */
export const placeOrderReply = idText;

/** `oto-order/place` `data`: both leg ids, JSON numbers on the wire, strings on our side. */
export const placeOtoOrderReply = z.looseObject({
  workingOrderId: idText,
  pendingOrderId: idText,
});

/**
 * `order/cancel` `data` is `null` as captured. It is not read: the cancel has happened once
 * the envelope says success, whatever else the reply holds.
 */
export const cancelOrderReply = z.unknown();

/** Places a LIMIT order; returns the exchange order id (a string, as the stream's `i`). */
export async function placeOrder(
  transport: RestTransport,
  encoding: DecimalWireEncoding,
  request: PlaceLimitOrderRequest,
  options?: CallOptions,
): Promise<string> {
  const amount =
    request.paymentAmount ??
    (request.side === 'BUY'
      ? roundDown8(new Big(request.price).times(request.quantity))
      : request.quantity);
  const body = {
    baseAsset: request.baseAsset,
    quoteAsset: request.quoteAsset,
    side: request.side,
    price: wireDecimal(request.price, encoding),
    quantity: wireDecimal(request.quantity, encoding),
    // Captured: a BUY pays a quote amount as a string from the card wallet; a SELL pays
    // base quantity as a number from the Alpha wallet.
    paymentDetails: [
      request.side === 'BUY'
        ? { amount, paymentWalletType: 'CARD' }
        : { amount: wireDecimal(amount, encoding), paymentWalletType: 'ALPHA' },
    ],
    orderType: 'LIMIT',
  };
  return transport.data({
    method: 'POST',
    path: ALPHA_PATHS.placeOrder,
    schema: placeOrderReply,
    body: stringifyWithNumberLiterals(body),
    ...options,
  });
}

/** Places an OTO pair (working + pending leg); returns both order ids as strings. */
export async function placeOtoOrder(
  transport: RestTransport,
  encoding: DecimalWireEncoding,
  request: PlaceOtoOrderRequest,
  options?: CallOptions,
): Promise<OtoOrderIds> {
  const amount =
    request.paymentAmount ??
    roundDown8(new Big(request.workingPrice).times(request.workingQuantity));
  const body: Record<string, unknown> = {
    baseAsset: request.baseAsset,
    quoteAsset: request.quoteAsset,
    workingSide: request.workingSide,
    workingPrice: wireDecimal(request.workingPrice, encoding),
    workingQuantity: wireDecimal(request.workingQuantity, encoding),
    paymentDetails: [{ amount, paymentWalletType: 'CARD' }],
    pendingPrice: wireDecimal(request.pendingPrice, encoding),
  };
  if (request.pendingType !== null) body.pendingType = request.pendingType ?? 'LIMIT';
  const ids = await transport.data({
    method: 'POST',
    path: ALPHA_PATHS.placeOtoOrder,
    schema: placeOtoOrderReply,
    body: stringifyWithNumberLiterals(body),
    ...options,
  });
  return { workingOrderId: ids.workingOrderId, pendingOrderId: ids.pendingOrderId };
}

/** Cancels an order (cancelling an OTO working leg also ends its pending leg). */
export async function cancelOrder(
  transport: RestTransport,
  request: CancelOrderRequest,
  options?: CallOptions,
): Promise<void> {
  await transport.data({
    method: 'POST',
    path: ALPHA_PATHS.cancelOrder,
    schema: cancelOrderReply,
    body: JSON.stringify({ orderId: request.orderId, symbol: request.symbol }),
    ...options,
  });
}

/** A decimal for a place call, as a bare JSON number literal or as a string. */
function wireDecimal(value: string, encoding: DecimalWireEncoding): JsonNumberLiteral | string {
  const text = new Big(value).toFixed(); // validates and removes exponent notation
  return encoding === 'number' ? new JsonNumberLiteral(text) : text;
}

function roundDown8(value: Big): string {
  return value.round(8, Big.roundDown).toFixed();
}
