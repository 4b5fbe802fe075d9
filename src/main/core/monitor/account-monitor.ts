import { Emitter, type Event } from '../../../shared/event/emitter.ts';
import { DisposableStore, type AsyncDisposable } from '../../../shared/lifecycle/disposable.ts';
import {
  receivedExecutionType,
  receivedStatus,
  type OrderUpdate,
  type UpdateSource,
} from '../../../shared/domain/order-update.ts';
import { maskListenKey } from '../../../shared/secrets/mask.ts';
import type { UpdateVerdict } from '../../../shared/domain/update-verdict.ts';
import { OrderBook, type ApplyOutcome } from '../book/order-book.ts';
import {
  ConnectionCounter,
  type BookStatistics,
  type ConnectionCounts,
} from '../book/book-statistics.ts';
import { ListenKeyService, type ListenKeyApi } from '../listen-key/listen-key-service.ts';
import { maskFrameText, truncateForLog } from '../parser/mask-frame.ts';
import type { OtherEvent } from '../parser/frame-types.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import { nullLogger, type Logger } from '../ports/logger.ts';
import type { BackoffPolicy } from '../stream/backoff.ts';
import type { ReceivedFrame } from '../stream/order-stream-connection.ts';
import type { SessionState } from '../stream/session-state.ts';
import { StreamSession } from '../stream/stream-session.ts';
import type { WebSocketFactory } from '../stream/web-socket-factory.ts';
import type { ReconcileApi } from './backfill.ts';
import {
  Reconciler,
  type ReconcileResult,
  type ReconcilerSettings,
  type ReconcileTrigger,
} from './reconciler.ts';
import { RestBudget, withRestBudget } from './rest-budget.ts';
import { trackListenKeyRequests, type ListenKeyRequests } from './listen-key-requests.ts';
import type { StatusUnknown } from './status-unknown.ts';
import { maskKnownListenKeysDeep } from '../../../shared/secrets/listen-key-registry.ts';

/** Tunables of one monitor (all optional). */
export interface AccountMonitorSettings {
  /** Listen-key re-POST period. Default 30 min. */
  renewIntervalMs?: number;
  /** Client ping period. Default 20 s. */
  pingIntervalMs?: number;
  ackTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Reconnect attempts after a loss; undefined = forever. */
  maxReconnectAttempts?: number;
  backoff?: BackoffPolicy;
  /** Planned connection rotation. Default 23 h. */
  rotateAfterMs?: number;
  /** Reconcile over REST after a gap. Default true. */
  reconcile?: boolean;
  /** Widens the reconciliation window on both sides (clock skew). Default 60 s. */
  reconcileMarginMs?: number;
  /** While any order is open, reconcile this often (`--reconcile-interval`). Default 60 s. */
  reconcileIntervalMs?: number;
  /** With no open order, reconcile this often. Default 15 min. */
  idleReconcileIntervalMs?: number;
  /** How long a difference found on the clock may wait for the stream before it counts. Default 5 s. */
  reconcileGraceMs?: number;
  /** Least time between two private REST calls of the account. Default 300 ms. */
  restSpacingMs?: number;
  random?: () => number;
  webSocketFactory?: WebSocketFactory;
}

export interface AccountMonitorOptions {
  accountId: string;
  /** An AlphaRestClient for the account. */
  rest: ListenKeyApi & ReconcileApi;
  wsUrl: string;
  clock?: Clock;
  logger?: Logger;
  options?: AccountMonitorSettings;
}

/** One order update as the monitor hands it on. */
export interface MonitorOrderUpdate {
  update: OrderUpdate;
  source: UpdateSource;
  receivedAtMs: number;
  /** The order book's verdict: applied / late / duplicate, why, and what it counted. */
  verdict: UpdateVerdict;
  /** False for a duplicate (dropped); true otherwise, late ones included. */
  accepted: boolean;
  /** `verdict.outcome`. */
  outcome: ApplyOutcome;
  /**
   * The frame it came from, listen key masked (the text `onDidReceiveFrame` gave), so a journal
   * writes the two as one record; null for a backfill update, or when nothing listens to frames.
   */
  frameText?: string | null;
}

