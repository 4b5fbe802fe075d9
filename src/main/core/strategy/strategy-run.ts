import Big from 'big.js';
import { Emitter } from '../../../shared/event/emitter.ts';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import { OrderTracker, sleep, TERMINAL } from './order-tracker.ts';
import { StrategyError, errorCodeOf, errorMessageOf, isAuthRejection } from './strategy-error.ts';
import {
  AuthStop,
  cancelAndConfirm,
  executeTrade,
  type TradeExecutorDeps,
  type TradeResult,
} from './trade-executor.ts';
import { readSymbolFilters } from './symbol-filters.ts';
import { resolveToken } from './token-resolver.ts';
import { assertTradeInputs, planTrade, type TradePlan } from './trade-plan.ts';
import { expectedTradeVolume, readTokenVolume, tradesNeeded } from './volume-accounting.ts';
import {
  DEFAULT_STRATEGY_PARAMS,
  type PendingLegRef,
  type StrategyDeps,
  type StrategyEvent,
  type StrategyOutcome,
  type StrategyParams,
  type StrategyPreparation,
  type StrategyProgress,
  type StrategyRun,
  type StrategySummary,
} from './strategy-types.ts';

/** Fee rate per leg seen on every captured fill (0.01 %, ALPHA-PROTOCOL.md §4): estimates only. */
const ESTIMATED_FEE_RATE = new Big('0.0001');

/**
 * Creates one run of the OTO volume strategy. Order updates are recorded from this moment,
 * so create the run before anything can place an order for it.
 */
export function createStrategyRun(deps: StrategyDeps, params: StrategyParams): StrategyRun {
  return new StrategyRunner(deps, params);
}

type Finish = { outcome: StrategyOutcome; reasonCode?: string; reason?: string };

class StrategyRunner implements StrategyRun {
  private readonly events = new Emitter<StrategyEvent>();
  private readonly progress = new Emitter<StrategyProgress>();
  private readonly placed = new Emitter<Extract<StrategyEvent, { type: 'order-placed' }>>();
  private readonly finished = new Emitter<StrategySummary>();
  readonly onDidEvent = this.events.event;
  readonly onDidProgress = this.progress.event;
  readonly onDidPlaceOrder = this.placed.event;
  readonly onDidFinish = this.finished.event;

  private readonly tracker: OrderTracker;
  private readonly abort = new AbortController();
  private preparation: Promise<StrategyPreparation> | undefined;
  private running: Promise<StrategySummary> | undefined;

  private trades = 0;
  private fills = 0;
  private fees = new Big(0);
  private cost = new Big(0);
  /** Quote of our filled buys: volume we know we added, whatever user-volume says yet. */
  private ourVolume = new Big(0);
  private startCounted: Big | null = null;
  private done = new Big(0);
  private readonly openPending: PendingLegRef[] = [];
  private readonly canceledPending: PendingLegRef[] = [];

  /** Set when the session was lost for good while running. */
  private sessionFailure: { code: string; reason: string } | null = null;
  private readonly sessionSubscription: Disposable | undefined;

  constructor(
    private readonly deps: StrategyDeps,
    private readonly params: StrategyParams,
  ) {
    this.tracker = new OrderTracker(deps.orderUpdates, deps.clock);
    this.sessionSubscription = deps.sessionFailures?.((failure) => {
      this.sessionFailure ??= failure;
      this.abort.abort();
    });
  }

  prepare(): Promise<StrategyPreparation> {
    this.preparation ??= this.doPrepare();
    return this.preparation;
  }

  start(): Promise<StrategySummary> {
    this.running ??= this.run();
    return this.running;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    if (this.running) await this.running;
  }

  dispose(): void {
    this.abort.abort();
    this.sessionSubscription?.dispose();
    this.tracker.dispose();
    this.events.dispose();
    this.progress.dispose();
    this.placed.dispose();
    this.finished.dispose();
  }

  private emit(event: StrategyEvent): void {
    if (event.type === 'leg-filled') this.fills++;
    this.events.fire(event);
    if (event.type === 'progress') this.progress.fire(event);
    if (event.type === 'order-placed') this.placed.fire(event);
  }

