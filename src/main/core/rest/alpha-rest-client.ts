import Big from 'big.js';
import { rememberListenKey } from '../../../shared/secrets/listen-key-registry.ts';
import {
  findUnsendableHeader,
  unsendableCharacterMessage,
} from '../credentials/header-characters.ts';
import type { SessionCredentials } from '../credentials/session-credentials.ts';
import { nullLogger, type Logger } from '../ports/logger.ts';
import { AlphaApiError } from './alpha-api-error.ts';
import { ALPHA_PATHS } from './alpha-paths.ts';
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
import { ALL_HISTORY_STATUSES } from './alpha-types.ts';
import { parseUserScore, parseWalletAssets } from './points-parse.ts';
import type { UserScore, WalletAssetRow } from './points-types.ts';
import { unwrapEnvelope, type AlphaEnvelope } from './envelope.ts';
import { fetchHttpClient, type HttpClient } from './http-client.ts';
import { buildRequestHeaders } from './request-headers.ts';
import { JsonNumberLiteral, quoteNumericFields, stringifyWithNumberLiterals } from './wire-json.ts';

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

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * The Alpha private web API, one method per endpoint. Every failure is an AlphaApiError with
 * a stable code; nothing secret (cookies, csrftoken, listen key) is logged or put in a message.
 */
export class AlphaRestClient {
  private readonly baseUrl: string;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;
  private readonly logger: Logger;
  private readonly http: HttpClient;
  private readonly decimalEncoding: DecimalWireEncoding;
  /** The header (or `cookie`) that no HTTP client can send, if any: every call fails at once. */
  private readonly unsendable: string | null;

  constructor(options: AlphaRestClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.headers = buildRequestHeaders(options.credentials);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.logger = options.logger ?? nullLogger;
    this.http = options.http ?? fetchHttpClient;
    this.decimalEncoding = options.decimalEncoding ?? 'number';
    this.unsendable = findUnsendableHeader(this.headers);
  }

  /**
   * `POST get-listen-key`. The captured answer is `data:"<key>"`; `{listenKey}` and
   * `{listenKey, validTime}` shapes are accepted too, as P's ListenKeyManager does.
   */
  async getListenKey(options?: CallOptions): Promise<string> {
    const { data } = await this.call('POST', ALPHA_PATHS.listenKey, { body: '{}', ...options });
    const key =
      typeof data === 'string'
        ? data
        : typeof data === 'object' &&
            data !== null &&
            typeof (data as { listenKey?: unknown }).listenKey === 'string'
          ? (data as { listenKey: string }).listenKey
          : null;
    if (!key || key.length < 8 || /\s/.test(key)) {
      throw new AlphaApiError('BAD_RESPONSE', 'The listen-key reply holds no usable key', {
        path: ALPHA_PATHS.listenKey,
      });
    }
    // From here on the key is masked by value in every log line, journal record and message.
    rememberListenKey(key);
    return key;
  }

  /** Places a LIMIT order; returns the exchange order id (a string, as the stream's `i`). */
  async placeOrder(request: PlaceLimitOrderRequest, options?: CallOptions): Promise<string> {
    const amount =
      request.paymentAmount ??
      (request.side === 'BUY'
        ? roundDown8(new Big(request.price).times(request.quantity))
        : request.quantity);
    const body = {
      baseAsset: request.baseAsset,
      quoteAsset: request.quoteAsset,
      side: request.side,
      price: this.decimal(request.price),
      quantity: this.decimal(request.quantity),
      // Captured: a BUY pays a quote amount as a string from the card wallet; a SELL pays
      // base quantity as a number from the Alpha wallet.
      paymentDetails: [
        request.side === 'BUY'
          ? { amount, paymentWalletType: 'CARD' }
          : { amount: this.decimal(amount), paymentWalletType: 'ALPHA' },
      ],
      orderType: 'LIMIT',
    };
    const { data } = await this.call('POST', ALPHA_PATHS.placeOrder, {
      body: stringifyWithNumberLiterals(body),
      ...options,
    });
    return this.idString(data, ALPHA_PATHS.placeOrder);
  }

  /** Places an OTO pair (working + pending leg); returns both order ids as strings. */
  async placeOtoOrder(request: PlaceOtoOrderRequest, options?: CallOptions): Promise<OtoOrderIds> {
    const amount =
      request.paymentAmount ??
      roundDown8(new Big(request.workingPrice).times(request.workingQuantity));
    const body: Record<string, unknown> = {
      baseAsset: request.baseAsset,
      quoteAsset: request.quoteAsset,
      workingSide: request.workingSide,
      workingPrice: this.decimal(request.workingPrice),
      workingQuantity: this.decimal(request.workingQuantity),
      paymentDetails: [{ amount, paymentWalletType: 'CARD' }],
      pendingPrice: this.decimal(request.pendingPrice),
    };
    if (request.pendingType !== null) body.pendingType = request.pendingType ?? 'LIMIT';
    const { data } = await this.call('POST', ALPHA_PATHS.placeOtoOrder, {
      body: stringifyWithNumberLiterals(body),
      ...options,
    });
    const d = data as { workingOrderId?: unknown; pendingOrderId?: unknown } | null;
    return {
      workingOrderId: this.idString(d?.workingOrderId, ALPHA_PATHS.placeOtoOrder),
      pendingOrderId: this.idString(d?.pendingOrderId, ALPHA_PATHS.placeOtoOrder),
    };
  }

