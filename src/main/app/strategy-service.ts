import { randomUUID } from 'node:crypto';
import { isAccountStopCode } from '../../shared/reasons/account-stop.ts';
import type { Problem, Reason } from '../../shared/reasons/reason.ts';
import { reasonOf } from '../../shared/reasons/reason-of.ts';
import type { StrategyReason } from '../../shared/reasons/strategy-reason.ts';
import { describeStrategyReason } from '../../shared/reasons/strategy-reason-text.ts';
import { Emitter, type Event } from '../../shared/event/emitter.ts';
import type { AsyncDisposable, Disposable } from '../../shared/lifecycle/disposable.ts';
import type {
  StrategyEstimateView,
  StrategyRequest,
  StrategyProgressView,
} from '../../shared/ipc/views-app.ts';
import type { ConnectionView } from '../../shared/ipc/views-monitor.ts';
import {
  createAccountRest,
  SessionNotLiveError,
  waitUntilLive,
  type LiveProbe,
} from '../core/session/index.ts';
import {
  createStrategyRun,
  type OrderUpdateFeed,
  type StrategyRun,
} from '../core/strategy/index.ts';
import {
  engineParamsOf,
  finishedStatus,
  runErrorOf,
  wearOf,
  type StrategyAccountStop,
} from './strategy-views.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';
import { appError, passAppError } from './app-error.ts';
import type { AccountConnection } from './ports.ts';

/** A failed connection that did not say why. */
const STREAM_FAILED: Problem & { reason: Reason } = {
  code: 'STREAM_FAILED',
  reason: { code: 'UNEXPECTED', detail: 'STREAM_FAILED' },
};

/** A run's error: its code, its reason, and that reason in English for logs. */
function runError(code: string, reason: StrategyReason) {
  return { code, reason, message: describeStrategyReason('en', reason) };
}

interface ActiveRun {
  run: StrategyRun;
  view: StrategyProgressView;
  done: Promise<void>;
  subscriptions: Disposable[];
  /** Ends the wait for the stream to be live when the run is stopped before its first order. */
  cancelWait(): void;
}

/** The account's running monitor, as the strategy needs it. */
export interface StrategyMonitor {
  /** Its accepted order updates, each with the book's verdict (what it counted). */
  orderUpdates: OrderUpdateFeed;
  /** Its connection now, and every change. */
  connection(): Pick<ConnectionView, 'state' | 'problem'>;
  onDidChangeConnection: Event<Pick<ConnectionView, 'state' | 'problem'>>;
}

/**
 * One strategy run per account (issue 6's engine), fed by that account's order stream. The
 * orders it places are reported so the table can highlight them.
 */
export class StrategyService implements AsyncDisposable {
  private readonly runs = new Map<string, ActiveRun>();
  private readonly last = new Map<string, StrategyProgressView>();
  private readonly progressEmitter = new Emitter<StrategyProgressView>({
    name: 'strategy-service.progress',
  });
  private readonly placedEmitter = new Emitter<{ accountId: string; orderIds: string[] }>({
    name: 'strategy-service.placed',
  });
  readonly onDidProgress: Event<StrategyProgressView> = this.progressEmitter.event;
  readonly onDidPlaceOrders: Event<{ accountId: string; orderIds: string[] }> =
    this.placedEmitter.event;
  private readonly accountStopEmitter = new Emitter<StrategyAccountStop>({
    name: 'strategy-service.account-stop',
  });
  /** A run stopped at once because the account needs the user (verification, balance...). */
  readonly onDidStopAccount: Event<StrategyAccountStop> = this.accountStopEmitter.event;

  constructor(private readonly deps: { clock: Clock; logger: Logger }) {}

  isRunning(accountId: string): boolean {
    return this.runs.has(accountId);
  }

