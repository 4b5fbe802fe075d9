import { isCodedError } from '../errors/coded-error.ts';
import { isReason, type Reason } from './reason.ts';

/** The message of a network failure's cause (undici: `TypeError('fetch failed', { cause })`). */
function causeMessage(cause: unknown): string | undefined {
  if (!(cause instanceof Error)) return undefined;
  return cause.cause instanceof Error ? cause.cause.message : cause.message;
}

/**
 * The reason of any error, for an edge to translate: an error's own `reason` (StreamError),
 * a coded error's code and params (AlphaApiError and the other layers' errors), else
 * `UNEXPECTED` with its message (which the edges quote).
 */
export function reasonOf(error: unknown): Reason {
  if (typeof error === 'object' && error !== null) {
    const own = (error as { reason?: unknown }).reason;
    if (isReason(own)) return own;
  }
  if (isCodedError(error)) {
    const candidate: Record<string, unknown> = { ...error.params, code: error.code };
    if (error.code === 'NETWORK' && candidate.detail === undefined) {
      const detail = causeMessage(error.cause);
      if (detail !== undefined) candidate.detail = detail;
    }
    if (isReason(candidate)) return candidate;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'UNEXPECTED', detail };
}
