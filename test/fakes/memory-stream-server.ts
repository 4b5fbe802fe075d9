import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import type { WebSocketFactory } from '../../src/main/core/stream/web-socket-factory.ts';
import type { SocketEvent } from './recording-ws-factory.ts';

/**
 * What the in-memory order-push endpoint does; a test changes it at any time. Every answer
 * arrives on a later microtask, as a real socket's would, and no timer is involved: the
 * session's own clock (a FakeClock) is the only time there is.
 */
export interface MemoryStreamBehaviour {
  /** New connections fail (error, then close 1006) as a refused TCP connect does. */
  refuse: boolean;
  /** New connections never open (neither open nor error): the connect timeout's case. */
  hang: boolean;
  /** Open sockets answer pings with pongs (false: a stalled connection, TCP still up). */
  answerPings: boolean;
  /** SUBSCRIBE / UNSUBSCRIBE get their `{"result":null,"id":N}` (false: no ack ever). */
  ackRequests: boolean;
}

/** The server's end of one connection. */
export interface MemoryServerSocket {
  /** 1 for the first connection the factory made, then 2, 3, ... */
  readonly id: number;
  readonly open: boolean;
  /** The streams (`alpha@<key>`) this connection is subscribed to. */
  readonly subscriptions: ReadonlySet<string>;
  /** Sends a text frame to the client as it is. */
  sendText(text: string): void;
  /** Ends the connection from the server's side, abruptly (the client sees `code`). */
  drop(code?: number): void;
  /** A pong reaches the client now (one the server sent late, or that waited to be read). */
  sendPong(): void;
}

/**
 * An in-memory order-push endpoint and the WebSocketFactory that connects to it: each socket
 * the session opens is one end of a pair, the other end answers as nbstream does (ack per
 * request id, pong per ping, pushes to subscribed streams). Records opens, closes and request
 * frames in one list, in order, like the recording factory.
 */
export class MemoryStreamServer {
  readonly behaviour: MemoryStreamBehaviour = {
    refuse: false,
    hang: false,
    answerPings: true,
    ackRequests: true,
  };
  /** Opens, closes and requests of every connection, in order. */
  readonly events: SocketEvent[] = [];
  private readonly all: MemoryClientSocket[] = [];

  /** Hand this to StreamSession / AccountMonitor as `webSocketFactory`. */
  readonly factory: WebSocketFactory = () => {
    const socket = new MemoryClientSocket(this.all.length + 1, this);
    this.all.push(socket);
    // ws reports the outcome of a connect asynchronously, after the caller attached listeners.
    queueMicrotask(() => socket.connect());
    return socket as unknown as WebSocket;
  };

  /** Every connection made so far, first one first. */
  get sockets(): readonly MemoryServerSocket[] {
    return this.all;
  }

  /** Connections open now. */
  get openSockets(): readonly MemoryServerSocket[] {
    return this.all.filter((s) => s.open);
  }

  /** Pushes `{"stream":"alpha@<key>","data":...}` to every open connection subscribed to it; how many got it. */
  push(listenKey: string, data: Record<string, unknown>): number {
    const stream = `alpha@${listenKey}`;
    const text = JSON.stringify({ stream, data });
    const targets = this.openSockets.filter((s) => s.subscriptions.has(stream));
    for (const socket of targets) socket.sendText(text);
    return targets.length;
  }

  /** Ends every open connection from the server's side (a network drop). */
  dropAll(code = 1006): void {
    for (const socket of this.openSockets) socket.drop(code);
  }

  /** @internal the client end recorded something. */
  record(event: SocketEvent): void {
    this.events.push(event);
  }
}

/** Request frames as `{method, params, id}`, the only ones a client sends. */
interface RequestFrame {
  method?: string;
  params?: string[];
  id?: number;
}

/**
 * The client end: the subset of a `ws` WebSocket that OrderStreamConnection uses (events
 * open/message/pong/error/close, send, ping, close, terminate, readyState).
 */
class MemoryClientSocket extends EventEmitter implements MemoryServerSocket {
  readyState: number = WebSocket.CONNECTING;
  readonly subscriptions = new Set<string>();

  constructor(
    readonly id: number,
    private readonly server: MemoryStreamServer,
  ) {
    super();
  }

  get open(): boolean {
    return this.readyState === WebSocket.OPEN;
  }

  connect(): void {
    if (this.readyState !== WebSocket.CONNECTING) return;
    const { behaviour } = this.server;
    if (behaviour.hang) return;
    if (behaviour.refuse) {
      this.emit('error', new Error('connect ECONNREFUSED 127.0.0.1'));
      this.finish(1006, '');
      return;
    }
    this.readyState = WebSocket.OPEN;
    this.server.record({ kind: 'open', socket: this.id });
    this.emit('open');
  }

  send(data: string, callback?: (error?: Error) => void): void {
    if (!this.open) {
      queueMicrotask(() => callback?.(new Error('WebSocket is not open')));
      return;
    }
    let frame: RequestFrame = {};
    try {
      frame = JSON.parse(String(data)) as RequestFrame;
    } catch {
      // not JSON: the server ignores it
    }
    const params = frame.params ?? [];
    if (frame.method)
      this.server.record({ kind: 'send', socket: this.id, method: frame.method, params });
    if (frame.method === 'SUBSCRIBE') for (const p of params) this.subscriptions.add(p);
    if (frame.method === 'UNSUBSCRIBE') for (const p of params) this.subscriptions.delete(p);
    queueMicrotask(() => callback?.());
    if (this.server.behaviour.ackRequests && typeof frame.id === 'number')
      this.sendText(JSON.stringify({ result: null, id: frame.id }));
  }

  ping(): void {
    if (!this.open) throw new Error('WebSocket is not open');
    if (this.server.behaviour.answerPings) queueMicrotask(() => this.open && this.emit('pong'));
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState === WebSocket.CLOSED) return;
    this.readyState = WebSocket.CLOSING;
    // The server answers the close frame.
    queueMicrotask(() => this.finish(code, reason));
  }

  terminate(): void {
    this.finish(1006, '');
  }

  sendText(text: string): void {
    if (!this.open) return;
    queueMicrotask(() => this.open && this.emit('message', Buffer.from(text, 'utf8'), false));
  }

  drop(code = 1006): void {
    this.finish(code, '');
  }

  sendPong(): void {
    if (this.open) this.emit('pong');
  }

  private finish(code: number, reason: string): void {
    if (this.readyState === WebSocket.CLOSED) return;
    const wasOpen = this.readyState !== WebSocket.CONNECTING;
    this.readyState = WebSocket.CLOSED;
    this.subscriptions.clear();
    if (wasOpen) this.server.record({ kind: 'close', socket: this.id });
    queueMicrotask(() => this.emit('close', code, Buffer.from(reason, 'utf8')));
  }
}
