import { CodedError, plainParamsOf, type CodedErrorParamValue } from '../errors/coded-error.ts';
/**
 * What every request returns across the IPC boundary. Errors are data, not exceptions, so
 * that both transports (Electron IPC and the browser host's WebSocket) carry them the same
 * way. The renderer says an error in its language from `code` and `params`
 * (`src/renderer/src/i18n/error-text.ts`); `message` is English, for logs and developers.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** A value an error's sentence is filled with (see CodedErrorParamValue); never a secret. */
export type IpcErrorParamValue = CodedErrorParamValue;
export type IpcErrorParams = Readonly<Record<string, IpcErrorParamValue>>;

/**
 * A failure the renderer can show: a stable `code` with its `params`, translated by code at
 * the edge, and an English `message` for logs (never shown to a user who chose another
 * language, never holding a secret).
 */
export interface IpcError {
  /**
   * Stable code. Contract-level codes are listed in {@link IPC_ERROR_CODES}; service
   * codes pass through unchanged (e.g. `SESSION_EXPIRED`, `VERIFICATION_REQUIRED`,
   * `CURL_PARSE_ERROR`, `ACCOUNT_NOT_FOUND`, `DISK_FULL`).
   */
  code: string;
  /** What the translated sentence needs (see `error-codes.ts` for each code's params). */
  params: IpcErrorParams;
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
  /** The browser host got a request before the app finished starting. */
  starting: 'STARTING',
} as const;

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function err(code: string, message: string, params: IpcErrorParams = {}): IpcResult<never> {
  return { ok: false, error: { code, params, message } };
}

/** An error's params as they cross (see plainParamsOf). */
export function ipcParamsOf(params: unknown): IpcErrorParams {
  return plainParamsOf(params);
}

/** Any error with a string `code` as it crosses (its params when it is a coded error). */
export function ipcErrorOf(error: { code: string; message: string; params?: unknown }): IpcError {
  return { code: error.code, params: ipcParamsOf(error.params), message: error.message };
}

/**
 * An error a service throws to reach the renderer with a stable code. Any error with a
 * string `code` and a `message` is treated the same way (e.g. the engine's AlphaApiError).
 */
export class IpcServiceError extends CodedError {
  constructor(code: string, message: string, params: IpcErrorParams = {}) {
    super(code, message, { params });
    this.name = 'IpcServiceError';
  }
}