  /** Cancels an order (cancelling an OTO working leg also ends its pending leg). */
  async cancelOrder(request: CancelOrderRequest, options?: CallOptions): Promise<void> {
    await this.call('POST', ALPHA_PATHS.cancelOrder, {
      body: JSON.stringify({ orderId: request.orderId, symbol: request.symbol }),
      ...options,
    });
  }

  /** Orders still live. `side` empty means both, as the web client sends `side=`. */
  async getOpenOrders(
    query: { side?: Side } = {},
    options?: CallOptions,
  ): Promise<OrderHistoryRow[]> {
    const { data } = await this.call('GET', ALPHA_PATHS.openOrders, {
      query: { side: query.side ?? '' },
      ...options,
    });
    return this.rows(data, ALPHA_PATHS.openOrders).map(normaliseRow);
  }

  /** One page of order history (default page 1, 50 rows, every final status). */
  async getOrderHistory(
    query: OrderHistoryQuery = {},
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
    const envelope = await this.call('GET', ALPHA_PATHS.orderHistory, {
      query: params,
      ...options,
    });
    return {
      rows: this.rows(envelope.data, ALPHA_PATHS.orderHistory).map(normaliseRow),
      total: envelope.total ?? null,
    };
  }

  /**
   * Every history row in a time window, page by page, stopping on a short page (or when the
   * total is reached). `maxPages` bounds a runaway server.
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
  async getUserTrades(
    query: { orderId?: string; symbol?: string },
    options?: CallOptions,
  ): Promise<UserTrade[]> {
    const { data } = await this.call('GET', ALPHA_PATHS.userTrades, {
      query: { orderId: query.orderId ?? '', symbol: query.symbol ?? '' },
      ...options,
    });
    return this.rows(data, ALPHA_PATHS.userTrades).map((t) => {
      const row = t as unknown as UserTrade;
      return {
        ...row,
        id: String(row.id),
        orderId: String(row.orderId),
        tradeId: String(row.tradeId),
        pageId: String(row.pageId),
      };
    });
  }

  /** Public token list with prices and mulPoint. */
  async getAggTicker24(options?: CallOptions): Promise<AggTicker24Item[]> {
    const { data } = await this.call('GET', ALPHA_PATHS.aggTicker24, {
      query: { dataType: 'aggregate' },
      ...options,
    });
    return this.rows(data, ALPHA_PATHS.aggTicker24) as unknown as AggTicker24Item[];
  }

  /** Public symbols with their filters (tick size, lot step, min notional). */
  async getExchangeInfo(options?: CallOptions): Promise<ExchangeInfo> {
    const { data } = await this.call('GET', ALPHA_PATHS.exchangeInfo, options);
    if (
      typeof data !== 'object' ||
      data === null ||
      !Array.isArray((data as ExchangeInfo).symbols)
    ) {
      throw new AlphaApiError('BAD_RESPONSE', 'exchange-info holds no symbols', {
        path: ALPHA_PATHS.exchangeInfo,
      });
    }
    return data as ExchangeInfo;
  }

  /** Today's Alpha volume; the float fields are kept as the server's exact decimal text. */
  async getUserVolume(options?: CallOptions): Promise<UserVolume> {
    const { data } = await this.call('GET', ALPHA_PATHS.userVolume, {
      ...options,
      numericFieldsAsText: ['totalVolume', 'volume'],
    });
    const d = (data ?? {}) as { totalVolume?: unknown; tradeVolumeInfoList?: unknown };
    const list = Array.isArray(d.tradeVolumeInfoList) ? d.tradeVolumeInfoList : [];
    return {
      totalVolume:
        d.totalVolume === undefined || d.totalVolume === null ? '0' : String(d.totalVolume),
      tradeVolumeInfoList: list.map(
        (item: { tokenName?: unknown; volume?: unknown; icon?: unknown }) => ({
          tokenName: String(item.tokenName ?? ''),
          volume: item.volume === undefined || item.volume === null ? '0' : String(item.volume),
          ...(typeof item.icon === 'string' ? { icon: item.icon } : {}),
        }),
      ),
    };
  }

  /** Alpha cloud-wallet balances (`includeCex=1` as the web client asks). */
  async getAlphaWallet(
    query: { includeCex?: boolean } = {},
    options?: CallOptions,
  ): Promise<AlphaWallet> {
    const { data } = await this.call('GET', ALPHA_PATHS.alphaWallet, {
      query: { includeCex: query.includeCex === false ? '0' : '1' },
      ...options,
    });
    const d = (data ?? {}) as { totalValuation?: unknown; list?: unknown };
    return {
      totalValuation:
        d.totalValuation === undefined || d.totalValuation === null
          ? '0'
          : String(d.totalValuation),
      list: Array.isArray(d.list) ? (d.list as AlphaWallet['list']) : [],
    };
  }

