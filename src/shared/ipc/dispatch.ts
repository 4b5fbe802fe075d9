import { z } from 'zod';
import {
  REQUESTS,
  isRequestChannel,
  type RequestChannel,
  type RequestPayload,
  type RequestResult,
} from './contract.ts';
import { IPC_ERROR_CODES, err, ipcErrorOf, ok, type IpcResult } from './result.ts';

/** One handler per request channel; each receives the parsed payload. */
export type ContractHandlers = {
  [K in RequestChannel]: (
    payload: RequestPayload<K>,
  ) => Promise<RequestResult<K>> | RequestResult<K>;
};

/**
 * Validates and runs one request. Used by both transports (Electron `handle()` and the
 * browser host), so a payload is parsed by its channel's schema exactly once, in one place,
 * and every thrown error becomes `{ ok: false, error: { code, params, message } }`.
 *
 * `onUnexpectedError` sees errors without a stable code (bugs); their message is not sent
 * to the renderer, because an unknown error could echo a request that held a secret.
 */
export async function dispatchRequest(
  handlers: ContractHandlers,
  channel: unknown,
  payload: unknown,
  onUnexpectedError: (channel: string, error: unknown) => void = () => {},
): Promise<IpcResult<unknown>> {
  if (!isRequestChannel(channel)) {
    return err(
      IPC_ERROR_CODES.unknownChannel,
      `Unknown request channel "${String(channel).slice(0, 60)}".`,
      { channel: String(channel).slice(0, 60) },
    );
  }
  const schema: z.ZodType = REQUESTS[channel].payload;
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    return err(
      IPC_ERROR_CODES.invalidRequest,
      `Invalid request for ${channel}: ${z.prettifyError(parsed.error)}`,
      { channel },
    );
  }
  try {
    const handler = handlers[channel] as (p: unknown) => unknown;
    const value = await handler(parsed.data);
    return ok(value === undefined ? null : value);
  } catch (error) {
    return toIpcError(channel, error, onUnexpectedError);
  }
}

function toIpcError(
  channel: string,
  error: unknown,
  onUnexpectedError: (channel: string, error: unknown) => void,
): IpcResult<never> {
  if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') {
    // Node's system errors (ENOSPC, EACCES, ...) have codes too; they are expected failures
    // and their messages name paths, never secrets. A coded error's params go along.
    return { ok: false, error: ipcErrorOf(error as Error & { code: string }) };
  }
  onUnexpectedError(channel, error);
  return err(
    IPC_ERROR_CODES.internal,
    `Something went wrong in ${channel}. Details are in the log.`,
    { channel },
  );
}
