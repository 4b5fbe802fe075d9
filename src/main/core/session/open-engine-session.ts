import type { Event } from '../../../shared/event/emitter.ts';
import type { SessionCredentials } from '../credentials/session-credentials.ts';
import {
  createAccountMonitor,
  type AccountMonitor,
  type AccountMonitorSettings,
  type MonitorOrderUpdate,
} from '../monitor/index.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import { nullLogger, type Logger } from '../ports/logger.ts';
import { AlphaRestClient } from '../rest/index.ts';
import type { Problem } from '../../../shared/reasons/reason.ts';
import { liveProbeOf, waitUntilLive, type LiveStateSource } from './wait-until-live.ts';

/** Where one account's session goes and with what. */
export interface EngineSessionOptions {
  accountId: string;
  restUrl: string;
  wsUrl: string;
  credentials: SessionCredentials;
  clock?: Clock;
  logger?: Logger;
  /** Per-request REST timeout (the client's default: 10 s). */
  restTimeoutMs?: number;
  /** Monitor tunables (renew/ping/reconcile intervals, reconnect attempts). */
  monitor?: AccountMonitorSettings;
}

/** The account's REST client: what a session without a stream (a dry run, a probe) needs. */
export interface AccountRest {
  readonly accountId: string;
  readonly rest: AlphaRestClient;
  readonly clock: Clock;
}

/**
 * One account's engine session: the REST client, and the monitor on it (listen key, order
 * stream, order book). Built once here for watch, check, strategy, the app and the host.
 */
export interface EngineSession extends AccountRest {
  readonly monitor: AccountMonitor;
  /**
   * The monitor's order updates (live and recovered over REST) with the book's verdict on each,
   * as the strategy reads them.
   */
  readonly orderUpdates: Event<Pick<MonitorOrderUpdate, 'update' | 'verdict'>>;
  /** The stream gave up for good (e.g. SESSION_EXPIRED): its code and reason, as the strategy's port takes it. */
  readonly sessionFailures: Event<Problem>;
  /** The monitor's state, for waitUntilLive. */
  readonly liveState: LiveStateSource;
  /** Starts the monitor (listen key, stream); idempotent while running. */
  start(): void;
  /**
   * Starts a session not yet started and resolves once live; rejects with a SessionNotLiveError (refused,
   * stopped, timed out) and leaves the session to its owner to dispose.
   */
  waitUntilLive(options?: { timeoutMs?: number; signal?: AbortSignal }): Promise<void>;
  /** Stops the monitor (an in-flight listen-key request included) and releases everything. */
  dispose(): Promise<void>;
}

/** How long openEngineSession waits for the stream by default. */
export const DEFAULT_LIVE_TIMEOUT_MS = 20_000;

/** The account's REST client, built the one way every session builds it. */
export function createAccountRest(
  options: Omit<EngineSessionOptions, 'wsUrl' | 'monitor'>,
): AccountRest {
  return {
    accountId: options.accountId,
    clock: options.clock ?? systemClock,
    rest: new AlphaRestClient({
      baseUrl: options.restUrl,
      credentials: options.credentials,
      logger: options.logger ?? nullLogger,
      ...(options.restTimeoutMs !== undefined ? { timeoutMs: options.restTimeoutMs } : {}),
    }),
  };
}

/** Builds an engine session without starting it (watch and the app start it themselves). */
export function createEngineSession(options: EngineSessionOptions): EngineSession {
  const { accountId, rest, clock } = createAccountRest(options);
  const monitor = createAccountMonitor({
    accountId,
    rest,
    wsUrl: options.wsUrl,
    clock,
    logger: options.logger ?? nullLogger,
    options: options.monitor,
  });
  const liveState: LiveStateSource = {
    current: () => liveProbeOf(monitor.state),
    onDidChange: monitor.onDidChangeState,
  };
  return {
    accountId,
    rest,
    clock,
    monitor,
    liveState,
    orderUpdates: (listener) =>
      monitor.onDidReceiveOrderUpdate(({ update, verdict }) => listener({ update, verdict })),
    sessionFailures: (listener) =>
      monitor.onDidChangeState(({ state }) => {
        if (state.name === 'failed') listener({ code: state.code, reason: state.reason });
      }),
    start: () => monitor.start(),
    waitUntilLive(waitOptions = {}) {
      // Only a session never started is started here: a failed one stays failed (and says so).
      if (monitor.state.name === 'idle') monitor.start();
      return waitUntilLive(liveState, { clock, ...waitOptions });
    },
    // The monitor's dispose waits for its stop (unsubscribe, close, listen-key request).
    dispose: () => monitor.dispose(),
  };
}

/**
 * Opens an engine session and resolves once its stream is live (default within 20 s). On any
 * failure the session is disposed before the SessionNotLiveError reaches the caller.
 */
export async function openEngineSession(
  options: EngineSessionOptions & { liveTimeoutMs?: number; signal?: AbortSignal },
): Promise<EngineSession> {
  const session = createEngineSession(options);
  try {
    await session.waitUntilLive({
      timeoutMs: options.liveTimeoutMs ?? DEFAULT_LIVE_TIMEOUT_MS,
      signal: options.signal,
    });
  } catch (error) {
    await session.dispose();
    throw error;
  }
  return session;
}
