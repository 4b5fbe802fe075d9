/**
 * The real engine behind the app's ports: AccountMonitor for MonitorSession, the simulator
 * for the demo exchange. Kept apart from the services so they stay testable with fakes.
 */
import { Emitter } from '../../shared/event/emitter.ts';
import { assertNever } from '../../shared/assert-never.ts';
import { DEFAULT_RENEW_INTERVAL_MS } from '../core/listen-key/index.ts';
import type { SessionState } from '../core/stream/index.ts';
import { createEngineSession } from '../core/session/index.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';
import { startSimulator } from '../sim/index.ts';
import { bookOrderOf } from './book-orders.ts';
import type {
  DemoExchangeFactory,
  MonitorFactory,
  MonitorSession,
  MonitorStateChange,
} from './ports.ts';

export function createEngineMonitorFactory(deps: { clock: Clock; logger: Logger }): MonitorFactory {
  return (connection, options) => {
    // The one factory of an engine session: this app's monitors are built as watch's are.
    const engine = createEngineSession({
      ...connection,
      clock: deps.clock,
      logger: deps.logger,
      monitor: {
        renewIntervalMs: DEFAULT_RENEW_INTERVAL_MS,
        reconcileIntervalMs: options.reconcileIntervalMs,
      },
    });
    const { monitor } = engine;
    const stateEmitter = new Emitter<MonitorStateChange>({ name: 'engine-monitor.state' });
    let key: {
      maskedListenKey: string;
      listenKeyObtainedAtMs: number;
      nextListenKeyRefreshAtMs: number;
    } | null = null;
    const change = (state: SessionState): MonitorStateChange => {
      // Every (re)connect POSTs for a key without a refresh event: the first one, or a fresh
      // one after a reconnect, shows up here. Its age and next refresh start over with it.
      const current = monitor.maskedListenKey;
      if (current && current !== key?.maskedListenKey) {
        const atMs = deps.clock.now();
        key = {
          maskedListenKey: current,
          listenKeyObtainedAtMs: atMs,
          nextListenKeyRefreshAtMs: atMs + DEFAULT_RENEW_INTERVAL_MS,
        };
      } else if (key && state.name === 'live') {
        // The same key re-POSTed by the reconnect ('extend'): the engine's schedule restarted.
        key = { ...key, nextListenKeyRefreshAtMs: deps.clock.now() + DEFAULT_RENEW_INTERVAL_MS };
      }
      return { ...toChange(state, deps.clock.now()), ...(key ?? {}) };
    };
    const subscriptions = [
      monitor.onDidChangeState(({ state }) => stateEmitter.fire(change(state))),
      monitor.onDidRefreshListenKey((e) => {
        key = {
          maskedListenKey: e.maskedKey,
          listenKeyObtainedAtMs: e.changed || !key ? e.atMs : key.listenKeyObtainedAtMs,
          nextListenKeyRefreshAtMs: e.atMs + DEFAULT_RENEW_INTERVAL_MS,
        };
        stateEmitter.fire(change(monitor.state));
      }),
    ];
    const session: MonitorSession = {
      start: () => monitor.start(),
      stop: () => monitor.stop(),
      onDidChangeState: stateEmitter.event,
      onDidReceiveFrame: monitor.onDidReceiveFrame,
      onDidReceiveOrderUpdate: monitor.onDidReceiveOrderUpdate,
      onDidReceiveMalformedFrame: (listener) =>
        monitor.onDidReceiveMalformedFrame((e) => listener({ receivedAtMs: e.receivedAtMs })),
      onDidReconcile: (listener) =>
        monitor.onDidReconcile((e) =>
          listener({
            missedByStream: e.missedByStream,
            statusUnknown: e.statusUnknown,
            fillsNotRecovered: e.fillsNotRecovered,
          }),
        ),
      statusUnknownOf: (orderId) => monitor.statusUnknownOf(orderId),
      orderOf: (orderId) => bookOrderOf(monitor.book, orderId),
      bookStatistics: () => monitor.book.statistics(),
      reconcileStats: () => {
        const { missedByStream, statusUnknown, fillsNotRecovered } = monitor.stats;
        return { missedByStream, statusUnknown, fillsNotRecovered };
      },
      async dispose() {
        for (const s of subscriptions) s.dispose();
        stateEmitter.dispose();
        await engine.dispose();
      },
    };
    return session;
  };
}

function toChange(state: SessionState, atMs: number): MonitorStateChange {
  switch (state.name) {
    case 'idle':
    case 'stopping':
    case 'stopped':
      return { state: state.name, atMs };
    case 'connecting':
    case 'subscribing':
      return { state: state.name, atMs, reconnectAttempt: state.attempt };
    case 'live':
      return { state: 'live', atMs, problem: null };
    case 'reconnecting':
      return {
        state: 'reconnecting',
        atMs,
        reconnectAttempt: state.attempt,
        problem: { code: 'RECONNECTING', reason: state.reason },
      };
    case 'failed':
      return { state: 'failed', atMs, problem: { code: state.code, reason: state.reason } };
    default:
      return assertNever(state, 'session state');
  }
}

/** The embedded simulator as the demo exchange, with its demo account and demo activity. */
export function createSimulatorDemoFactory(
  deps: { clock?: Clock; ordersPerMinute?: number } = {},
): DemoExchangeFactory {
  return async () => {
    const sim = await startSimulator({ port: 0, clock: deps.clock });
    const userIds = [sim.demoAccount.userId];
    const startActivity = () =>
      sim.demoActivity.start({
        userIds,
        ...(deps.ordersPerMinute ? { ordersPerMinute: deps.ordersPerMinute } : {}),
      });
    return {
      restUrl: sim.restUrl,
      wsUrl: sim.wsUrl,
      credentials: sim.demoAccount.credentials,
      addAccount: () => {
        const account = sim.createAccount();
        userIds.push(account.userId);
        if (sim.demoActivity.running) startActivity();
        return account.credentials;
      },
      startActivity,
      stopActivity: () => sim.demoActivity.stop(),
      dispose: () => sim.dispose(),
    };
  };
}