/** A frame as received, listen key masked; `carriesUpdate`: its order update follows. */
export interface MonitorFrame {
  text: string;
  receivedAtMs: number;
  carriesUpdate: boolean;
}

/** Statistics of a monitor: the book's plus the session's (reconnects and gaps by the one rule). */
export interface MonitorStatistics extends BookStatistics, ConnectionCounts {
  /** Frames that could not be read (dropped, never counted as updates). */
  malformed: number;
  /** Events other than executionReport. */
  otherEvents: number;
  /** Successful listen-key re-POSTs plus renewals after an expiry. */
  listenKeyRefreshes: number;
  /** As the old script counted: "connected" (reached live) and "error" (connection lost) events. */
  connectionEvents: number;
  /** REST reconciliations that failed (the gap may hide updates; see the log). */
  reconcileErrors: number;
  /**
   * Updates a live stream should have delivered but a clock reconciliation found over REST
   * (each time, the stream was replaced).
   */
  missedByStream: number;
  /** Orders shown now as "status unknown: not open on the exchange". */
  statusUnknown: number;
  /**
   * Orders with a fill the stream lost that the exchange does not list either (asked
   * `HOLE_ATTEMPTS` times): their fills, fees and wear may be short.
   */
  fillsNotRecovered: number;
}

/** A finished reconciliation, as the monitor reports it. */
export type ReconcileEvent = ReconcileResult;
export type { ReconcileTrigger, StatusUnknown };

/** One account's live session: listen key + stream + order book. */
export interface AccountMonitor extends AsyncDisposable {
  readonly accountId: string;
  readonly state: SessionState;
  readonly book: OrderBook;
  readonly stats: MonitorStatistics;
  /** The current listen key, masked (`ff950c2e0d...`), or null before the first one. */
  readonly maskedListenKey: string | null;
  start(): void;
  /** Unsubscribe, close, state `stopped`. */
  stop(): Promise<void>;
  readonly onDidChangeState: Event<{ state: SessionState; previous: SessionState }>;
  readonly onDidReceiveOrderUpdate: Event<MonitorOrderUpdate>;
  /**
   * Raw frame text with the listen key masked (masked here, once), before it is applied. A frame
   * that `carriesUpdate` is followed by its update, with the same text as `frameText`.
   */
  readonly onDidReceiveFrame: Event<MonitorFrame>;
  readonly onDidReceiveOtherEvent: Event<{ event: OtherEvent; receivedAtMs: number }>;
  readonly onDidReceiveMalformedFrame: Event<{
    reason: string;
    preview: string;
    receivedAtMs: number;
  }>;
  /** The listen key was re-POSTed or renewed; only the masked key is given. */
  readonly onDidRefreshListenKey: Event<{ maskedKey: string; changed: boolean; atMs: number }>;
  /**
   * A REST reconciliation finished (at start, after a gap, or on the clock). On the clock,
   * `missedByStream > 0` means the stream missed updates (recovered over REST) and is replaced.
   */
  readonly onDidReconcile: Event<ReconcileEvent>;
  /** The order's "status unknown: not open on the exchange" mark, or null. */
  statusUnknownOf(orderId: string): StatusUnknown | null;
}

/** Builds (does not start) a monitor for one account. */
export function createAccountMonitor(options: AccountMonitorOptions): AccountMonitor {
  return new AccountMonitorImpl(options);
}

