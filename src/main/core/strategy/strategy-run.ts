import Big from 'big.js';
import { Emitter } from '../../../shared/event/emitter.ts';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import { OrderTracker, feeQuoteOf, sleep, totalsOf, type TrackedFill } from './order-tracker.ts';
import { PendingLegs } from './pending-legs.ts';
import {
  finishAfterSessionLoss,
  finishFor,
  isAccountStop,
  tooManyFailures,
  type Finish,
} from './run-outcome.ts';
import { assertStrategyParams } from './params-check.ts';
import { sellLeftovers, unvaluedFeesOf } from './leftover-sale.ts';
import { priceMoveStop, wearStop } from './run-stops.ts';
import { emptyProgress, summaryOf } from './run-summary.ts';
import { dryRunPlans, estimateRun, planNextTrade, readRunStart } from './run-planning.ts';
import type { Problem } from '../../../shared/reasons/reason.ts';
import { reasonOf } from '../../../shared/reasons/reason-of.ts';
import {
  StrategyError,
  errorCodeOf,
  isAuthRejection,
  isInsufficientBalance,
} from './strategy-error.ts';
import {
  executeTrade,
  warnUnvalued,
  type TradeExecutorDeps,
  type TradeResult,
} from './trade-executor.ts';
import { resolveToken } from './token-resolver.ts';
import type { TradePlan } from './trade-plan.ts';
import { readTokenVolume } from './volume-accounting.ts';
import { RunWear } from './run-wear.ts';
import { RunTally } from './run-tally.ts';
import {
  DEFAULT_STRATEGY_PARAMS,
  type StrategyDeps,
  type StrategyEvent,
  type LeftoverSale,
  type StrategyParams,
  type StrategyPreparation,
  type StrategyProgress,
  type StrategyRun,
  type StrategySummary,
} from './strategy-types.ts';

/** Planned trades a dry run prints between two looks at a stop request. */
const DRY_RUN_BATCH = 200;

/**
 * Creates one run of the OTO volume strategy. Order updates are recorded from this moment,
 * so create the run before anything can place an order for it.
 */
export function createStrategyRun(deps: StrategyDeps, params: StrategyParams): StrategyRun {
  return new StrategyRunner(deps, params);
}

class StrategyRunner implements StrategyRun {
  private readonly events = new Emitter<StrategyEvent>({ name: 'strategy-run.event' });
  private readonly progress = new Emitter<StrategyProgress>({ name: 'strategy-run.progress' });
  private readonly placed = new Emitter<Extract<StrategyEvent, { type: 'order-placed' }>>({
    name: 'strategy-run.placed',
  });
  private readonly finished = new Emitter<StrategySummary>({ name: 'strategy-run.finished' });
  readonly onDidEvent = this.events.event;
  readonly onDidProgress = this.progress.event;
  readonly onDidPlaceOrder = this.placed.event;
  readonly onDidFinish = this.finished.event;

  private readonly tracker: OrderTracker;
  private readonly abort = new AbortController();
  private preparation: Promise<StrategyPreparation> | undefined;
  private running: Promise<StrategySummary> | undefined;

  private readonly tally: RunTally;
  private readonly pending: PendingLegs;
  private readonly wear: RunWear;
  private token: { symbol: string; alphaId: string; mulPoint: number } | null = null;
  private leftovers: LeftoverSale | null = null;
  /** The run's orders, both legs of each trade, as placed. */
  private readonly placedOrders: Array<{
    trade: number;
    workingOrderId: string;
    pendingOrderId: string;
  }> = [];
  /** Fees of pending SELLs left open that the tally has from their trade's result. */
  private readonly pendingFeeInTally = new Map<string, Big>();
  /** Legs reported filled (their fees are in the tally and the wear), by order id. */
  private readonly reportedLegs = new Map<string, { trade: number; leg: 'working' | 'pending' }>();

  /** Set when the session was lost for good while running. */
  private sessionFailure: Problem | null = null;
  private readonly sessionSubscription: Disposable | undefined;

