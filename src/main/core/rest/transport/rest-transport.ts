import type { z } from 'zod';
import {
  findUnsendableHeader,
  unsendableCharacterMessage,
} from '../../credentials/header-characters.ts';
import type { SessionCredentials } from '../../credentials/session-credentials.ts';
import { nullLogger, type Logger } from '../../ports/logger.ts';
import { AlphaApiError } from '../alpha-api-error.ts';
import { unwrapEnvelope } from '../envelope.ts';
import { fetchHttpClient, type HttpClient } from '../http-client.ts';
import { buildRequestHeaders } from '../request-headers.ts';
import { parseReply } from '../schemas/reply-schema.ts';
import { quoteNumericFields } from '../wire-json.ts';
import { transportError } from './transport-errors.ts';

export interface RestTransportOptions {
  /** e.g. `https://www.binance.com` or the simulator's `restUrl`. */
  baseUrl: string;
  /** The account's replayed session; null for public calls only. */
  credentials: SessionCredentials | null;
  /** Per-request timeout. Default 10 s. */
  timeoutMs?: number;
  logger?: Logger;
  /** Default: Node's fetch. */
  http?: HttpClient;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** One request of an endpoint: its body or query, and the schema its `data` must fit. */
export interface RestRequest<S extends z.ZodType> extends CallOptions {
  method: 'GET' | 'POST';
  path: string;
  schema: S;
  /** POST only; default `{}`. */
  body?: string;
  query?: Record<string, string>;
  /** JSON number fields read as their exact source text (see `quoteNumericFields`). */
  numericFieldsAsText?: readonly string[];
}

/** A validated reply: `data` as the schema made it, and the envelope's `total` if any. */
export interface RestReply<T> {
  data: T;
  total: number | undefined;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Sends one Alpha REST request with the session's headers and a timeout, unwraps the envelope
 * and validates `data`. Every failure is an AlphaApiError with a stable code; nothing secret
 * (cookies, csrftoken, listen key) is logged or put in a message.
 */
export class RestTransport {
  private readonly baseUrl: string;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;
  private readonly logger: Logger;
  private readonly http: HttpClient;
  /** The header (or `cookie`) that no HTTP client can send, if any: every call fails at once. */
  private readonly unsendable: string | null;

  constructor(options: RestTransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.headers = buildRequestHeaders(options.credentials);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.logger = options.logger ?? nullLogger;
    this.http = options.http ?? fetchHttpClient;
    this.unsendable = findUnsendableHeader(this.headers);
  }

  /** The validated `data` of one request (most endpoints need nothing else). */
  async data<S extends z.ZodType>(request: RestRequest<S>): Promise<z.output<S>> {
    return (await this.request(request)).data;
  }

  async request<S extends z.ZodType>(request: RestRequest<S>): Promise<RestReply<z.output<S>>> {
    const { method, path } = request;
    if (this.unsendable !== null) {
      throw new AlphaApiError('INVALID_CREDENTIALS', unsendableCharacterMessage(this.unsendable), {
        path,
        header: this.unsendable,
      });
    }
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(request.query ?? {})) url.searchParams.set(k, v);
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const startedMs = Date.now();
    let response;
    try {
      response = await this.http.send({
        method,
        url: url.toString(),
        headers: { ...this.headers },
        body: method === 'POST' ? (request.body ?? '{}') : undefined,
        signal,
      });
    } catch (error) {
      throw transportError(
        {
          path,
          baseUrl: this.baseUrl,
          timeoutMs: this.timeoutMs,
          error,
          timeout,
          callerSignal: request.signal,
        },
        this.logger,
      );
    }
    const text = quoteNumericFields(response.text, request.numericFieldsAsText ?? []);
    try {
      const envelope = unwrapEnvelope(path, response.status, (n) => response.header(n), text);
      const data = parseReply(request.schema, envelope.data, path);
      this.logger.debug('alpha rest ok', {
        method,
        path,
        status: response.status,
        durationMs: Date.now() - startedMs,
      });
      return { data, total: envelope.total };
    } catch (error) {
      const e = error as AlphaApiError;
      this.logger.warn('alpha rest failed', {
        method,
        path,
        code: e.code,
        status: e.httpStatus ?? response.status,
        apiCode: e.apiCode,
        field: e.field,
      });
      throw error;
    }
  }
}
