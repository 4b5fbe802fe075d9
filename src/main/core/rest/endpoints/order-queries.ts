import { z } from 'zod';
import { ALPHA_PATHS } from '../alpha-paths.ts';
import type {
  OrderHistoryPage,
  OrderHistoryQuery,
  OrderHistoryRow,
  Side,
  UserTrade,
} from '../alpha-types.ts';
import { ALL_HISTORY_STATUSES } from '../alpha-types.ts';
import type { DecimalString } from '../../../../shared/domain/decimal-string.ts';
import { decimalText, idText, listOf, side } from '../schemas/reply-schema.ts';
import type { CallOptions, RestTransport } from '../transport/rest-transport.ts';

/** A field some captured rows leave out and others send as `null`: absent on our side. */
function optional<S extends z.ZodType>(schema: S) {
  return schema.nullish().transform((v) => v ?? undefined);
}

/**
 * A running figure an order row may leave out. Inferred: `get-open-order` was only ever captured
 * empty (ALPHA-PROTOCOL.md: "rows probably look like history rows"), so an open row might send
 * `avgPrice` / `cumQuote` as absent, `null` or `""` before anything filled; each of those reads
 * as `"0"`, which is what the order has done so far. A present value must still be a decimal.
 */
const runningDecimal = z
  .union([decimalText, z.literal('')])
  .nullish()
  .transform((v): DecimalString => (v === '' || v == null ? ('0' as DecimalString) : v));

/**
 * A `get-order-history-merge` / `get-open-order` row (captured). Ids are strings on the wire
 * already; a server sending numbers is tolerated. Fields we do not know pass through.
 */
export const orderHistoryRow = z.looseObject({
  kind: optional(z.string()),
  orderId: idText,
  symbol: z.string(),
  status: z.string(),
  price: decimalText,
  avgPrice: runningDecimal,
  origQty: decimalText,
  executedQty: decimalText,
  cumQuote: runningDecimal,
  type: z.string(),
  side,
  stopPrice: optional(decimalText),
  time: optional(z.number()),
  updateTime: optional(z.number()),
  orderListId: optional(idText),
  baseAsset: z.string(),
  quoteAsset: z.string(),
  alphaId: optional(z.string()),
  contingencyType: z.string().nullish(),
  contingencyOrderPosition: z.string().nullish(),
  workingTime: optional(z.number()),
  targetStrategy: z.string().nullish(),
}) satisfies z.ZodType<OrderHistoryRow>;

export const orderRowsReply = listOf(orderHistoryRow);

/** A `get-user-trades` row (captured): several fills may share `tradeId`; `pageId` differs. */
export const userTradeRow = z.looseObject({
  symbol: z.string(),
  id: idText,
  orderId: idText,
  tradeId: idText,
  side,
  price: decimalText,
  qty: decimalText,
  quoteQty: decimalText,
  commission: decimalText,
  commissionAsset: z.string(),
  time: z.number(),
  pageId: idText,
  buyer: z.boolean(),
  baseAsset: z.string(),
  quoteAsset: z.string(),
  orderType: z.string(),
  lastTrade: z.boolean(),
}) satisfies z.ZodType<UserTrade>;

export const userTradesReply = listOf(userTradeRow);

/** Orders still live. `side` empty means both, as the web client sends `side=`. */
export async function getOpenOrders(
  transport: RestTransport,
  query: { side?: Side },
  options?: CallOptions,
): Promise<OrderHistoryRow[]> {
  return transport.data({
    method: 'GET',
    path: ALPHA_PATHS.openOrders,
    schema: orderRowsReply,
    query: { side: query.side ?? '' },
    ...options,
  });
}

/** One page of order history (default page 1, 50 rows, every final status). */
export async function getOrderHistory(
  transport: RestTransport,
  query: OrderHistoryQuery,
  options?: CallOptions,
): Promise<OrderHistoryPage> {
  const params: Record<string, string> = {
    page: String(query.page ?? 1),
    rows: String(query.rows ?? 50),
    orderStatus: (query.statuses ?? ALL_HISTORY_STATUSES).join(','),
  };
  if (query.startTimeMs !== undefined) params.startTime = String(Math.floor(query.startTimeMs));
  if (query.endTimeMs !== undefined) params.endTime = String(Math.ceil(query.endTimeMs));
  params.kind = query.kind ?? 'LIMIT';
  if (query.baseAsset) params.baseAsset = query.baseAsset;
  const { data, total } = await transport.request({
    method: 'GET',
    path: ALPHA_PATHS.orderHistory,
    schema: orderRowsReply,
    query: params,
    ...options,
  });
  return { rows: data, total: total ?? null };
}

/** Fills of an order (several may share a tradeId; pageId differs). */
export async function getUserTrades(
  transport: RestTransport,
  query: { orderId?: string; symbol?: string },
  options?: CallOptions,
): Promise<UserTrade[]> {
  return transport.data({
    method: 'GET',
    path: ALPHA_PATHS.userTrades,
    schema: userTradesReply,
    query: { orderId: query.orderId ?? '', symbol: query.symbol ?? '' },
    ...options,
  });
}
