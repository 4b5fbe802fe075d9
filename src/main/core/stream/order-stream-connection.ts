import WebSocket from 'ws';
import { CodedError } from '../../../shared/errors/coded-error.ts';
import { Emitter, type Event } from '../../../shared/event/emitter.ts';
import { describeReason } from '../../../shared/reasons/reason-text.ts';
import type { Reason } from '../../../shared/reasons/reason.ts';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import type { Clock } from '../ports/clock.ts';
import { redactSecrets } from '../../../shared/secrets/mask.ts';
import { maskFrameText } from '../parser/mask-frame.ts';
import { parseFrame, type ParsedFrame } from '../parser/index.ts';
import type { WebSocketFactory } from './web-socket-factory.ts';

/** A frame that is not a reply to one of our requests. */
export interface ReceivedFrame {
  text: string;
  parsed: ParsedFrame;
  receivedAtMs: number;
}

export type StreamErrorCode =
  'CONNECT_FAILED' | 'CONNECT_TIMEOUT' | 'ACK_TIMEOUT' | 'REQUEST_REJECTED' | 'CLOSED';

/**
 * Why a connection attempt or request failed: a stable `code` for the session's log and state,
 * and the `reason` (code + parameters) the edges translate. The message is English, for logs.
 */
export class StreamError extends CodedError<StreamErrorCode> {
  constructor(
    code: StreamErrorCode,
    readonly reason: Reason,
  ) {
    super(code, describeReason('en', reason));
    this.name = 'StreamError';
  }
}

export interface ConnectionOptions {
  url: string;
  clock: Clock;
  factory: WebSocketFactory;
  connectTimeoutMs: number;
  ackTimeoutMs: number;
  pingIntervalMs: number;
}

interface PendingRequest {
  resolve: () => void;
  reject: (error: Error) => void;
  timer: Disposable;
  /** The request's params (`alpha@<key>`): secret, kept to scrub them from a rejection. */
  params: string[];
}

/**
 * One socket to the order-push endpoint: SUBSCRIBE/UNSUBSCRIBE with ack tracking, a client
 * ping every `pingIntervalMs` (a socket that has not answered the previous ping when the next
 * is due is dead and gets terminated), and one `onDidClose` when it ends for any reason.
 */
export class OrderStreamConnection implements Disposable {
  private socket: WebSocket | null = null;
  private nextRequestId = 1;
  private readonly pending = new Map<number, PendingRequest>();
  private heartbeat: Disposable | null = null;
  private awaitingPong = false;
  /** The pong deadline's verdict, one loop turn after it passed (see `startHeartbeat`). */
  private pongVerdict: Disposable | null = null;
  private closed = false;

  private readonly frameEmitter = new Emitter<ReceivedFrame>({ name: 'stream-connection.frame' });
  private readonly closeEmitter = new Emitter<{ reason: Reason }>({
    name: 'stream-connection.close',
  });
  /** Pushes and anything else that is not an ack of ours (malformed frames included). */
  readonly onDidReceiveFrame: Event<ReceivedFrame> = this.frameEmitter.event;
  /** Fired once, however the socket ended (never after `dispose`). */
  readonly onDidClose: Event<{ reason: Reason }> = this.closeEmitter.event;

  constructor(private readonly options: ConnectionOptions) {}

