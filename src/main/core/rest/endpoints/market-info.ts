import { z } from 'zod';
import { ALPHA_PATHS } from '../alpha-paths.ts';
import type { AggTicker24Item, ExchangeInfo } from '../alpha-types.ts';
import { decimalText, listOf } from '../schemas/reply-schema.ts';
import type { CallOptions, RestTransport } from '../transport/rest-transport.ts';

/**
 * An `aggTicker24` item (captured; the fields we use, the others pass through). `price` is
 * only required to be text: the token resolver checks the chosen token's price with its own
 * code, and one odd token among hundreds must not make the whole list unreadable.
 */
export const aggTicker24Item = z.looseObject({
  tokenId: z.string(),
  chainId: z.union([z.string(), z.number()]).transform(String),
  chainName: z.string(),
  contractAddress: z.string(),
  name: z.string(),
  symbol: z.string(),
  price: z.string(),
  alphaId: z.string(),
  mulPoint: z.number(),
  offline: z.boolean().optional(),
  offsell: z.boolean().optional(),
  tradeDecimal: z.number().optional(),
}) satisfies z.ZodType<AggTicker24Item>;

export const aggTicker24Reply = listOf(aggTicker24Item);

/** A filter value: a decimal string, `null` for the keys a filter does not use (captured). */
const filterDecimal = decimalText.nullish();

export const exchangeFilter = z.looseObject({
  filterType: z.string(),
  minPrice: filterDecimal,
  maxPrice: filterDecimal,
  tickSize: filterDecimal,
  stepSize: filterDecimal,
  maxQty: filterDecimal,
  minQty: filterDecimal,
  limit: z.number().nullish(),
  minNotional: filterDecimal,
  maxNotional: filterDecimal,
});

export const exchangeSymbol = z.looseObject({
  symbol: z.string(),
  status: z.string(),
  baseAsset: z.string(),
  quoteAsset: z.string(),
  pricePrecision: z.number(),
  quantityPrecision: z.number(),
  baseAssetPrecision: z.number().optional(),
  quotePrecision: z.number().optional(),
  orderTypes: z.array(z.string()).optional(),
  filters: z.array(exchangeFilter),
});

export const exchangeInfoReply = z.looseObject({
  symbols: z.array(exchangeSymbol),
}) satisfies z.ZodType<ExchangeInfo>;

/** Public token list with prices and mulPoint. */
export async function getAggTicker24(
  transport: RestTransport,
  options?: CallOptions,
): Promise<AggTicker24Item[]> {
  return transport.data({
    method: 'GET',
    path: ALPHA_PATHS.aggTicker24,
    schema: aggTicker24Reply,
    query: { dataType: 'aggregate' },
    ...options,
  });
}

/** Public symbols with their filters (tick size, lot step, min notional). */
export async function getExchangeInfo(
  transport: RestTransport,
  options?: CallOptions,
): Promise<ExchangeInfo> {
  return transport.data({
    method: 'GET',
    path: ALPHA_PATHS.exchangeInfo,
    schema: exchangeInfoReply,
    ...options,
  });
}