  constructor(
    private readonly deps: StrategyDeps,
    private readonly params: StrategyParams,
  ) {
    this.tracker = new OrderTracker(deps.orderUpdates, deps.clock);
    this.pending = new PendingLegs(this.tracker);
    this.wear = new RunWear(deps.rest, deps.clock, deps.logger);
    this.tally = new RunTally(params.targetVolumeUsdt);
    // Ends with the tracker.
    this.tracker.onDidCountFill(({ orderId, fill }) => this.countLateFill(orderId, fill));
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
    if (event.type === 'order-placed') {
      const { trade, workingOrderId, pendingOrderId } = event;
      this.placedOrders.push({ trade, workingOrderId, pendingOrderId });
    }
    if (event.type === 'leg-filled') {
      this.tally.fills++;
      this.reportedLegs.set(event.orderId, { trade: event.trade, leg: event.leg });
      if (this.token) this.wear.record(event, this.token);
    }
    this.events.fire(event);
    if (event.type === 'progress') this.progress.fire(event);
    if (event.type === 'order-placed') this.placed.fire(event);
  }

  /**
   * A fill the book counted after its leg was reported filled: reconciliation recovered a fill
   * whose frame the stream lost below a later one (core/monitor/fill-holes.ts). Its quantity
   * and quote were in the leg's cumulative figures already; its fee was not, and is added to
   * the run's fees, cost and wear now.
   */
  private countLateFill(orderId: string, fill: TrackedFill): void {
    if (this.leftovers !== null && orderId === this.leftovers.orderId) {
      if (feeQuoteOf(fill) === null) warnUnvalued(this.deps.logger, [fill.update.commissionAsset!]);
      this.catchUpLeftoverFee();
      return;
    }
    const reported = this.reportedLegs.get(orderId);
    if (!reported) return;
    const fee = feeQuoteOf(fill);
    if (fee === null) {
      warnUnvalued(this.deps.logger, [fill.update.commissionAsset!]);
      return;
    }
    if (fee.eq(0)) return;
    this.tally.addLateFee(fee, reported.leg);
    this.wear.addLateFee(reported.trade, reported.leg, fee);
    this.emitProgress();
  }

  /** What the leftover sale sold goes into the run's fees and wear, like its trades' fills. */
  private countLeftoverSale(sale: LeftoverSale): void {
    if (!this.token || sale.quoteUsdt === null || !new Big(sale.soldQuantity).gt(0)) return;
    const feeUsdt = sale.feeUsdt ?? '0';
    this.wear.recordLeftoverSale(
      { quantity: sale.soldQuantity, quoteUsdt: sale.quoteUsdt, feeUsdt },
      this.token,
    );
    this.tally.addFee(new Big(feeUsdt));
    this.catchUpLeftoverFee();
  }

  /**
   * The fee of a leftover SELL's fill the book counted after the sale's result was taken (a
   * fill recovered below a later one, e.g. by the reconciliation while the run ends): its
   * quantity and quote were in the sale's cumulative figures already, its fee was not. It joins
   * the sale's fee, the run's fees and its wear. A fill beyond what the sale reported (it went
   * on filling after its result) is not counted here: its quantity is not in the sale either.
   */
  private catchUpLeftoverFee(): void {
    const sale = this.leftovers;
    if (!this.token || !sale?.orderId || sale.quoteUsdt === null || sale.feeUsdt === null) return;
    const order = this.tracker.get(sale.orderId);
    const totals = totalsOf(order);
    if (!totals.quantity.eq(sale.soldQuantity)) return;
    // A late fee in another asset (BNB) is stated with the sale's, in its asset.
    const unvaluedFees = unvaluedFeesOf(order);
    const stated: LeftoverSale = unvaluedFees.length > 0 ? { ...sale, unvaluedFees } : sale;
    this.leftovers = stated;
    const more = totals.feeQuote.minus(sale.feeUsdt);
    if (!more.gt(0)) return;
    this.leftovers = { ...stated, feeUsdt: totals.feeQuote.toFixed() };
    this.tally.addFee(more);
    this.wear.addLeftoverLateFee(more);
    this.emitProgress();
  }