  /** The 15-day points window (`user-score`), numbers kept as the exchange's strings. */
  async getUserScore(options?: CallOptions): Promise<UserScore> {
    const { data } = await this.call('GET', ALPHA_PATHS.userScore, options);
    return parseUserScore(data, ALPHA_PATHS.userScore);
  }

  /** Wallet buckets per asset (`get-wallet-asset`, the body the web client sends). */
  async getWalletAssets(options?: CallOptions): Promise<WalletAssetRow[]> {
    const { data } = await this.call('POST', ALPHA_PATHS.walletAsset, {
      body: JSON.stringify({ includeWallets: ['CARD', 'MAIN', 'SAVING'], includeEq: true }),
      ...options,
    });
    return parseWalletAssets(data, ALPHA_PATHS.walletAsset);
  }

  private decimal(value: string): JsonNumberLiteral | string {
    const text = new Big(value).toFixed(); // validates and removes exponent notation
    return this.decimalEncoding === 'number' ? new JsonNumberLiteral(text) : text;
  }

  private idString(value: unknown, path: string): string {
    if (
      (typeof value === 'string' && value.length > 0) ||
      (typeof value === 'number' && Number.isSafeInteger(value))
    ) {
      return String(value);
    }
    throw new AlphaApiError('BAD_RESPONSE', `No order id in the reply from ${path}`, { path });
  }

  private rows(data: unknown, path: string): Record<string, unknown>[] {
    if (data === null) return [];
    if (!Array.isArray(data))
      throw new AlphaApiError('BAD_RESPONSE', `Expected a list from ${path}`, { path });
    return data as Record<string, unknown>[];
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    options: CallOptions & {
      body?: string;
      query?: Record<string, string>;
      numericFieldsAsText?: string[];
    } = {},
  ): Promise<AlphaEnvelope> {
    if (this.unsendable !== null) {
      throw new AlphaApiError('INVALID_CREDENTIALS', unsendableCharacterMessage(this.unsendable), {
        path,
      });
    }
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const startedMs = Date.now();
    let response;
    try {
      response = await this.http.send({
        method,
        url: url.toString(),
        headers: { ...this.headers },
        body: method === 'POST' ? (options.body ?? '{}') : undefined,
        signal,
      });
    } catch (error) {
      throw this.transportError(path, error, timeout, options.signal);
    }
    const text = quoteNumericFields(response.text, options.numericFieldsAsText ?? []);
    try {
      const envelope = unwrapEnvelope(path, response.status, (n) => response.header(n), text);
      this.logger.debug('alpha rest ok', {
        method,
        path,
        status: response.status,
        durationMs: Date.now() - startedMs,
      });
      return envelope;
    } catch (error) {
      const e = error as AlphaApiError;
      this.logger.warn('alpha rest failed', {
        method,
        path,
        code: e.code,
        status: e.httpStatus,
        apiCode: e.apiCode,
      });
      throw error;
    }
  }

  private transportError(
    path: string,
    error: unknown,
    timeout: AbortSignal,
    callerSignal?: AbortSignal,
  ): AlphaApiError {
    if (timeout.aborted && !callerSignal?.aborted) {
      return new AlphaApiError('TIMEOUT', `No answer from ${path} within ${this.timeoutMs} ms`, {
        path,
        cause: error,
      });
    }
    if (callerSignal?.aborted) {
      return new AlphaApiError('ABORTED', `Request to ${path} was cancelled`, {
        path,
        cause: error,
      });
    }
    if (isPreSendTypeError(error)) {
      // fetch refused a header before sending (its message may quote the value: never kept).
      this.logger.warn('alpha rest request not sendable', { path });
      return new AlphaApiError('INVALID_CREDENTIALS', unsendableCharacterMessage(null), { path });
    }
    const reason =
      error instanceof Error
        ? ((error.cause as Error | undefined)?.message ?? error.message)
        : String(error);
    this.logger.warn('alpha rest network error', { path, reason });
    return new AlphaApiError('NETWORK', `Cannot reach ${this.baseUrl} (${reason})`, {
      path,
      cause: error,
    });
  }
}

/**
 * fetch (undici) rejects with `TypeError('fetch failed', { cause })` when the network fails,
 * and with a bare TypeError before sending when a header cannot be sent (a character above
 * U+00FF: "Cannot convert argument to a ByteString ..."; CR/LF: "... invalid header value").
 */
function isPreSendTypeError(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    error.cause === undefined &&
    /ByteString|header/i.test(error.message)
  );
}

function roundDown8(value: Big): string {
  return value.round(8, Big.roundDown).toFixed();
}

/** History/open rows: ids are strings on the wire already; a server sending numbers is tolerated. */
function normaliseRow(raw: Record<string, unknown>): OrderHistoryRow {
  const row = raw as unknown as OrderHistoryRow;
  return {
    ...row,
    orderId: String(row.orderId),
    ...(row.orderListId !== undefined && row.orderListId !== null
      ? { orderListId: String(row.orderListId) }
      : {}),
  };
}