class AccountMonitorImpl implements AccountMonitor {
  readonly accountId: string;
  readonly book = new OrderBook();
  private readonly clock: Clock;
  private readonly logger: Logger;
  /** Status and execution type values we do not know, logged once each. */
  private readonly unrecognizedLogged = new Set<string>();
  private readonly keys: ListenKeyService;
  private readonly session: StreamSession;
  private readonly store = new DisposableStore();
  private readonly settings: AccountMonitorSettings;
  private readonly reconciler: Reconciler;
  private readonly keyRequests: ListenKeyRequests;
  private counters = {
    missedByStream: 0,
    malformed: 0,
    otherEvents: 0,
    listenKeyRefreshes: 0,
    connectionEvents: 0,
    reconcileErrors: 0,
  };
  private readonly connectionCounter = new ConnectionCounter();
  private wasLive = false;
  private liveEndedAtMs: number | null = null;
  private lastFrameAtMs: number | null = null;
  private startedAtMs: number | null = null;
  /** A scheduled listen-key refresh failed since the subscription last moved. */
  private refreshFailedSinceSwap = false;

  private readonly updateEmitter = new Emitter<MonitorOrderUpdate>({
    name: 'account-monitor.update',
  });
  private readonly frameEmitter = new Emitter<MonitorFrame>({ name: 'account-monitor.frame' });
  private readonly otherEmitter = new Emitter<{ event: OtherEvent; receivedAtMs: number }>({
    name: 'account-monitor.other',
  });
  private readonly malformedEmitter = new Emitter<{
    reason: string;
    preview: string;
    receivedAtMs: number;
  }>({ name: 'account-monitor.malformed' });
  private readonly refreshEmitter = new Emitter<{
    maskedKey: string;
    changed: boolean;
    atMs: number;
  }>({ name: 'account-monitor.refresh' });
  private readonly reconcileEmitter = new Emitter<ReconcileEvent>({
    name: 'account-monitor.reconcile',
  });
  readonly onDidReceiveOrderUpdate = this.updateEmitter.event;
  readonly onDidReceiveFrame = this.frameEmitter.event;
  readonly onDidReceiveOtherEvent = this.otherEmitter.event;
  readonly onDidReceiveMalformedFrame = this.malformedEmitter.event;
  readonly onDidRefreshListenKey = this.refreshEmitter.event;
  readonly onDidReconcile = this.reconcileEmitter.event;
  readonly onDidChangeState: Event<{ state: SessionState; previous: SessionState }>;

  constructor(options: AccountMonitorOptions) {
    this.accountId = options.accountId;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? nullLogger;
    this.settings = options.options ?? {};
    // One budget for every private call of the account: reconciliation never bursts.
    const budgeted = withRestBudget(
      options.rest,
      new RestBudget({ clock: this.clock, minSpacingMs: this.settings.restSpacingMs }),
    );
    const tracked = trackListenKeyRequests(budgeted);
    this.keyRequests = tracked;
    const rest = tracked.api;
    this.keys = new ListenKeyService({
      api: rest,
      clock: this.clock,
      renewIntervalMs: this.settings.renewIntervalMs,
      logger: this.logger,
    });
    this.session = new StreamSession({
      wsUrl: options.wsUrl,
      listenKeys: this.keys,
      clock: this.clock,
      logger: this.logger,
      random: this.settings.random,
      pingIntervalMs: this.settings.pingIntervalMs,
      ackTimeoutMs: this.settings.ackTimeoutMs,
      connectTimeoutMs: this.settings.connectTimeoutMs,
      maxReconnectAttempts: this.settings.maxReconnectAttempts,
      backoff: this.settings.backoff,
      rotateAfterMs: this.settings.rotateAfterMs,
      webSocketFactory: this.settings.webSocketFactory,
    });
    this.onDidChangeState = this.session.onDidChangeState;
    this.reconciler = new Reconciler({
      api: rest,
      book: this.book,
      clock: this.clock,
      logger: this.logger,
      apply: (update) => this.applyUpdate(update, 'backfill', this.clock.now()),
      isLive: () => this.session.state.name === 'live',
      replaceStream: () => this.session.replaceStream(),
      onResult: (result) => this.onReconciled(result),
      settings: reconcilerSettingsOf(this.settings),
    });
    this.store.add(
      this.session.onDidChangeState(({ state, previous }) => this.onState(state, previous)),
    );
    this.store.add(this.session.onDidReceiveFrame((frame) => this.onFrame(frame)));
    this.store.add(
      this.keys.onDidRefresh((r) => {
        this.counters.listenKeyRefreshes++;
        this.refreshEmitter.fire({
          maskedKey: maskListenKey(r.key),
          changed: r.changed,
          atMs: r.atMs,
        });
      }),
    );
    this.store.add(
      this.keys.onDidFailRefresh(() => {
        this.refreshFailedSinceSwap = true;
      }),
    );
    this.store.add(
      this.session.onDidSwapListenKey((swap) => {
        if (swap.reason === 'expired') {
          this.counters.listenKeyRefreshes++;
          const key = this.keys.current;
          this.refreshEmitter.fire({
            maskedKey: key ? maskListenKey(key) : '...',
            changed: swap.changed,
            atMs: swap.atMs,
          });
        }
        // The old subscription may have been dead for a while: its key expired, the server
        // handed out a new key (the old one may have stopped at once), or a refresh failed and
        // the key may have lapsed. Pushes in that window went nowhere: recover them. Moving to
        // the same key after good refreshes had no gap.
        const gap = swap.reason === 'expired' || swap.changed || this.refreshFailedSinceSwap;
        this.refreshFailedSinceSwap = false;
        if (gap)
          this.scheduleReconcile(
            'gap',
            this.lastFrameAtMs ?? this.startedAtMs ?? swap.atMs,
            swap.atMs,
          );
      }),
    );
  }