  /**
   * What a run would do now: reads the token, its rules, today's volume and points; places
   * nothing and needs no order stream. Rejects with the strategy's error codes.
   */
  async estimate(
    params: StrategyRequest,
    connection: AccountConnection,
  ): Promise<StrategyEstimateView> {
    const { rest } = createAccountRest({
      ...connection,
      clock: this.deps.clock,
      logger: this.deps.logger,
    });
    const run = createStrategyRun(
      {
        rest,
        orderUpdates: () => ({ dispose() {} }),
        clock: this.deps.clock,
        logger: this.deps.logger,
      },
      { ...engineParamsOf(params), dryRun: true },
    );
    try {
      const prep = await run.prepare();
      return {
        tokenSymbol: prep.token.tokenSymbol,
        mulPoint: prep.token.mulPoint,
        targetVolumeUsdt: prep.targetVolumeUsdt,
        doneUsdt: prep.doneUsdt,
        tradesEstimated: prep.tradesEstimated,
        expectedWearUsdt: prep.estimatedCostUsdt,
        targetMet: prep.targetMet,
        targetPoints: prep.targetPoints,
        pointsToday: prep.pointsToday,
      };
    } catch (error) {
      throw passAppError(error, 'STRATEGY_FAILED');
    } finally {
      run.dispose();
    }
  }

  /**
   * Starts a run on the account's started monitor. The run places its first order only once
   * the monitor is live (fills arrive on its stream), and stops when the monitor fails.
   */
  start(
    params: StrategyRequest,
    connection: AccountConnection,
    monitor: StrategyMonitor,
  ): StrategyProgressView {
    if (this.runs.has(params.accountId)) {
      throw appError(
        'STRATEGY_ALREADY_RUNNING',
        'A strategy is already running on this account. Stop it first.',
      );
    }
    const { rest } = createAccountRest({
      ...connection,
      clock: this.deps.clock,
      logger: this.deps.logger,
    });
    const sessionFailures: Event<Problem> = (listener) =>
      monitor.onDidChangeConnection(({ state, problem }) => {
        if (state === 'failed') listener(problem ?? STREAM_FAILED);
      });
    const run = createStrategyRun(
      {
        rest,
        orderUpdates: monitor.orderUpdates,
        sessionFailures,
        clock: this.deps.clock,
        logger: this.deps.logger,
      },
      engineParamsOf(params),
    );
    const view: StrategyProgressView = {
      accountId: params.accountId,
      runId: randomUUID(),
      state: 'starting',
      targetVolumeUsdt: params.volumeUsdt,
      doneVolumeUsdt: '0',
      trades: 0,
      fills: 0,
      feesUsdt: '0',
      costUsdt: '0',
      wearUsdt: '0',
      wearBps: null,
      points: null,
      costPerPoint: null,
      targetPoints: params.points ?? null,
      placedOrderIds: [],
      status: { code: monitor.connection().state === 'live' ? 'PREPARING' : 'WAITING_FOR_STREAM' },
      error: null,
    };
    const publish = (patch: Partial<StrategyProgressView>) => {
      Object.assign(view, patch);
      this.progressEmitter.fire({ ...view, placedOrderIds: [...view.placedOrderIds] });
    };
    const subscriptions = [
      run.onDidProgress((p) =>
        publish({
          state: 'running',
          doneVolumeUsdt: p.doneUsdt,
          trades: p.trades,
          fills: p.fills,
          feesUsdt: p.feesUsdt,
          costUsdt: p.costUsdt,
          targetVolumeUsdt: p.targetVolumeUsdt,
          ...wearOf(p),
        }),
      ),
      run.onDidPlaceOrder((e) => {
        view.placedOrderIds.push(e.workingOrderId, e.pendingOrderId);
        this.placedEmitter.fire({
          accountId: params.accountId,
          orderIds: [e.workingOrderId, e.pendingOrderId],
        });
        publish({ status: { code: 'TRADE_PLACED', trade: e.trade } });
      }),
      run.onDidEvent((e) => {
        if (e.type === 'trade-failed')
          publish({ status: { code: 'TRADE_FAILED', trade: e.trade, reason: e.reason } });
        if (e.type === 'leg-timeout')
          publish({ status: { code: 'LEG_TIMEOUT', trade: e.trade, leg: e.leg } });
      }),
    ];
    const wait = waitForLive(monitor, this.deps.clock);
    const done = wait.live
      .then(() => run.start())
      .then(
        (summary) => {
          const error = runErrorOf(summary);
          publish({
            state: error ? 'failed' : 'finished',
            doneVolumeUsdt: summary.doneUsdt,
            targetVolumeUsdt: summary.targetVolumeUsdt,
            trades: summary.trades,
            fills: summary.fills,
            feesUsdt: summary.feesUsdt,
            costUsdt: summary.costUsdt,
            ...wearOf(summary),
            status: finishedStatus(summary),
            leftovers: summary.leftovers,
            error,
          });
          if (error && isAccountStopCode(error.code))
            this.accountStopEmitter.fire({ accountId: params.accountId, code: error.code });
        },
        (error: unknown) => {
          if (error instanceof SessionNotLiveError && error.ending === 'cancelled') {
            publish({ state: 'finished', status: { code: 'STOPPED_BEFORE_FIRST_ORDER' } });
          } else if (error instanceof SessionNotLiveError) {
            const reason: StrategyReason = {
              code: 'STREAM_FAILED_BEFORE_START',
              ...(error.reason ? { cause: error.reason } : {}),
            };
            publish({
              state: 'failed',
              status: { code: 'FAILED' },
              error: runError(error.code, reason),
            });
          } else {
            publish({
              state: 'failed',
              status: { code: 'FAILED' },
              error: runError('STRATEGY_FAILED', reasonOf(error)),
            });
          }
        },
      )
      .finally(() => {
        wait.cancel();
        this.last.set(params.accountId, { ...view });
        this.runs.delete(params.accountId);
        for (const s of subscriptions) s.dispose();
        run.dispose();
      });
    this.runs.set(params.accountId, { run, view, done, subscriptions, cancelWait: wait.cancel });
    return { ...view };
  }

