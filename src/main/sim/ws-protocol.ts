/**
 * Client frames on /w3w/stream: `{"method":"SUBSCRIBE"|"UNSUBSCRIBE"|"LIST_SUBSCRIPTIONS",
 * "params":[...],"id":N}`, answered `{"result":null,"id":N}` (captured) or, for
 * LIST_SUBSCRIPTIONS, `{"result":[...],"id":N}` (OFF docs).
 *
 * inferred: no Alpha error frame was ever captured. Errors follow Binance Spot's
 * market-stream style `{"error":{"code":N,"msg":"..."},"id":...}`: code 2 for an invalid
 * request, code 3 for invalid JSON.
 */
export type ClientRequest =
  | { kind: 'subscribe'; id: RequestId; streams: string[] }
  | { kind: 'unsubscribe'; id: RequestId; streams: string[] }
  | { kind: 'list'; id: RequestId };

export type RequestId = number | string | null;

export type ParseResult =
  { ok: true; request: ClientRequest } | { ok: false; reply: Record<string, unknown> };

const errorReply = (code: number, msg: string, id: RequestId) => ({ error: { code, msg }, id });

/** Parses one text frame from a client into a request or the error reply to send. */
export function parseClientFrame(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reply: errorReply(3, `Invalid JSON: ${(error as Error).message}`, null) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reply: errorReply(2, 'Invalid request: expected a JSON object', null) };
  }
  const frame = value as Record<string, unknown>;
  const id = frame.id === undefined ? null : frame.id;
  if (!isValidId(id)) {
    return {
      ok: false,
      reply: errorReply(
        2,
        'Invalid request: request ID must be an unsigned integer, a string of up to 36 characters, or null',
        null,
      ),
    };
  }
  const { method, params } = frame;
  if (typeof method !== 'string') {
    return { ok: false, reply: errorReply(2, 'Invalid request: missing field `method`', id) };
  }
  switch (method) {
    case 'SUBSCRIBE':
    case 'UNSUBSCRIBE': {
      if (!Array.isArray(params) || params.some((p) => typeof p !== 'string' || p.length === 0)) {
        return {
          ok: false,
          reply: errorReply(2, 'Invalid request: params must be an array of stream names', id),
        };
      }
      return {
        ok: true,
        request: {
          kind: method === 'SUBSCRIBE' ? 'subscribe' : 'unsubscribe',
          id,
          streams: params as string[],
        },
      };
    }
    case 'LIST_SUBSCRIPTIONS':
      return { ok: true, request: { kind: 'list', id } };
    default:
      return {
        ok: false,
        reply: errorReply(
          2,
          `Invalid request: unknown variant \`${method}\`, expected one of \`SUBSCRIBE\`, \`UNSUBSCRIBE\`, \`LIST_SUBSCRIPTIONS\``,
          id,
        ),
      };
  }
}

function isValidId(id: unknown): id is RequestId {
  if (id === null) return true;
  if (typeof id === 'number') return Number.isSafeInteger(id) && id >= 0;
  if (typeof id === 'string') return /^[A-Za-z0-9-]{1,36}$/.test(id);
  return false;
}

/** `alpha@<listenKey>` → the key, or undefined for any other stream name. */
export function listenKeyOfStream(stream: string): string | undefined {
  return stream.startsWith('alpha@') ? stream.slice('alpha@'.length) : undefined;
}