  get state(): SessionState {
    return this.session.state;
  }

  get maskedListenKey(): string | null {
    const key = this.keys.current;
    return key === null ? null : maskListenKey(key);
  }

  get stats(): MonitorStatistics {
    return {
      ...this.book.statistics(),
      ...this.counters,
      ...this.connectionCounter.counts(),
      statusUnknown: this.reconciler.statusUnknownOrders().length,
      fillsNotRecovered: this.reconciler.fillsNotRecoveredOrders().length,
    };
  }

  statusUnknownOf(orderId: string): StatusUnknown | null {
    return this.reconciler.statusUnknownOf(orderId);
  }

  start(): void {
    this.startedAtMs ??= this.clock.now();
    this.session.start();
  }

  async stop(): Promise<void> {
    this.reconciler.stopClock();
    await this.session.stop();
    // A listen-key POST still running (a monitor stopped while starting) ends here, not later
    // against an exchange that may be closing.
    await this.keyRequests.cancelAndWait();
    // A reconciliation in flight may wait on a slow REST call; a stop must stay quick.
    await Promise.race([
      this.reconciler.idle,
      new Promise((resolve) => setTimeout(resolve, 300).unref()),
    ]);
  }

  async dispose(): Promise<void> {
    await this.stop().catch(() => undefined);
    this.reconciler.dispose();
    this.session.dispose();
    this.keys.dispose();
    this.store.dispose();
    for (const e of [
      this.updateEmitter,
      this.frameEmitter,
      this.otherEmitter,
      this.malformedEmitter,
      this.refreshEmitter,
      this.reconcileEmitter,
    ])
      e.dispose();
  }

  private onState(state: SessionState, previous: SessionState): void {
    this.connectionCounter.onState(state.name);
    if (state.name === 'live') {
      this.counters.connectionEvents++;
      // A fresh key on a fresh connection, and the reconnect reconciles on its own.
      this.refreshFailedSinceSwap = false;
      if (this.wasLive) {
        const gapStart = this.liveEndedAtMs ?? this.clock.now();
        this.scheduleReconcile('gap', gapStart, this.clock.now());
      } else {
        // The first subscription is acknowledged: start from the exchange's truth, so nothing
        // that changed while connecting (refused connections, a slow start) is lost.
        this.scheduleReconcile('start', this.startedAtMs ?? this.clock.now(), this.clock.now());
        if (this.settings.reconcile !== false) this.reconciler.startClock();
      }
      this.wasLive = true;
    } else if (previous.name === 'live' && state.name === 'reconnecting') {
      this.counters.connectionEvents++;
      this.liveEndedAtMs =
        this.lastFrameAtMs !== null
          ? Math.min(this.lastFrameAtMs, this.clock.now())
          : this.clock.now();
    } else if (state.name === 'reconnecting' || state.name === 'failed') {
      this.counters.connectionEvents++;
    }
  }