  private async doPrepare(): Promise<StrategyPreparation> {
    const { params, deps } = this;
    assertTradeInputs(params);
    let target: Big;
    try {
      target = new Big(params.targetVolumeUsdt);
    } catch {
      throw new StrategyError(
        'INVALID_PARAMS',
        `volume must be a number, got "${params.targetVolumeUsdt}"`,
      );
    }
    if (target.lte(0)) throw new StrategyError('INVALID_PARAMS', 'volume must be above 0 USDT');
    const [items, info, userVolume] = await Promise.all([
      deps.rest.getAggTicker24(),
      deps.rest.getExchangeInfo(),
      deps.rest.getUserVolume(),
    ]);
    const token = resolveToken(items, params);
    const filters = readSymbolFilters(info, token.symbol);
    const volume = readTokenVolume(
      userVolume,
      token.tokenSymbol,
      params.volumeRule,
      token.mulPoint,
    );
    this.startCounted = new Big(volume.counted);
    this.done = this.startCounted;
    const remaining = target.minus(volume.counted);
    const firstTrade = this.plan(filters, token.price, remaining);
    const tradesEstimated = tradesNeeded(
      params.targetVolumeUsdt,
      volume.counted,
      params.amountUsdt,
      params.buyOffsetPct,
    );
    // Full trades pay `amount` for each expectedTradeVolume; the last pays only for what
    // remains, so the USDT paid in all is about remaining × amount / expectedTradeVolume.
    const paid = remaining.gt(0)
      ? remaining
          .times(params.amountUsdt)
          .div(expectedTradeVolume(params.amountUsdt, params.buyOffsetPct))
      : new Big(0);
    // Offsets that favour us (negative) are not counted as a gain: whether such orders fill
    // at all depends on the market.
    const spreadFraction = new Big(params.buyOffsetPct).plus(params.sellOffsetPct).div(100);
    const costRate = (spreadFraction.gt(0) ? spreadFraction : new Big(0)).plus(
      ESTIMATED_FEE_RATE.times(2),
    );
    return {
      token,
      filters,
      volume,
      targetVolumeUsdt: target.toFixed(),
      doneUsdt: volume.counted,
      tradesEstimated,
      firstTrade,
      estimatedCostUsdt: paid.times(costRate).round(4, Big.roundUp).toFixed(),
    };
  }

  /** The next trade: full size, or sized down to `remaining` when that is less (the last). */
  private plan(
    filters: StrategyPreparation['filters'],
    marketPrice: string,
    remaining: Big,
  ): TradePlan {
    const { amountUsdt, buyOffsetPct, sellOffsetPct } = this.params;
    return planTrade({
      filters,
      marketPrice,
      amountUsdt,
      buyOffsetPct,
      sellOffsetPct,
      remainingVolumeUsdt: remaining.gt(0) ? remaining.toFixed() : undefined,
    });
  }

  private async run(): Promise<StrategySummary> {
    let finish: Finish;
    let prep: StrategyPreparation | undefined;
    try {
      prep = await this.prepare();
      this.emit({ type: 'prepared', ...prep });
      finish = this.params.dryRun ? this.dryRun(prep) : await this.loop(prep);
    } catch (error) {
      finish = this.finishFor(error);
    }
    if (this.sessionFailure && finish.outcome === 'stopped') {
      const { code, reason } = this.sessionFailure;
      finish = isAuthRejection({ code })
        ? { outcome: 'auth-rejected', reasonCode: code, reason }
        : { outcome: 'failed', reasonCode: code, reason: `the order stream stopped: ${reason}` };
    }
    try {
      await this.settlePending();
    } catch (error) {
      if (finish.outcome !== 'auth-rejected') finish = this.finishFor(error);
    }
    const summary = this.summary(finish, prep);
    this.events.fire(summary);
    this.finished.fire(summary);
    this.tracker.dispose();
    return summary;
  }

