/**
 * Request and response shapes of the Alpha private web API (ALPHA-PROTOCOL.md §2, §5, §6).
 * Prices and quantities are decimal strings on our side. Where the wire differs (numbers for
 * prices in place calls, numeric ids in the OTO place answer), the client converts at the
 * edge and says so here.
 */

export type Side = 'BUY' | 'SELL';

/**
 * How place calls put prices and quantities on the wire. The 2026 web capture and the KOGE
 * capture send JSON numbers, the ALEO capture sends strings; the server accepted both.
 * With 'number' the decimal string is written verbatim as a JSON number literal (no float
 * round trip), so nothing is lost either way.
 */
export type DecimalWireEncoding = 'number' | 'string';

/** `POST /bapi/asset/v1/private/alpha-trade/order/place` */
export interface PlaceLimitOrderRequest {
  /** e.g. `ALPHA_22` */
  baseAsset: string;
  /** e.g. `USDT` */
  quoteAsset: string;
  side: Side;
  price: string;
  quantity: string;
  /**
   * `paymentDetails[0].amount`: for a BUY the quote amount (price × quantity, sent as a
   * string as captured); for a SELL the base quantity (sent as a number as captured).
   * Defaults to price × quantity (BUY) or quantity (SELL).
   */
  paymentAmount?: string;
}

/** `POST /bapi/asset/v1/private/alpha-trade/oto-order/place` (no pendingQuantity exists). */
export interface PlaceOtoOrderRequest {
  baseAsset: string;
  quoteAsset: string;
  workingSide: Side;
  workingPrice: string;
  workingQuantity: string;
  /** `paymentDetails[0].amount` (quote, a string on the wire); defaults to price × quantity. */
  paymentAmount?: string;
  pendingPrice: string;
  /** Sent by the 2026 web client (`"LIMIT"`), absent in 2025 captures. Default `LIMIT`. */
  pendingType?: 'LIMIT' | null;
}

/**
 * The OTO place answer. On the wire the ids are JSON numbers (`{"workingOrderId":176849327}`);
 * the client turns them into strings so they compare equal to the stream's `i`.
 */
export interface OtoOrderIds {
  workingOrderId: string;
  pendingOrderId: string;
}

/** `POST /bapi/defi/v1/private/alpha-trade/order/cancel` (note: defi, not asset). */
export interface CancelOrderRequest {
  orderId: string;
  /** e.g. `ALPHA_971USDT` */
  symbol: string;
}

/**
 * A row of `get-order-history-merge` (and, inferred, of `get-open-order`). All ids are
 * strings on the wire. Some captured rows leave fields out, hence the optional ones.
 */
export interface OrderHistoryRow {
  kind?: string;
  orderId: string;
  symbol: string;
  status: string;
  price: string;
  avgPrice: string;
  origQty: string;
  executedQty: string;
  cumQuote: string;
  type: string;
  side: Side;
  stopPrice?: string;
  /** Creation time, ms. */
  time?: number;
  /** Last update time, ms. */
  updateTime?: number;
  /** `"-1"` for a plain order; shared by the two legs of an OTO. */
  orderListId?: string;
  baseAsset: string;
  quoteAsset: string;
  alphaId?: string;
  contingencyType?: string | null;
  contingencyOrderPosition?: string | null;
  workingTime?: number;
  targetStrategy?: string | null;
}

/** `get-order-history-merge` query. Times are ms; statuses default to every final status. */
export interface OrderHistoryQuery {
  page?: number;
  rows?: number;
  statuses?: readonly string[];
  startTimeMs?: number;
  endTimeMs?: number;
  /** Default `LIMIT`, as the web client sends. */
  kind?: string;
  baseAsset?: string;
}

export interface OrderHistoryPage {
  rows: OrderHistoryRow[];
  /** Total rows over all pages, when the server says (AN saw a `total`). */
  total: number | null;
}

/** A row of `get-user-trades`. Several fills may share `tradeId`; `pageId` differs. */
export interface UserTrade {
  symbol: string;
  id: string;
  orderId: string;
  tradeId: string;
  side: Side;
  price: string;
  qty: string;
  quoteQty: string;
  commission: string;
  commissionAsset: string;
  time: number;
  pageId: string;
  buyer: boolean;
  baseAsset: string;
  quoteAsset: string;
  orderType: string;
  lastTrade: boolean;
}

/** An item of `aggTicker24?dataType=aggregate` (the fields we use; others pass through). */
export interface AggTicker24Item {
  tokenId: string;
  chainId: string;
  chainName: string;
  contractAddress: string;
  name: string;
  /** Short symbol, e.g. `KOGE`. */
  symbol: string;
  /** Price as a decimal string (~20 dp). */
  price: string;
  /** e.g. `ALPHA_22`. */
  alphaId: string;
  /** Volume multiplier; changes over time, do not cache long. */
  mulPoint: number;
  offline?: boolean;
  offsell?: boolean;
  tradeDecimal?: number;
  [key: string]: unknown;
}

export interface ExchangeFilter {
  filterType: string;
  minPrice?: string | null;
  maxPrice?: string | null;
  tickSize?: string | null;
  stepSize?: string | null;
  maxQty?: string | null;
  minQty?: string | null;
  limit?: number | null;
  minNotional?: string | null;
  maxNotional?: string | null;
  [key: string]: unknown;
}

export interface ExchangeSymbol {
  symbol: string;
  status: string;
  baseAsset: string;
  quoteAsset: string;
  pricePrecision: number;
  quantityPrecision: number;
  baseAssetPrecision?: number;
  quotePrecision?: number;
  orderTypes?: string[];
  filters: ExchangeFilter[];
}

export interface ExchangeInfo {
  symbols: ExchangeSymbol[];
  [key: string]: unknown;
}

/**
 * `today/user-volume`. The wire has JSON floats; we keep them as the decimal text the server
 * wrote (the client reads the raw number text, so `604467.9396990947` stays exact).
 */
export interface UserVolume {
  totalVolume: string;
  tradeVolumeInfoList: Array<{ tokenName: string; volume: string; icon?: string }>;
}

/** A token in the Alpha cloud wallet. */
export interface AlphaWalletEntry {
  chainId: string;
  contractAddress: string;
  name?: string;
  symbol: string;
  /** e.g. `ALPHA_118` */
  tokenId: string;
  free: string;
  freeze: string;
  locked: string;
  withdrawing?: string;
  amount: string;
  valuation: string;
  cexAsset?: boolean;
}

export interface AlphaWallet {
  totalValuation: string;
  list: AlphaWalletEntry[];
}

/** Every final status, as the web client's history filter sends them. */
export const ALL_HISTORY_STATUSES = [
  'FILLED',
  'PARTIALLY_FILLED',
  'EXPIRED',
  'CANCELED',
  'REJECTED',
] as const;
