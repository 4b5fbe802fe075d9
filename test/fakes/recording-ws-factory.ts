import WebSocket from 'ws';
import type { WebSocketFactory } from '../../src/main/core/stream/web-socket-factory.ts';

/** What a client socket did, in order, across every connection the factory made. */
export type SocketEvent =
  | { kind: 'open'; socket: number }
  | { kind: 'close'; socket: number }
  | { kind: 'send'; socket: number; method: string; params: string[] };

/** A real `ws` factory that records opens, closes and request frames (for ordering assertions). */
export function createRecordingWebSocketFactory(): {
  factory: WebSocketFactory;
  events: SocketEvent[];
} {
  const events: SocketEvent[] = [];
  let next = 0;
  const factory: WebSocketFactory = (url) => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    const id = ++next;
    socket.on('open', () => events.push({ kind: 'open', socket: id }));
    socket.on('close', () => events.push({ kind: 'close', socket: id }));
    const send = socket.send.bind(socket) as (data: string, cb?: (err?: Error) => void) => void;
    (socket as unknown as { send: typeof send }).send = (data, cb) => {
      try {
        const frame = JSON.parse(String(data)) as { method?: string; params?: string[] };
        if (frame.method)
          events.push({
            kind: 'send',
            socket: id,
            method: frame.method,
            params: frame.params ?? [],
          });
      } catch {
        // not JSON: nothing to record
      }
      send(data, cb);
    };
    return socket;
  };
  return { factory, events };
}