  private finishFor(error: unknown): Finish {
    if (error instanceof AuthStop) error = error.authError;
    if (isAuthRejection(error)) {
      return {
        outcome: 'auth-rejected',
        reasonCode: errorCodeOf(error),
        reason: errorMessageOf(error),
      };
    }
    return { outcome: 'failed', reasonCode: errorCodeOf(error), reason: errorMessageOf(error) };
  }

  private dryRun(prep: StrategyPreparation): Finish {
    const perTrade = expectedTradeVolume(this.params.amountUsdt, this.params.buyOffsetPct);
    let remaining = new Big(prep.targetVolumeUsdt).minus(prep.doneUsdt);
    for (let trade = 1; trade <= prep.tradesEstimated; trade++) {
      const plan = this.plan(prep.filters, prep.token.price, remaining);
      this.emit({ type: 'order-planned', trade, plan });
      remaining = remaining.minus(perTrade);
    }
    return { outcome: 'dry-run' };
  }

  private async loop(prep: StrategyPreparation): Promise<Finish> {
    const { params, deps } = this;
    const signal = this.abort.signal;
    const executor: TradeExecutorDeps = {
      rest: deps.rest,
      tracker: this.tracker,
      clock: deps.clock,
      logger: deps.logger,
      emit: (event) => this.emit(event),
      legTimeoutMs: params.legTimeoutMs,
      cancelConfirmTimeoutMs:
        params.cancelConfirmTimeoutMs ?? DEFAULT_STRATEGY_PARAMS.cancelConfirmTimeoutMs,
      stopSignal: signal,
    };
    let failures = 0;
    for (let trade = 1; ; trade++) {
      if (signal.aborted) return { outcome: 'stopped' };
      let plan: TradePlan;
      try {
        // The loop re-reads today's volume before deciding on more.
        const volume = readTokenVolume(
          await deps.rest.getUserVolume(),
          prep.token.tokenSymbol,
          params.volumeRule,
          prep.token.mulPoint,
        );
        const known = this.startCounted!.plus(this.ourVolume);
        this.done = new Big(volume.counted).gt(known) ? new Big(volume.counted) : known;
        this.emitProgress();
        if (this.done.gte(prep.targetVolumeUsdt)) return { outcome: 'target-reached' };
        if (trade > 1 && !(await sleep(deps.clock, params.intervalMs, signal)))
          return { outcome: 'stopped' };
        // A fresh price for every trade; the token is re-checked (it may go offline or offsell).
        const token = resolveToken(await deps.rest.getAggTicker24(), params);
        plan = this.plan(
          prep.filters,
          token.price,
          new Big(prep.targetVolumeUsdt).minus(this.done),
        );
      } catch (error) {
        if (error instanceof StrategyError || isAuthRejection(error)) throw error;
        failures++;
        deps.logger.warn('strategy step failed', { code: errorCodeOf(error) });
        this.emit({
          type: 'trade-failed',
          trade,
          code: errorCodeOf(error),
          message: errorMessageOf(error),
        });
        if (failures >= params.maxConsecutiveFailures) return this.tooManyFailures(failures, error);
        if (!(await sleep(deps.clock, params.intervalMs, signal))) return { outcome: 'stopped' };
        trade--;
        continue;
      }
      if (signal.aborted) return { outcome: 'stopped' };
      this.trades++;
      const result = await executeTrade(executor, trade, plan, this.done.toFixed());
      this.account(result);
      this.emitProgress();
      if (result.kind === 'stopped') return { outcome: 'stopped' };
      if (result.kind === 'failed') {
        failures++;
        this.emit({ type: 'trade-failed', trade, code: result.code, message: result.message });
        if (failures >= params.maxConsecutiveFailures)
          return this.tooManyFailures(failures, result);
      } else {
        failures = 0;
      }
      if (params.maxLossUsdt !== null && this.cost.gte(params.maxLossUsdt)) {
        return {
          outcome: 'max-loss',
          reasonCode: 'MAX_LOSS',
          reason: `realised cost ${this.cost.toFixed(4)} USDT reached the limit of ${params.maxLossUsdt} USDT`,
        };
      }
      if (signal.aborted) return { outcome: 'stopped' };
    }
  }

