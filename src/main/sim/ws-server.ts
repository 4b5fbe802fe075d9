import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Clock } from '../core/ports/clock.ts';
import type { AsyncDisposable, Disposable } from '../../shared/lifecycle/disposable.ts';
import { assertNever } from '../../shared/assert-never.ts';
import { parseClientFrame } from './ws-protocol.ts';

/** The private order-push stream (captured). */
export const STREAM_PATH = '/w3w/stream';
/** The public market-data stream (captured; OFF docs). */
export const MARKET_STREAM_PATH = '/w3w/wsa/stream';

export interface StreamServerOptions {
  /** The upgrade path this server answers (`/w3w/stream`, or `/w3w/wsa/stream` for market data). */
  path: string;
  /** Server ping every this many sim-clock ms. */
  pingIntervalMs: number;
  /** A client that has not answered a ping within this many sim-clock ms is dropped. */
  pongTimeoutMs: number;
}

interface Client {
  readonly socket: WebSocket;
  readonly streams: Set<string>;
  pongDeadline: Disposable | undefined;
}

/**
 * The order-push WebSocket: subscriptions, wrapped pushes, server pings, and the transport
 * faults (drop, stall, refuse, raw frames). It knows stream names, not accounts.
 */
export class StreamServer implements AsyncDisposable {
  private readonly wss = new WebSocketServer({
    noServer: true,
    autoPong: false,
    maxPayload: 64 * 1024,
  });
  private readonly clients = new Set<Client>();
  private readonly heartbeat: Disposable;
  private readonly lastFrameByStream = new Map<string, string>();
  private stalled = false;
  /** Streams that get nothing pushed while the socket stays healthy (see silence()). */
  private readonly silenced = new Set<string>();
  private refuseUntilMs = 0;
  /** Pushes held back by reorderNext(), released newest first. */
  private held: Array<{ stream: string; text: string }> = [];
  private holdRemaining = 0;
  /** Pushes still to be lost (see loseNext()). */
  private loseRemaining = 0;

  constructor(
    private readonly clock: Clock,
    private readonly options: StreamServerOptions,
  ) {
    this.heartbeat = clock.setInterval(() => this.pingAll(), options.pingIntervalMs);
  }

  /** True when someone is subscribed to `stream` (publishers skip building frames otherwise). */
  hasSubscribers(stream: string): boolean {
    for (const client of this.clients) if (client.streams.has(stream)) return true;
    return false;
  }

  /** Number of open client connections. */
  get connectionCount(): number {
    return this.clients.size;
  }

  get isStalled(): boolean {
    return this.stalled;
  }

  /** True when this server answers upgrades on `path`. */
  servesPath(path: string): boolean {
    return path === this.options.path;
  }

  /** Handles an HTTP upgrade on the shared server. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = (request.url ?? '').split('?')[0];
    if (path !== this.options.path) return rejectUpgrade(socket, 404, 'Not Found');
    if (this.clock.now() < this.refuseUntilMs)
      return rejectUpgrade(socket, 503, 'Service Unavailable');
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws));
  }

  /** Sends `{"stream":<stream>,"data":<data>}` to every subscriber of `stream`. */
  push(stream: string, data: Record<string, unknown>): void {
    if (this.loseRemaining > 0) {
      this.loseRemaining--;
      return;
    }
    const text = JSON.stringify({ stream, data });
    if (this.holdRemaining > 0) {
      this.held.push({ stream, text });
      if (--this.holdRemaining === 0) this.releaseHeld();
      return;
    }
    this.sendToStream(stream, text);
  }

  /** Sends raw text (possibly malformed) to subscribers of `stream`, or to every client. */
  injectRaw(text: string, stream?: string): void {
    if (stream) {
      this.sendToStream(stream, text, false);
      return;
    }
    if (this.stalled) return;
    for (const client of this.clients) client.socket.send(text);
  }

  /** Sends the last frame pushed on `stream` again (a duplicate). False if there was none. */
  duplicateLast(stream: string): boolean {
    const text = this.lastFrameByStream.get(stream);
    if (text === undefined) return false;
    this.sendToStream(stream, text, false);
    return true;
  }