  private onFrame(frame: ReceivedFrame): void {
    const { parsed, receivedAtMs } = frame;
    this.lastFrameAtMs = receivedAtMs;
    const carriesUpdate = parsed.kind === 'order-update';
    let text: string | null = null;
    if (this.frameEmitter.hasListeners) {
      text = maskFrameText(frame.text);
      this.frameEmitter.fire({ text, receivedAtMs, carriesUpdate });
    }
    switch (parsed.kind) {
      case 'order-update':
        this.applyUpdate(parsed.update, 'stream', receivedAtMs, text);
        return;
      case 'other-event':
        this.counters.otherEvents++;
        // An unknown event's fields are passed on as they came: mask any key of ours in them.
        this.otherEmitter.fire({ event: maskKnownListenKeysDeep(parsed.event), receivedAtMs });
        return;
      case 'malformed': {
        this.counters.malformed++;
        const preview = truncateForLog(frame.text);
        this.logger.warn('malformed frame dropped', { reason: parsed.reason, frame: preview });
        this.malformedEmitter.fire({ reason: parsed.reason, preview, receivedAtMs });
        return;
      }
      case 'ack':
      case 'request-error':
        // Replies to requests that are no longer pending (e.g. after a timeout): nothing to do.
        return;
    }
  }

  private applyUpdate(
    update: OrderUpdate,
    source: UpdateSource,
    receivedAtMs: number,
    frameText: string | null = null,
  ): ApplyOutcome {
    if (update.status === 'UNRECOGNIZED' || update.executionType === 'UNRECOGNIZED')
      this.noteUnrecognized(update, source);
    const verdict = this.book.apply(update, source, receivedAtMs);
    const outcome = verdict.outcome;
    this.updateEmitter.fire({
      update,
      source,
      receivedAtMs,
      verdict,
      accepted: outcome !== 'duplicate',
      outcome,
      frameText,
    });
    return outcome;
  }

  /**
   * Alpha's statuses beyond the captured ones are unknown (ALPHA-PROTOCOL.md §4): an update with
   * one we do not know is kept (its order stays open; reconciliation decides), and each such
   * value is logged once per monitor.
   */
  private noteUnrecognized(update: OrderUpdate, source: UpdateSource): void {
    const status = receivedStatus(update);
    const executionType = receivedExecutionType(update);
    const key = `${status}|${executionType}`;
    if (this.unrecognizedLogged.has(key)) return;
    this.unrecognizedLogged.add(key);
    this.logger.warn('order update with a status or execution type Alpha Monitor does not know', {
      status,
      executionType,
      orderId: update.orderId,
      source,
    });
  }

  private scheduleReconcile(trigger: ReconcileTrigger, gapStartMs: number, gapEndMs: number): void {
    if (this.settings.reconcile === false) return;
    this.reconciler.schedule(trigger, gapStartMs, gapEndMs);
  }

  private onReconciled(result: ReconcileResult): void {
    if (result.error !== undefined) this.counters.reconcileErrors++;
    this.counters.missedByStream += result.missedByStream;
    this.reconcileEmitter.fire(result);
  }
}

function reconcilerSettingsOf(settings: AccountMonitorSettings): ReconcilerSettings {
  return {
    marginMs: settings.reconcileMarginMs,
    intervalMs: settings.reconcileIntervalMs,
    idleIntervalMs: settings.idleReconcileIntervalMs,
    graceMs: settings.reconcileGraceMs,
  };
}
