import type { Logger } from '../ports/logger.ts';
import type { SessionCredentials } from '../credentials/session-credentials.ts';
import type {
  AggTicker24Item,
  AlphaWallet,
  CancelOrderRequest,
  DecimalWireEncoding,
  ExchangeInfo,
  OrderHistoryPage,
  OrderHistoryQuery,
  OrderHistoryRow,
  OtoOrderIds,
  PlaceLimitOrderRequest,
  PlaceOtoOrderRequest,
  Side,
  UserTrade,
  UserVolume,
} from './alpha-types.ts';
import { getListenKey } from './endpoints/listen-key.ts';
import { getAggTicker24, getExchangeInfo } from './endpoints/market-info.ts';
import { cancelOrder, placeOrder, placeOtoOrder } from './endpoints/order-placement.ts';
import { getOpenOrders, getOrderHistory, getUserTrades } from './endpoints/order-queries.ts';
import { getUserScore, getUserVolume } from './endpoints/points-volume.ts';
import { getAlphaWallet, getWalletAssets } from './endpoints/wallets.ts';
import type { HttpClient } from './http-client.ts';
import type { UserScore, WalletAssetRow } from './points-types.ts';
import { RestTransport, type CallOptions } from './transport/rest-transport.ts';

export type { CallOptions } from './transport/rest-transport.ts';

export interface AlphaRestClientOptions {
  /** e.g. `https://www.binance.com` or the simulator's `restUrl`. */
  baseUrl: string;
  /** The account's replayed session; null for public calls only. */
  credentials: SessionCredentials | null;
  /** Per-request timeout. Default 10 s. */
  timeoutMs?: number;
  logger?: Logger;
  /** Default: Node's fetch. */
  http?: HttpClient;
  /** How place calls encode decimals; default 'number' like the 2026 web client. */
  decimalEncoding?: DecimalWireEncoding;
}

/**
 * The Alpha private web API, one method per endpoint. The transport (`transport/`) sends and
 * unwraps; each endpoint group (`endpoints/`) builds its request and validates its reply with a
 * schema. Every failure is an AlphaApiError with a stable code; nothing secret (cookies,
 * csrftoken, listen key) is logged or put in a message.
 */
export class AlphaRestClient {
  private readonly transport: RestTransport;
  private readonly decimalEncoding: DecimalWireEncoding;

  constructor(options: AlphaRestClientOptions) {
    this.transport = new RestTransport(options);
    this.decimalEncoding = options.decimalEncoding ?? 'number';
  }

  /** `POST get-listen-key` (a plain string, or `{listenKey}` as older clients read it). */
  getListenKey(options?: CallOptions): Promise<string> {
    return getListenKey(this.transport, options);
  }

  /** Places a LIMIT order; returns the exchange order id (a string, as the stream's `i`). */
  placeOrder(request: PlaceLimitOrderRequest, options?: CallOptions): Promise<string> {
    return placeOrder(this.transport, this.decimalEncoding, request, options);
  }

  /** Places an OTO pair (working + pending leg); returns both order ids as strings. */
  placeOtoOrder(request: PlaceOtoOrderRequest, options?: CallOptions): Promise<OtoOrderIds> {
    return placeOtoOrder(this.transport, this.decimalEncoding, request, options);
  }

  /** Cancels an order (cancelling an OTO working leg also ends its pending leg). */
  cancelOrder(request: CancelOrderRequest, options?: CallOptions): Promise<void> {
    return cancelOrder(this.transport, request, options);
  }

  /** Orders still live. `side` empty means both, as the web client sends `side=`. */
  getOpenOrders(query: { side?: Side } = {}, options?: CallOptions): Promise<OrderHistoryRow[]> {
    return getOpenOrders(this.transport, query, options);
  }

  /** One page of order history (default page 1, 50 rows, every final status). */
  getOrderHistory(query: OrderHistoryQuery = {}, options?: CallOptions): Promise<OrderHistoryPage> {
    return getOrderHistory(this.transport, query, options);
  }

  /**
   * Every history row in a time window, page by page, stopping on a short page (or when the
   * total is reached). `maxPages` bounds a runaway server. Pages go through
   * `this.getOrderHistory`, so a wrapper that paces it (`withRestBudget`) paces every page.
   */
  async getAllOrderHistory(
    query: Omit<OrderHistoryQuery, 'page'> & { maxPages?: number },
    options?: CallOptions,
  ): Promise<OrderHistoryRow[]> {
    const rowsPerPage = query.rows ?? 50;
    const out: OrderHistoryRow[] = [];
    for (let page = 1; page <= (query.maxPages ?? 20); page++) {
      const result = await this.getOrderHistory({ ...query, page, rows: rowsPerPage }, options);
      out.push(...result.rows);
      if (result.rows.length < rowsPerPage) break;
      if (result.total !== null && out.length >= result.total) break;
    }
    return out;
  }

  /** Fills of an order (several may share a tradeId; pageId differs). */
  getUserTrades(
    query: { orderId?: string; symbol?: string },
    options?: CallOptions,
  ): Promise<UserTrade[]> {
    return getUserTrades(this.transport, query, options);
  }

  /** Public token list with prices and mulPoint. */
  getAggTicker24(options?: CallOptions): Promise<AggTicker24Item[]> {
    return getAggTicker24(this.transport, options);
  }

  /** Public symbols with their filters (tick size, lot step, min notional). */
  getExchangeInfo(options?: CallOptions): Promise<ExchangeInfo> {
    return getExchangeInfo(this.transport, options);
  }

  /** Today's Alpha volume; the float fields are kept as the server's exact decimal text. */
  getUserVolume(options?: CallOptions): Promise<UserVolume> {
    return getUserVolume(this.transport, options);
  }

  /** Alpha cloud-wallet balances (`includeCex=1` as the web client asks). */
  getAlphaWallet(
    query: { includeCex?: boolean } = {},
    options?: CallOptions,
  ): Promise<AlphaWallet> {
    return getAlphaWallet(this.transport, query, options);
  }

  /** The 15-day points window (`user-score`), numbers kept as the exchange's strings. */
  getUserScore(options?: CallOptions): Promise<UserScore> {
    return getUserScore(this.transport, options);
  }

  /** Wallet buckets per asset (`get-wallet-asset`, the body the web client sends). */
  getWalletAssets(options?: CallOptions): Promise<WalletAssetRow[]> {
    return getWalletAssets(this.transport, options);
  }
}
