import { unpackLongLists } from './packed-records.ts';
import type { IpcResult } from './result.ts';

/**
 * The browser host's WebSocket frames (JSON text). Electron IPC does not use these: it has
 * its own framing. Kept in shared so the host and the renderer's transport agree.
 */
export type ClientFrame = { t: 'req'; id: number; channel: string; payload?: unknown };
export type ServerFrame =
  | {
      t: 'res';
      id: number;
      result: IpcResult<unknown>;
      /** The value's long lists are packed (packed-records.ts): the parser unpacks them. */
      packed?: true;
    }
  | { t: 'evt'; event: string; payload: unknown }
  | EventsFrame;

/**
 * What the host pushes: everything that changed since its last batch (at most one per
 * animation frame), coalesced per order and per value (src/main/app/event-merge.ts), in order.
 * `seq` counts the socket's batches from 1; a skipped number means the host dropped what a
 * page that did not read would have had to queue: the page then loads its values again.
 */
export interface EventsFrame {
  t: 'evts';
  seq: number;
  events: Array<{ event: string; payload: unknown }>;
}

/** Parses a client frame; null when it is not one (the host then closes the socket). */
export function parseClientFrame(text: string): ClientFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const frame = value as Record<string, unknown>;
  if (frame.t !== 'req' || typeof frame.id !== 'number' || typeof frame.channel !== 'string')
    return null;
  return { t: 'req', id: frame.id, channel: frame.channel, payload: frame.payload };
}

/** Parses a server frame; null when it is not one. */
export function parseServerFrame(text: string): ServerFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const frame = value as Record<string, unknown>;
  if (
    frame.t === 'res' &&
    typeof frame.id === 'number' &&
    typeof frame.result === 'object' &&
    frame.result !== null
  ) {
    const result = frame.result as IpcResult<unknown>;
    if (frame.packed === true && result.ok) result.value = unpackLongLists(result.value);
    return { t: 'res', id: frame.id, result };
  }
  if (frame.t === 'evt' && typeof frame.event === 'string') {
    return { t: 'evt', event: frame.event, payload: frame.payload };
  }
  if (frame.t === 'evts' && typeof frame.seq === 'number' && Array.isArray(frame.events)) {
    const events = (frame.events as unknown[]).filter(
      (e): e is EventsFrame['events'][number] =>
        typeof e === 'object' && e !== null && typeof (e as { event?: unknown }).event === 'string',
    );
    return { t: 'evts', seq: frame.seq, events };
  }
  return null;
}

/** Query parameter carrying the browser host's session token. */
export const HOST_TOKEN_PARAM = 'token';
/** Path of the contract WebSocket on the browser host. */
export const HOST_WS_PATH = '/api/ws';