  private tooManyFailures(failures: number, last: unknown): Finish {
    const message =
      typeof last === 'object' && last !== null && 'message' in last
        ? String(last.message)
        : errorMessageOf(last);
    return {
      outcome: 'too-many-failures',
      reasonCode: 'TOO_MANY_FAILURES',
      reason: `${failures} failed trades in a row; last: ${message}`,
    };
  }

  private account(result: TradeResult): void {
    this.ourVolume = this.ourVolume.plus(result.buyQuote);
    const known = this.startCounted!.plus(this.ourVolume);
    if (known.gt(this.done)) this.done = known;
    this.fees = this.fees.plus(result.feeQuote);
    if (result.kind === 'completed') {
      // Realised cost of a round trip: USDT paid for the buy − USDT received for the sell
      // net of its fee. The buy's fee is inside it (fewer tokens to sell).
      this.cost = this.cost.plus(result.buyQuote.minus(result.sellQuote).plus(result.sellFeeQuote));
    } else if (
      result.kind === 'pending-open' ||
      ((result.kind === 'failed' || result.kind === 'stopped') && result.pending)
    ) {
      if (result.pending) this.openPending.push(result.pending);
    }
  }

  /** At the end: pending SELLs that filled meanwhile are settled; the rest reported or cancelled. */
  private async settlePending(): Promise<void> {
    const stillOpen: PendingLegRef[] = [];
    for (const leg of this.openPending) {
      const known = this.tracker.get(leg.orderId);
      if (known && TERMINAL.has(known.latest.status)) continue;
      stillOpen.push(leg);
    }
    this.openPending.length = 0;
    this.openPending.push(...stillOpen);
    if (!this.params.cancelPendingAtEnd || stillOpen.length === 0) return;
    const executor: TradeExecutorDeps = {
      rest: this.deps.rest,
      tracker: this.tracker,
      clock: this.deps.clock,
      logger: this.deps.logger,
      emit: (event) => this.emit(event),
      legTimeoutMs: this.params.legTimeoutMs,
      cancelConfirmTimeoutMs:
        this.params.cancelConfirmTimeoutMs ?? DEFAULT_STRATEGY_PARAMS.cancelConfirmTimeoutMs,
      stopSignal: new AbortController().signal,
    };
    for (const leg of stillOpen) {
      const end = await cancelAndConfirm(executor, leg.trade, leg.orderId, leg.symbol);
      if (end === 'CANCELED' || end === 'GONE') {
        this.canceledPending.push(leg);
        this.openPending.splice(this.openPending.indexOf(leg), 1);
      } else if (end === 'FILLED') {
        this.openPending.splice(this.openPending.indexOf(leg), 1);
      }
    }
  }

  private snapshot(): StrategyProgress {
    return {
      targetVolumeUsdt: new Big(this.params.targetVolumeUsdt).toFixed(),
      doneUsdt: this.done.toFixed(),
      trades: this.trades,
      fills: this.fills,
      feesUsdt: this.fees.toFixed(),
      costUsdt: this.cost.toFixed(),
    };
  }

  private emitProgress(): void {
    this.emit({ type: 'progress', ...this.snapshot() });
  }

  private summary(finish: Finish, prep: StrategyPreparation | undefined): StrategySummary {
    let progress: StrategyProgress;
    try {
      progress = this.snapshot();
    } catch {
      // An unparsable target (INVALID_PARAMS) still gets a summary.
      progress = {
        targetVolumeUsdt: this.params.targetVolumeUsdt,
        doneUsdt: '0',
        trades: 0,
        fills: 0,
        feesUsdt: '0',
        costUsdt: '0',
      };
    }
    return {
      type: 'summary',
      outcome: finish.outcome,
      reasonCode: finish.reasonCode ?? null,
      reason: finish.reason ?? null,
      ...progress,
      volume: progress.doneUsdt,
      fees: progress.feesUsdt,
      cost: progress.costUsdt,
      token: prep?.token.tokenSymbol ?? null,
      symbol: prep?.token.symbol ?? null,
      openPendingOrders: [...this.openPending],
      canceledPendingOrders: [...this.canceledPending],
      dryRun: this.params.dryRun,
    };
  }
}
