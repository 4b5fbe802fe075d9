import { Emitter, type Event } from '../../../shared/event/emitter.ts';
import { reasonOf } from '../../../shared/reasons/reason-of.ts';
import type { Reason } from '../../../shared/reasons/reason.ts';
import { DisposableStore, type Disposable } from '../../../shared/lifecycle/disposable.ts';
import type { Clock } from '../ports/clock.ts';
import { nullLogger, type Logger } from '../ports/logger.ts';
import type { ListenKeyService } from '../listen-key/listen-key-service.ts';
import { maskFrameText } from '../parser/mask-frame.ts';
import { maskReason } from './mask-reason.ts';
import { isFatalAuthError } from '../rest/alpha-api-error.ts';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import { OrderStreamConnection, type ReceivedFrame } from './order-stream-connection.ts';
import {
  isTerminal,
  nextAttempt,
  transition,
  type SessionEvent,
  type SessionState,
} from './session-state.ts';
import { defaultWebSocketFactory, type WebSocketFactory } from './web-socket-factory.ts';

export const DEFAULT_WS_URL = 'wss://nbstream.binance.com/w3w/stream';

export interface StreamSessionOptions {
  /** `wss://nbstream.binance.com/w3w/stream` or the simulator's `wsUrl`. */
  wsUrl: string;
  listenKeys: ListenKeyService;
  clock: Clock;
  /** Uniform [0, 1) for backoff jitter; injected for tests. */
  random?: () => number;
  logger?: Logger;
  /** Client ping period; a socket that missed the previous pong when the next is due is dead. Default 20 s. */
  pingIntervalMs?: number;
  /** How long to wait for a SUBSCRIBE ack. Default 10 s. */
  ackTimeoutMs?: number;
  /** How long to wait for the socket to open. Default 30 s (as P). */
  connectTimeoutMs?: number;
  backoff?: BackoffPolicy;
  /** Reconnect attempts allowed after a loss; undefined = forever. */
  maxReconnectAttempts?: number;
  /**
   * Planned rotation: a connection this old is replaced (new one live before the old one
   * closes). Default 23 h, because Binance-style streams end connections at 24 h (Spot docs;
   * unknown for nbstream).
   */
  rotateAfterMs?: number;
  webSocketFactory?: WebSocketFactory;
}

/** Why the session moved to another subscription on a live socket or connection. */
export interface ListenKeySwap {
  reason: 'refresh' | 'expired' | 'rotation';
  /** The key changed (masking is the listener's job; the key itself is never in this event). */
  changed: boolean;
  atMs: number;
}

/**
 * The order-push session: fresh listen key → connect → SUBSCRIBE → live, reconnecting with
 * capped exponential backoff and full jitter on every network fault, stopping for good
 * (state `failed`) on an expired or unverified session. States and their transitions are in
 * session-state.ts; this class performs the side effects.
 */
export class StreamSession implements Disposable {
  private currentState: SessionState = { name: 'idle' };
  private connection: OrderStreamConnection | null = null;
  private readonly connectionStores = new Map<OrderStreamConnection, DisposableStore>();
  private subscribedKey: string | null = null;
  /** Bumped whenever in-flight async work must be abandoned (loss, stop, failure). */
  private runId = 0;
  private retryTimer: Disposable | null = null;
  private rotationTimer: Disposable | null = null;
  private rotating = false;
  private readonly subscriptions = new DisposableStore();
  private readonly opts: Required<
    Omit<StreamSessionOptions, 'maxReconnectAttempts' | 'logger' | 'random' | 'webSocketFactory'>
  > & {
    maxReconnectAttempts?: number;
  };
  private readonly logger: Logger;
  private readonly random: () => number;
  private readonly factory: WebSocketFactory;