  /** Holds the next `count` pushes and sends them in reverse order once all have arrived. */
  reorderNext(count: number): void {
    this.holdRemaining = Math.max(0, Math.floor(count));
  }

  /**
   * Loses the next `count` pushes: never sent, while the socket stays up and later pushes
   * arrive (a frame lost in a drop, with the next one delivered before reconciliation runs).
   */
  loseNext(count: number): void {
    this.loseRemaining = Math.max(0, Math.floor(count));
  }

  /** Destroys every connection without a close frame. */
  dropAll(): void {
    for (const client of [...this.clients]) client.socket.terminate();
  }

  /** Stops sending anything and answering pings, keeping TCP open, until resume(). */
  stall(): void {
    this.stalled = true;
    for (const client of this.clients) this.clearDeadline(client);
  }

  resume(): void {
    this.stalled = false;
  }

  /**
   * A silent stream: pushes for `stream` go nowhere, while pings, pongs, acks and other
   * streams carry on. Models a key that died on the exchange's side, or the same key opened on
   * another device (the most reported failure of every peer); only reconciliation can tell.
   */
  silence(stream: string): void {
    this.silenced.add(stream);
  }

  /** Rejects WebSocket upgrades for the next `durationMs` sim-clock ms. */
  refuseConnections(durationMs: number): void {
    this.refuseUntilMs = this.clock.now() + Math.max(0, durationMs);
  }

  async dispose(): Promise<void> {
    this.heartbeat.dispose();
    for (const client of this.clients) {
      this.clearDeadline(client);
      client.socket.terminate();
    }
    this.clients.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    const client: Client = { socket, streams: new Set(), pongDeadline: undefined };
    this.clients.add(client);
    socket.on('message', (data, isBinary) => {
      if (this.stalled) return;
      this.onFrame(client, isBinary ? '' : data.toString());
    });
    socket.on('ping', (payload) => {
      if (!this.stalled) socket.pong(payload);
    });
    socket.on('pong', () => this.clearDeadline(client));
    socket.on('close', () => {
      this.clearDeadline(client);
      this.clients.delete(client);
    });
    // A client that vanishes mid-frame must not take the server down.
    socket.on('error', () => socket.terminate());
  }

  private onFrame(client: Client, text: string): void {
    const parsed = parseClientFrame(text);
    if (!parsed.ok) {
      client.socket.send(JSON.stringify(parsed.reply));
      return;
    }
    const { request } = parsed;
    switch (request.kind) {
      case 'subscribe':
        // inferred: the real server's answer to an unknown or expired key is unknown; it is
        // acknowledged and simply never receives anything.
        for (const s of request.streams) client.streams.add(s);
        client.socket.send(JSON.stringify({ result: null, id: request.id }));
        break;
      case 'unsubscribe':
        for (const s of request.streams) client.streams.delete(s);
        client.socket.send(JSON.stringify({ result: null, id: request.id }));
        break;
      case 'list':
        client.socket.send(JSON.stringify({ result: [...client.streams], id: request.id }));
        break;
      default:
        assertNever(request, 'client request');
    }
  }

  private sendToStream(stream: string, text: string, remember = true): void {
    if (remember) this.lastFrameByStream.set(stream, text);
    // A stalled server sends nothing; what it would have pushed is lost, as on a dead link.
    if (this.stalled || this.silenced.has(stream)) return;
    for (const client of this.clients) {
      if (client.streams.has(stream)) client.socket.send(text);
    }
  }

  private releaseHeld(): void {
    const frames = this.held.reverse();
    this.held = [];
    for (const { stream, text } of frames) this.sendToStream(stream, text);
  }

  private pingAll(): void {
    if (this.stalled) return;
    for (const client of this.clients) {
      if (client.pongDeadline) continue;
      client.socket.ping();
      client.pongDeadline = this.clock.setTimeout(() => {
        client.pongDeadline = undefined;
        client.socket.terminate();
      }, this.options.pongTimeoutMs);
    }
  }

  private clearDeadline(client: Client): void {
    client.pongDeadline?.dispose();
    client.pongDeadline = undefined;
  }
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
