import { unsendableCharacterMessage } from '../../credentials/header-characters.ts';
import type { Logger } from '../../ports/logger.ts';
import { AlphaApiError } from '../alpha-api-error.ts';

/** What went wrong with a request that got no HTTP answer. */
export interface TransportFailure {
  path: string;
  baseUrl: string;
  timeoutMs: number;
  error: unknown;
  /** The per-request timeout's signal. */
  timeout: AbortSignal;
  callerSignal?: AbortSignal;
}

/** Turns a rejected send into TIMEOUT, ABORTED, INVALID_CREDENTIALS or NETWORK. */
export function transportError(failure: TransportFailure, logger: Logger): AlphaApiError {
  const { path, baseUrl, timeoutMs, error, timeout, callerSignal } = failure;
  if (timeout.aborted && !callerSignal?.aborted) {
    return new AlphaApiError('TIMEOUT', `No answer from ${path} within ${timeoutMs} ms`, {
      path,
      timeoutMs,
      cause: error,
    });
  }
  if (callerSignal?.aborted) {
    return new AlphaApiError('ABORTED', `Request to ${path} was cancelled`, { path, cause: error });
  }
  if (isPreSendTypeError(error)) {
    // fetch refused a header before sending (its message may quote the value: never kept).
    logger.warn('alpha rest request not sendable', { path });
    return new AlphaApiError('INVALID_CREDENTIALS', unsendableCharacterMessage(null), { path });
  }
  const detail =
    error instanceof Error
      ? ((error.cause as Error | undefined)?.message ?? error.message)
      : String(error);
  logger.warn('alpha rest network error', { path, reason: detail });
  return new AlphaApiError('NETWORK', `Cannot reach ${baseUrl} (${detail})`, {
    path,
    baseUrl,
    detail,
    cause: error,
  });
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