  private readonly stateEmitter = new Emitter<{ state: SessionState; previous: SessionState }>({
    name: 'stream-session.state',
  });
  private readonly frameEmitter = new Emitter<ReceivedFrame>({ name: 'stream-session.frame' });
  private readonly swapEmitter = new Emitter<ListenKeySwap>({ name: 'stream-session.swap' });
  readonly onDidChangeState: Event<{ state: SessionState; previous: SessionState }> =
    this.stateEmitter.event;
  /** Every frame that is not an ack of ours, raw text included (mask before storing it). */
  readonly onDidReceiveFrame: Event<ReceivedFrame> = this.frameEmitter.event;
  /** The subscription moved to a (possibly) new key without a gap. */
  readonly onDidSwapListenKey: Event<ListenKeySwap> = this.swapEmitter.event;

  constructor(options: StreamSessionOptions) {
    this.opts = {
      wsUrl: options.wsUrl,
      listenKeys: options.listenKeys,
      clock: options.clock,
      pingIntervalMs: options.pingIntervalMs ?? 20_000,
      ackTimeoutMs: options.ackTimeoutMs ?? 10_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 30_000,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      rotateAfterMs: options.rotateAfterMs ?? 23 * 3_600_000,
      maxReconnectAttempts: options.maxReconnectAttempts,
    };
    this.logger = options.logger ?? nullLogger;
    this.random = options.random ?? Math.random;
    this.factory = options.webSocketFactory ?? defaultWebSocketFactory;
    const keys = options.listenKeys;
    this.subscriptions.add(
      keys.onDidRefresh((refresh) => {
        if (this.currentState.name === 'live' && refresh.resubscribe)
          void this.swapTo(refresh.key, 'refresh', this.runId);
      }),
    );
    this.subscriptions.add(
      keys.onDidFailRefresh(({ error, fatal }) => {
        if (fatal) this.fail(error);
      }),
    );
  }

  get state(): SessionState {
    return this.currentState;
  }

  /** Starts (or restarts after stopped/failed) the session. */
  start(): void {
    if (!this.dispatch({ type: 'start' })) return;
    void this.connect(++this.runId);
  }

  /** UNSUBSCRIBE, close the socket, state `stopped`. Quick: bounded by ~1.5 s. */
  async stop(): Promise<void> {
    if (this.currentState.name === 'idle' || isTerminal(this.currentState)) return;
    if (this.currentState.name === 'stopping') return;
    this.dispatch({ type: 'stop' });
    this.runId++;
    this.cancelTimers();
    this.opts.listenKeys.stop();
    const connection = this.connection;
    const key = this.subscribedKey;
    this.connection = null;
    this.subscribedKey = null;
    for (const other of [...this.connectionStores.keys()])
      if (other !== connection) this.dropConnection(other);
    if (connection) {
      if (key && connection.isOpen) {
        await connection
          .unsubscribe(key, Math.min(this.opts.ackTimeoutMs, 1_000))
          .catch(() => undefined);
      }
      this.connectionStores.get(connection)?.dispose();
      this.connectionStores.delete(connection);
      await connection.close(500);
    }
    this.dispatch({ type: 'closed' });
  }

  /**
   * Replaces the live stream now, as a planned rotation does: a fresh listen key on a new
   * connection, SUBSCRIBE, then the old connection closes. For a stream that answers pings but
   * proved (by reconciliation) to have stopped pushing. Nothing happens unless live.
   */
  replaceStream(): void {
    if (this.currentState.name !== 'live') return;
    this.logger.info('replacing the stream (fresh listen key, new subscription)');
    void this.rotate(this.runId);
  }

  dispose(): void {
    this.runId++;
    this.cancelTimers();
    for (const connection of [...this.connectionStores.keys()]) this.dropConnection(connection);
    this.connection = null;
    this.subscriptions.dispose();
    this.stateEmitter.dispose();
    this.frameEmitter.dispose();
    this.swapEmitter.dispose();
  }

  private dispatch(event: SessionEvent): boolean {
    const previous = this.currentState;
    const next = transition(previous, event, {
      maxReconnectAttempts: this.opts.maxReconnectAttempts,
    });
    if (next === previous) return false;
    this.currentState = next;
    this.logger.info('stream state', {
      state: next.name,
      ...('reason' in next ? { reason: next.reason } : {}),
    });
    this.stateEmitter.fire({ state: next, previous });
    return true;
  }

