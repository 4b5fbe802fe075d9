import { IPC_ERROR_CODES, type IpcResult } from '../../../shared/ipc/result.ts';
import type { ClientTransport } from '../../../shared/ipc/transport.ts';
import { parseServerFrame, type ClientFrame } from '../../../shared/ipc/wire.ts';

/** Connection state of the browser transport, for a banner ("reconnecting to host…"). */
export type HostConnectionState = 'connecting' | 'open' | 'closed';

export interface WebSocketTransportOptions {
  /** e.g. `ws://127.0.0.1:5173/api/ws` (the page's session cookie goes with it) */
  url: string;
  /** Injected for tests; defaults to the global WebSocket. */
  createSocket?: (url: string) => WebSocket;
  /** Delay before reconnecting after the host closed the socket. */
  reconnectDelayMs?: number;
  onStateChange?: (state: HostConnectionState) => void;
}

/**
 * The contract over a WebSocket to the browser host (`alpha-monitor serve`). Requests sent
 * while connecting are queued; requests in flight when the socket drops resolve with
 * `DISCONNECTED` (never hang). Reconnects by itself so an SSH tunnel hiccup heals.
 */
export function createWebSocketTransport(options: WebSocketTransportOptions): ClientTransport & {
  /**
   * The socket came back after a drop, or the host skipped a batch of events (the page read
   * too slowly): events were lost, so whatever the page loaded must be loaded again. Not
   * fired for the first connection.
   */
  onDidReconnect(listener: () => void): () => void;
  close(): void;
} {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const reconnectDelayMs = options.reconnectDelayMs ?? 1000;
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  const queue: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const reconnectListeners = new Set<() => void>();
  let nextId = 1;
  let closed = false;
  let everOpened = false;
  let socket: WebSocket;
  /** The last batch of events this socket delivered (the host counts them from 1). */
  let lastSeq = 0;
  const reloadAll = () => {
    for (const listener of [...reconnectListeners]) listener();
  };
  const deliver = (event: string, payload: unknown) => {
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  };

  const connect = () => {
    options.onStateChange?.('connecting');
    socket = createSocket(options.url);
    lastSeq = 0;
    socket.onopen = () => {
      options.onStateChange?.('open');
      for (const text of queue.splice(0)) socket.send(text);
      const reconnected = everOpened;
      everOpened = true;
      if (reconnected) reloadAll();
    };
    socket.onmessage = (message: MessageEvent) => {
      const frame = typeof message.data === 'string' ? parseServerFrame(message.data) : null;
      if (!frame) return;
      if (frame.t === 'res') {
        pending.get(frame.id)?.(frame.result);
        pending.delete(frame.id);
      } else if (frame.t === 'evts') {
        // A skipped batch: the host dropped what this page was too slow to read. What the
        // page loaded is stale, as after a reconnect: load it again (the events still apply).
        const gap = frame.seq !== lastSeq + 1;
        lastSeq = frame.seq;
        if (gap) reloadAll();
        for (const { event, payload } of frame.events) deliver(event, payload);
      } else {
        deliver(frame.event, frame.payload);
      }
    };
    socket.onclose = () => {
      for (const resolve of pending.values()) {
        resolve({
          ok: false,
          error: {
            code: IPC_ERROR_CODES.disconnected,
            params: {},
            message: 'Lost the connection to the Alpha Monitor host. Retrying…',
          },
        });
      }
      pending.clear();
      options.onStateChange?.('closed');
      if (!closed) setTimeout(connect, reconnectDelayMs);
    };
  };
  connect();

  return {
    invoke(channel, payload) {
      const id = nextId++;
      const frame: ClientFrame = { t: 'req', id, channel, payload };
      const text = JSON.stringify(frame);
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (socket.readyState === 1) socket.send(text);
        else queue.push(text);
      });
    },
    listen(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },
    onDidReconnect(listener) {
      reconnectListeners.add(listener);
      return () => void reconnectListeners.delete(listener);
    },
    close() {
      closed = true;
      socket.close();
    },
  };
}