  /** Opens the socket; rejects on error, early close or `connectTimeoutMs`. */
  open(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const socket = this.options.factory(this.options.url);
      this.socket = socket;
      const timer = this.options.clock.setTimeout(() => {
        if (settled) return;
        settled = true;
        const reason: Reason = {
          code: 'CONNECT_TIMEOUT',
          timeoutMs: this.options.connectTimeoutMs,
        };
        this.end(reason);
        reject(new StreamError('CONNECT_TIMEOUT', reason));
      }, this.options.connectTimeoutMs);
      socket.on('open', () => {
        if (settled) return;
        settled = true;
        timer.dispose();
        this.startHeartbeat();
        resolve();
      });
      socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => {
        if (!isBinary)
          this.onText(
            Array.isArray(data) ? Buffer.concat(data).toString('utf8') : data.toString('utf8'),
          );
      });
      socket.on('pong', () => {
        this.awaitingPong = false;
      });
      socket.on('error', (error: Error) => {
        if (!settled) {
          settled = true;
          timer.dispose();
          reject(
            new StreamError('CONNECT_FAILED', { code: 'SOCKET_ERROR', detail: error.message }),
          );
        }
        this.end({ code: 'SOCKET_ERROR', detail: error.message });
      });
      socket.on('close', (code: number, reason: Buffer) => {
        if (!settled) {
          settled = true;
          timer.dispose();
          reject(
            new StreamError('CONNECT_FAILED', { code: 'CLOSED_BEFORE_OPEN', closeCode: code }),
          );
        }
        this.end({
          code: 'SOCKET_CLOSED',
          closeCode: code,
          ...(reason.length > 0 ? { detail: reason.toString('utf8') } : {}),
        });
      });
    });
  }

  get isOpen(): boolean {
    return !this.closed && this.socket?.readyState === WebSocket.OPEN;
  }

  /** `SUBSCRIBE alpha@<key>`; resolves on the ack. */
  subscribe(listenKey: string, ackTimeoutMs?: number): Promise<void> {
    return this.request('SUBSCRIBE', [`alpha@${listenKey}`], ackTimeoutMs);
  }

  /** `UNSUBSCRIBE alpha@<key>`; resolves on the ack. */
  unsubscribe(listenKey: string, ackTimeoutMs?: number): Promise<void> {
    return this.request('UNSUBSCRIBE', [`alpha@${listenKey}`], ackTimeoutMs);
  }

  /** Sends a request frame and waits for `{"result":...,"id":N}` with our id. */
  request(
    method: string,
    params: string[],
    ackTimeoutMs = this.options.ackTimeoutMs,
  ): Promise<void> {
    if (!this.isOpen) return Promise.reject(new StreamError('CLOSED', { code: 'SOCKET_NOT_OPEN' }));
    const id = this.nextRequestId++;
    return new Promise<void>((resolve, reject) => {
      const timer = this.options.clock.setTimeout(() => {
        this.pending.delete(id);
        reject(
          new StreamError('ACK_TIMEOUT', { code: 'ACK_TIMEOUT', method, timeoutMs: ackTimeoutMs }),
        );
      }, ackTimeoutMs);
      this.pending.set(id, { resolve, reject, timer, params });
      this.socket!.send(JSON.stringify({ method, params, id }), (error) => {
        if (error)
          this.settle(
            id,
            new StreamError('CLOSED', { code: 'SEND_FAILED', detail: error.message }),
          );
      });
    });
  }

  /** Closes politely (close frame); terminates if the peer does not answer within `graceMs`. */
  async close(graceMs = 500): Promise<void> {
    const socket = this.socket;
    // A close we asked for is not a loss: nobody hears about it.
    this.closeEmitter.dispose();
    if (!socket || this.closed) return this.dispose();
    await new Promise<void>((resolve) => {
      const timer = this.options.clock.setTimeout(() => resolve(), graceMs);
      // Real time as a backstop: an accelerated clock's tiny delays are fine, a frozen one is not.
      const backstop = setTimeout(resolve, graceMs);
      socket.once('close', () => {
        timer.dispose();
        clearTimeout(backstop);
        resolve();
      });
      try {
        socket.close(1000, 'bye');
      } catch {
        resolve();
      }
    });
    this.dispose();
  }

  /** Kills the socket now (no close handshake) and reports `reason`. */
  terminate(reason: Reason): void {
    this.end(reason);
  }

  /** Ends the socket silently (no onDidClose). */
  dispose(): void {
    this.closeEmitter.dispose();
    this.end({ code: 'DISPOSED' });
    this.frameEmitter.dispose();
  }

  private onText(text: string): void {
    const receivedAtMs = this.options.clock.now();
    const parsed = parseFrame(text);
    if (
      (parsed.kind === 'ack' || parsed.kind === 'request-error') &&
      typeof parsed.requestId === 'number' &&
      this.pending.has(parsed.requestId)
    ) {
      this.settle(
        parsed.requestId,
        parsed.kind === 'ack'
          ? null
          : new StreamError('REQUEST_REJECTED', {
              code: 'REQUEST_REJECTED',
              detail: this.scrub(parsed.requestId, parsed.errorMessage),
            }),
      );
      return;
    }
    this.frameEmitter.fire({ text, parsed, receivedAtMs });
  }

  /** The server's message may echo the key we sent: it ends up in states and logs, so mask it. */
  private scrub(id: number, message: string): string {
    const keys = (this.pending.get(id)?.params ?? []).map((param) => param.replace(/^alpha@/, ''));
    return redactSecrets(maskFrameText(message), { listenKeys: keys });
  }

  private settle(id: number, error: Error | null): void {
    const request = this.pending.get(id);
    if (!request) return;
    this.pending.delete(id);
    request.timer.dispose();
    if (error) request.reject(error);
    else request.resolve();
  }

  private startHeartbeat(): void {
    this.heartbeat = this.options.clock.setInterval(() => {
      if (!this.awaitingPong) {
        this.ping();
        return;
      }
      // No pong since the last ping, an interval ago, unless it is waiting to be read: after
      // the event loop was held up (a slow disk under a journal write, a long pause), timers
      // run before sockets are read. So the verdict waits one turn of the loop, for what has
      // arrived to be read first; a pong there keeps the connection and the pings go on.
      this.pongVerdict ??= this.options.clock.setTimeout(() => {
        this.pongVerdict = null;
        if (this.closed) return;
        if (this.awaitingPong)
          this.end({ code: 'PONG_TIMEOUT', timeoutMs: this.options.pingIntervalMs });
        else this.ping();
      }, 0);
    }, this.options.pingIntervalMs);
  }

  private ping(): void {
    this.awaitingPong = true;
    try {
      this.socket?.ping();
    } catch {
      this.end({ code: 'PING_FAILED' });
    }
  }

  private end(reason: Reason): void {
    if (this.closed) return;
    this.closed = true;
    this.heartbeat?.dispose();
    this.heartbeat = null;
    this.pongVerdict?.dispose();
    this.pongVerdict = null;
    for (const id of [...this.pending.keys()]) this.settle(id, new StreamError('CLOSED', reason));
    const socket = this.socket;
    if (socket) {
      socket.removeAllListeners('message');
      // Keep an error listener: ws emits errors after terminate on half-open sockets.
      socket.on('error', () => {});
      if (socket.readyState !== WebSocket.CLOSED) socket.terminate();
    }
    this.closeEmitter.fire({ reason });
    this.closeEmitter.dispose();
  }
}