  private isStale(runId: number): boolean {
    return (
      runId !== this.runId || this.currentState.name === 'stopping' || isTerminal(this.currentState)
    );
  }

  private async connect(runId: number): Promise<void> {
    // Every (re)connect POSTs for a fresh key: a stale key is what made the old scripts go silent.
    const key = await this.acquireKey(runId, 'LISTEN_KEY_FAILED');
    if (key === null || this.isStale(runId)) return;
    const connection = this.newConnection();
    try {
      await connection.open();
    } catch (error) {
      this.dropConnection(connection);
      if (!this.isStale(runId)) this.lost(reasonOf(error));
      return;
    }
    if (this.isStale(runId)) {
      this.dropConnection(connection);
      return;
    }
    this.connection = connection;
    this.dispatch({ type: 'socket-open' });
    try {
      await connection.subscribe(key);
    } catch (error) {
      if (!this.isStale(runId)) this.lost({ code: 'SUBSCRIBE_FAILED', cause: reasonOf(error) });
      return;
    }
    if (this.isStale(runId)) return;
    this.subscribedKey = key;
    this.dispatch({ type: 'subscribed', atMs: this.opts.clock.now() });
    this.scheduleRotation();
  }

  private newConnection(): OrderStreamConnection {
    const connection = new OrderStreamConnection({
      url: this.opts.wsUrl,
      clock: this.opts.clock,
      factory: this.factory,
      connectTimeoutMs: this.opts.connectTimeoutMs,
      ackTimeoutMs: this.opts.ackTimeoutMs,
      pingIntervalMs: this.opts.pingIntervalMs,
    });
    const store = new DisposableStore();
    this.connectionStores.set(connection, store);
    store.add(connection.onDidReceiveFrame((frame) => this.onFrame(frame)));
    store.add(
      connection.onDidClose(({ reason }) => {
        if (connection === this.connection) this.lost(reason);
        else this.dropConnection(connection);
      }),
    );
    return connection;
  }

  private dropConnection(connection: OrderStreamConnection): void {
    this.connectionStores.get(connection)?.dispose();
    this.connectionStores.delete(connection);
    connection.dispose();
  }

  private onFrame(frame: ReceivedFrame): void {
    const { parsed } = frame;
    if (
      parsed.kind === 'other-event' &&
      parsed.event.type === 'listenKeyExpired' &&
      this.currentState.name === 'live'
    ) {
      // Never captured on nbstream; if it comes, the key is dead: get a new one, resubscribe.
      void this.renewAfterExpiry(this.runId);
    }
    this.frameEmitter.fire(frame);
  }

  private async renewAfterExpiry(runId: number): Promise<void> {
    const key = await this.acquireKey(runId, 'LISTEN_KEY_AFTER_EXPIRY_FAILED');
    if (key !== null) await this.swapTo(key, 'expired', runId);
  }

  /**
   * POSTs for a fresh key. On failure the session fails for good (expired or unusable session)
   * or counts a loss and retries (`step` is the reason's code, the cause inside it); null then,
   * and also when the run was abandoned meanwhile.
   */
  private async acquireKey(
    runId: number,
    step: 'LISTEN_KEY_FAILED' | 'LISTEN_KEY_AFTER_EXPIRY_FAILED',
  ): Promise<string | null> {
    try {
      return await this.opts.listenKeys.acquire();
    } catch (error) {
      if (this.isStale(runId)) return null;
      if (isFatalAuthError(error)) this.fail(error);
      else this.lost({ code: step, cause: reasonOf(error) });
      return null;
    }
  }