  /**
   * At the end, after the pending SELLs were settled: what the book counted of the run's orders
   * beyond their reported legs goes into the wear and the fees (`RunWear.catchUp`), so the
   * tokens the run holds, and the leftover sale with them, follow the exchange: a pending SELL
   * that filled after its trade left it open must not make the run sell tokens held before.
   */
  private catchUpWithBook(): void {
    if (!this.token) return;
    for (const placed of this.placedOrders) {
      for (const [leg, orderId] of [
        ['working', placed.workingOrderId],
        ['pending', placed.pendingOrderId],
      ] as const) {
        const totals = totalsOf(this.tracker.get(orderId));
        if (totals.quantity.lte(0)) continue;
        if (this.wear.catchUp(placed.trade, leg, orderId, totals, this.token) === null) continue;
        if (this.reportedLegs.has(orderId)) continue;
        this.tally.fills++;
        // The tally has the fees of reported legs (late ones too) and, for a SELL left open,
        // those counted when its trade was accounted; a working BUY's are in its trade's result.
        if (leg === 'working') continue;
        const inTally = this.pendingFeeInTally.get(orderId) ?? new Big(0);
        if (totals.feeQuote.gt(inTally)) this.tally.addFee(totals.feeQuote.minus(inTally));
      }
    }
  }

  private async doPrepare(): Promise<StrategyPreparation> {
    assertStrategyParams(this.params);
    const today = await this.wear.readToday('start');
    const start = await readRunStart(this.deps.rest, this.params, today);
    this.tally.begin(start.volume.counted, start.target.toFixed());
    const { symbol, alphaId, mulPoint } = start.token;
    this.token = { symbol, alphaId, mulPoint };
    return estimateRun(this.params, start);
  }

  /** What trades need from the run; `stopSignal` aborts the waits of the trade under way. */
  private executor(stopSignal: AbortSignal): TradeExecutorDeps {
    const { deps, params } = this;
    return {
      rest: deps.rest,
      tracker: this.tracker,
      clock: deps.clock,
      logger: deps.logger,
      emit: (event) => this.emit(event),
      legTimeoutMs: params.legTimeoutMs,
      cancelConfirmTimeoutMs:
        params.cancelConfirmTimeoutMs ?? DEFAULT_STRATEGY_PARAMS.cancelConfirmTimeoutMs,
      stopSignal,
    };
  }

  private async run(): Promise<StrategySummary> {
    let finish: Finish;
    let prep: StrategyPreparation | undefined;
    try {
      prep = await this.prepare();
      this.emit({ type: 'prepared', ...prep });
      finish = this.params.dryRun ? await this.dryRun(prep) : await this.loop(prep);
    } catch (error) {
      finish = finishFor(error);
    }
    finish = finishAfterSessionLoss(finish, this.sessionFailure);
    try {
      // Not the run's stop signal: cancelling at the end must go on after a stop.
      const executor = this.executor(new AbortController().signal);
      // Selling leftovers takes back the tokens of SELLs still open: they are cancelled first.
      await this.pending.settle(
        executor,
        this.params.cancelPendingAtEnd || this.params.sellLeftovers === true,
      );
      this.catchUpWithBook();
      if (
        prep &&
        this.params.sellLeftovers &&
        !this.params.dryRun &&
        !isAccountStop(finish.outcome)
      ) {
        this.leftovers = await sellLeftovers(executor, {
          token: { ...prep.token, chain: this.params.chain },
          filters: prep.filters,
          sellOffsetPct: this.params.sellOffsetPct,
          heldQuantity: this.wear.heldQuantity(),
        });
        this.countLeftoverSale(this.leftovers);
        this.emit({ type: 'leftovers', ...this.leftovers });
        this.emitProgress();
      }
    } catch (error) {
      if (!isAccountStop(finish.outcome)) finish = finishFor(error);
    }
    if (prep && !this.params.dryRun) await this.wear.readToday('end');
    const summary = this.summary(finish, prep);
    this.events.fire(summary);
    this.finished.fire(summary);
    this.tracker.dispose();
    return summary;
  }