  async stop(accountId: string): Promise<StrategyProgressView | null> {
    const active = this.runs.get(accountId);
    if (!active) return this.last.get(accountId) ?? null;
    active.view.state = 'stopping';
    active.cancelWait();
    await active.run.stop();
    await active.done;
    return this.last.get(accountId) ?? null;
  }

  progress(accountId: string): StrategyProgressView | null {
    const active = this.runs.get(accountId);
    return active ? { ...active.view } : (this.last.get(accountId) ?? null);
  }

  async dispose(): Promise<void> {
    await Promise.allSettled([...this.runs.keys()].map((id) => this.stop(id)));
    this.progressEmitter.dispose();
    this.placedEmitter.dispose();
    this.accountStopEmitter.dispose();
  }
}

/**
 * The one wait-until-live over the monitor's connection view: resolves once live; rejects with
 * a SessionNotLiveError if it fails or stops first, or on `cancel()` (ending `cancelled`). A run
 * must not place an order before: its fills would arrive on a stream not yet there.
 */
function waitForLive(
  monitor: StrategyMonitor,
  clock: Clock,
): { live: Promise<void>; cancel(): void } {
  const cancelled = new AbortController();
  const probe = ({ state, problem }: Pick<ConnectionView, 'state' | 'problem'>): LiveProbe => {
    if (state === 'live') return { state: 'live' };
    if (state === 'stopped') return { state: 'stopped' };
    if (state !== 'failed') return { state: 'pending' };
    const { code, reason } = problem ?? STREAM_FAILED;
    return { state: 'failed', code, reason };
  };
  const live = waitUntilLive(
    { current: () => probe(monitor.connection()), onDidChange: monitor.onDidChangeConnection },
    { clock, signal: cancelled.signal },
  );
  return { live, cancel: () => cancelled.abort() };
}