  /** Subscribes `key` on the live socket, then unsubscribes the old key: no gap in between. */
  private async swapTo(key: string, reason: ListenKeySwap['reason'], runId: number): Promise<void> {
    const connection = this.connection;
    if (!connection || this.isStale(runId)) return;
    const oldKey = this.subscribedKey;
    try {
      await connection.subscribe(key);
    } catch (error) {
      if (!this.isStale(runId) && connection === this.connection)
        this.lost({ code: 'RESUBSCRIBE_FAILED', cause: reasonOf(error) });
      return;
    }
    if (this.isStale(runId) || connection !== this.connection) return;
    this.subscribedKey = key;
    if (oldKey && oldKey !== key) await connection.unsubscribe(oldKey).catch(() => undefined);
    this.swapEmitter.fire({ reason, changed: oldKey !== key, atMs: this.opts.clock.now() });
  }

  private scheduleRotation(delayMs = this.opts.rotateAfterMs): void {
    this.rotationTimer?.dispose();
    this.rotationTimer = this.opts.clock.setTimeout(() => void this.rotate(this.runId), delayMs);
  }

  /** Planned reconnect: the new connection is live before the old one closes. */
  private async rotate(runId: number): Promise<void> {
    if (this.rotating || this.isStale(runId) || this.currentState.name !== 'live') return;
    this.rotating = true;
    const next = this.newConnection();
    try {
      const key = await this.opts.listenKeys.acquire();
      await next.open();
      await next.subscribe(key);
      if (this.isStale(runId)) throw new Error('session changed during rotation');
      const old = this.connection;
      const oldKey = this.subscribedKey;
      this.connection = next;
      this.subscribedKey = key;
      this.logger.info('stream rotated to a new connection');
      this.swapEmitter.fire({
        reason: 'rotation',
        changed: key !== oldKey,
        atMs: this.opts.clock.now(),
      });
      if (old) {
        this.connectionStores.get(old)?.dispose();
        this.connectionStores.delete(old);
        if (oldKey && old.isOpen)
          await old
            .unsubscribe(oldKey, Math.min(this.opts.ackTimeoutMs, 1_000))
            .catch(() => undefined);
        await old.close(500);
      }
      this.scheduleRotation();
    } catch (error) {
      this.dropConnection(next);
      if (isFatalAuthError(error)) {
        this.fail(error);
      } else if (!this.isStale(runId)) {
        this.logger.warn('stream rotation failed; keeping the current connection', {
          reason: maskFrameText((error as Error).message),
        });
        this.scheduleRotation(Math.min(60_000, this.opts.rotateAfterMs));
      }
    } finally {
      this.rotating = false;
    }
  }

  private lost(rawReason: Reason): void {
    if (this.currentState.name === 'stopping' || isTerminal(this.currentState)) return;
    // Reasons reach logs, the journal and the renderer; an error message may echo a key.
    const reason = maskReason(rawReason);
    this.runId++;
    this.cancelTimers();
    for (const connection of [...this.connectionStores.keys()]) this.dropConnection(connection);
    this.connection = null;
    this.subscribedKey = null;
    const delayMs = backoffDelayMs(nextAttempt(this.currentState), this.opts.backoff, this.random);
    this.logger.warn('stream connection lost', { reason, retryInMs: delayMs });
    this.dispatch({ type: 'connection-lost', reason, delayMs });
    if (this.currentState.name === 'failed') {
      this.opts.listenKeys.stop();
      return;
    }
    const runId = this.runId;
    this.retryTimer = this.opts.clock.setTimeout(() => {
      if (runId !== this.runId) return;
      if (this.dispatch({ type: 'retry-due' })) void this.connect(runId);
    }, delayMs);
  }

  private fail(error: unknown): void {
    if (isTerminal(this.currentState) || this.currentState.name === 'stopping') return;
    this.runId++;
    this.cancelTimers();
    for (const connection of [...this.connectionStores.keys()]) this.dropConnection(connection);
    this.connection = null;
    this.subscribedKey = null;
    this.opts.listenKeys.stop();
    const code = (error as { code?: string }).code ?? 'FATAL';
    this.dispatch({ type: 'fatal', reason: maskReason(reasonOf(error)), code });
  }

  private cancelTimers(): void {
    this.retryTimer?.dispose();
    this.retryTimer = null;
    this.rotationTimer?.dispose();
    this.rotationTimer = null;
  }
}