  /** Emits the planned trades, yielding now and then so that Ctrl+C / SIGTERM get through. */
  private async dryRun(prep: StrategyPreparation): Promise<Finish> {
    let trade = 0;
    for (const plan of dryRunPlans(this.params, prep)) {
      if (trade > 0 && trade % DRY_RUN_BATCH === 0) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.abort.signal.aborted) return { outcome: 'stopped' };
      }
      this.emit({ type: 'order-planned', trade: ++trade, plan });
    }
    return { outcome: 'dry-run' };
  }

  private async loop(prep: StrategyPreparation): Promise<Finish> {
    const { params, deps } = this;
    const signal = this.abort.signal;
    const executor = this.executor(signal);
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
        const pointsTarget = params.targetPoints !== undefined && params.targetPoints !== null;
        this.tally.observe(volume.counted, pointsTarget);
        this.emitProgress();
        if (this.tally.done.gte(prep.targetVolumeUsdt)) return { outcome: 'target-reached' };
        if (trade > 1 && !(await sleep(deps.clock, params.intervalMs, signal)))
          return { outcome: 'stopped' };
        // A fresh price for every trade; the token is re-checked (it may go offline or offsell).
        const token = resolveToken(await deps.rest.getAggTicker24(), params);
        plan = planNextTrade(
          params,
          prep.filters,
          token.price,
          new Big(prep.targetVolumeUsdt).minus(this.tally.done),
        );
      } catch (error) {
        if (
          error instanceof StrategyError ||
          isAuthRejection(error) ||
          isInsufficientBalance(error)
        )
          throw error;
        failures++;
        deps.logger.warn('strategy step failed', { code: errorCodeOf(error) });
        const reason = reasonOf(error);
        this.emit({ type: 'trade-failed', trade, code: errorCodeOf(error), reason });
        if (failures >= params.maxConsecutiveFailures) return tooManyFailures(failures, reason);
        if (!(await sleep(deps.clock, params.intervalMs, signal))) return { outcome: 'stopped' };
        trade--;
        continue;
      }
      if (signal.aborted) return { outcome: 'stopped' };
      this.tally.trades++;
      const result = await executeTrade(executor, trade, plan, this.tally.done.toFixed());
      this.account(result);
      const tradeWear = this.wear.ofTrade(trade);
      if (tradeWear) {
        this.emit({
          type: 'trade-wear',
          trade,
          wearUsdt: tradeWear.wearUsdt,
          wearBps: tradeWear.wearBps,
          countedVolumeUsdt: tradeWear.countedVolumeUsdt,
        });
      }
      this.emitProgress();
      if (result.kind === 'stopped') return { outcome: 'stopped' };
      if (result.kind === 'failed') {
        failures++;
        this.emit({ type: 'trade-failed', trade, code: result.code, reason: result.reason });
        if (failures >= params.maxConsecutiveFailures)
          return tooManyFailures(failures, result.reason);
      } else {
        failures = 0;
      }
      if (params.maxLossUsdt !== null && this.tally.costUsdt.gte(params.maxLossUsdt)) {
        return {
          outcome: 'max-loss',
          reasonCode: 'MAX_LOSS',
          reason: {
            code: 'MAX_LOSS',
            costUsdt: this.tally.costUsdt.toFixed(4),
            maxLossUsdt: params.maxLossUsdt,
          },
        };
      }
      if (signal.aborted) return { outcome: 'stopped' };
      // The stops matter only while more trades would follow.
      if (this.tally.done.lt(prep.targetVolumeUsdt)) {
        const stop =
          wearStop(
            params.maxWearBps,
            trade,
            tradeWear?.wearBps ?? null,
            this.wear.total().wearBps,
          ) ?? (await priceMoveStop(deps, params, trade, plan.marketPrice));
        if (stop) return stop;
      }
    }
  }

  private account(result: TradeResult): void {
    this.tally.account(result);
    if (
      result.kind === 'pending-open' ||
      ((result.kind === 'failed' || result.kind === 'stopped') && result.pending)
    ) {
      if (result.pending) this.pending.add(result.pending);
    }
    if (result.kind === 'pending-open' && result.pending)
      this.pendingFeeInTally.set(result.pending.orderId, result.sellFeeQuote);
  }

  private snapshot(): StrategyProgress {
    return this.tally.snapshot(this.wear);
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
      progress = emptyProgress(this.params.targetVolumeUsdt);
    }
    return summaryOf(finish, progress, {
      params: this.params,
      prep,
      pending: this.pending,
      leftovers: this.leftovers,
    });
  }
}
