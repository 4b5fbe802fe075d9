import { CodedError } from '../errors/coded-error.ts';
/**
 * What every request returns across the IPC boundary. Errors are data, not exceptions, so
 * that both transports (Electron IPC and the browser host's WebSocket) carry them the same
 * way and the renderer can show `message` and branch on `code`.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** A failure the renderer can show. `message` is plain language and never holds a secret. */
export interface IpcError {
  /**
   * Stable code. Contract-level codes are listed in {@link IPC_ERROR_CODES}; service
   * codes pass through unchanged (e.g. `SESSION_EXPIRED`, `VERIFICATION_REQUIRED`,
   * `CURL_PARSE_ERROR`, `ACCOUNT_NOT_FOUND`, `DISK_FULL`).
   */
  code: string;
  message: string;
}

/** Codes raised by the contract machinery itself rather than by a service. */
export const IPC_ERROR_CODES = {
  /** The payload did not match the channel's schema. */
  invalidRequest: 'INVALID_REQUEST',
  /** No such channel (an old renderer against a newer main, or a typo over the wire). */
  unknownChannel: 'UNKNOWN_CHANNEL',
  /** The request came from a sender we do not trust (other window, origin or token). */
  forbidden: 'FORBIDDEN',
  /** The transport closed before the answer arrived. */
  disconnected: 'DISCONNECTED',
  /** A service threw something without a code; the message is generic on purpose. */
  internal: 'INTERNAL',
} as const;

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function err(code: string, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

/**
 * An error a service throws to reach the renderer with a stable code. Any error with a
 * string `code` and a `message` is treated the same way (e.g. the engine's AlphaApiError).
 */
export class IpcServiceError extends CodedError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = 'IpcServiceError';
  }
}
