import { describeReason } from '../../../shared/reasons/reason-text.ts';
import type { Event } from '../../../shared/event/emitter.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import type { SessionCredentials } from '../credentials/session-credentials.ts';
import {
  createAccountMonitor,
  type AccountMonitor,
  type AccountMonitorSettings,
} from '../monitor/index.ts';
import { AlphaRestClient, DEFAULT_REST_URL } from '../rest/index.ts';
import { DEFAULT_WS_URL } from '../stream/index.ts';
import { orderUpdatesOf } from './order-updates-of.ts';
import type { OrderUpdateEvent, StrategyRestPort } from './strategy-ports.ts';

/** A REST client plus a live order stream for one account: what a standalone run needs. */
export interface StrategyConnection {
  rest: StrategyRestPort;
  orderUpdates: OrderUpdateEvent;
  clock: Clock;
  /** The monitor, when a stream was opened. */
  monitor: AccountMonitor | null;
  /** The stream gave up for good (e.g. SESSION_EXPIRED): pass to createStrategyRun. */
  sessionFailures: Event<{ code: string; reason: string }>;
  dispose(): Promise<void>;
}

/** Why the connection could not be made, with a stable code. */
export class StrategyConnectionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StrategyConnectionError';
  }
}

export interface StrategyConnectionOptions {
  restUrl?: string;
  wsUrl?: string;
  credentials: SessionCredentials;
  accountId: string;
  logger: Logger;
  clock?: Clock;
  /** False for a dry run: no stream is opened. */
  needStream: boolean;
  /** Monitor tunables (renew/ping intervals, reconnect attempts). */
  monitorSettings?: AccountMonitorSettings;
  /** How long to wait for the stream to be live. Default 20 s. */
  liveTimeoutMs?: number;
}

/**
 * Opens the account's REST client and order stream, and resolves once the stream is live:
 * the strategy waits for fills on it, so it must not place an order before. Used by the CLI;
 * the desktop app passes its existing monitor's updates to createStrategyRun instead.
 */
export async function openStrategyConnection(
  options: StrategyConnectionOptions,
): Promise<StrategyConnection> {
  const clock = options.clock ?? systemClock;
  const rest = new AlphaRestClient({
    baseUrl: options.restUrl ?? DEFAULT_REST_URL,
    credentials: options.credentials,
    logger: options.logger,
  });
  if (!options.needStream) {
    const never = () => ({ dispose() {} });
    return {
      rest,
      orderUpdates: never,
      sessionFailures: never,
      clock,
      monitor: null,
      dispose: async () => {},
    };
  }
  const monitor = createAccountMonitor({
    accountId: options.accountId,
    rest,
    wsUrl: options.wsUrl ?? DEFAULT_WS_URL,
    clock,
    logger: options.logger,
    options: options.monitorSettings,
  });
  const connection: StrategyConnection = {
    rest,
    orderUpdates: orderUpdatesOf(monitor),
    sessionFailures: (listener) =>
      monitor.onDidChangeState(({ state }) => {
        if (state.name === 'failed')
          listener({ code: state.code, reason: describeReason('en', state.reason) });
      }),
    clock,
    monitor,
    dispose: () => Promise.resolve(monitor.dispose()),
  };
  try {
    await waitLive(monitor, clock, options.liveTimeoutMs ?? 20_000);
  } catch (error) {
    await connection.dispose();
    throw error;
  }
  return connection;
}

function waitLive(monitor: AccountMonitor, clock: Clock, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const state = monitor.state;
      if (state.name === 'live') finish();
      else if (state.name === 'failed')
        finish(new StrategyConnectionError(state.code, describeReason('en', state.reason)));
      else if (state.name === 'stopped')
        finish(new StrategyConnectionError('STREAM_NOT_LIVE', 'the order stream stopped'));
    };
    const subscription = monitor.onDidChangeState(check);
    const timer = clock.setTimeout(
      () =>
        finish(
          new StrategyConnectionError(
            'STREAM_NOT_LIVE',
            'the order stream did not come up in time',
          ),
        ),
      timeoutMs,
    );
    const finish = (error?: Error) => {
      subscription.dispose();
      timer.dispose();
      if (error) reject(error);
      else resolve();
    };
    monitor.start();
    check();
  });
}
