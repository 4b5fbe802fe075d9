import Big from 'big.js';
import { Emitter } from '../../../shared/event/emitter.ts';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import type { Clock } from '../ports/clock.ts';
import { nullLogger, type Logger } from '../ports/logger.ts';
import type { AggTicker24Item, AlphaRestClient, UserScore, UserTrade } from '../rest/index.ts';
import { msUntilUtcMidnight, utcDate, utcDayStartMs, volumePoints } from './points-rules.ts';
import { dailySummary, type DailySummaryRow } from './daily-summary.ts';
import { buildSnapshot, type PointsSnapshot } from './points-snapshot.ts';
import { LiveFills } from './live-fills.ts';
import { WearTally, type WearFill } from './wear.ts';

export type { PointsSnapshot } from './points-snapshot.ts';

/** Fills seen on the stream reach the points card at most this often (a human figure). */
export const FILL_PUBLISH_INTERVAL_MS = 1_000;

/** What the service reads: the part of AlphaRestClient it calls. */
export type PointsRestPort = Pick<
  AlphaRestClient,
  'getUserScore' | 'getAggTicker24' | 'getUserTrades'
>;

export interface PointsServiceOptions {
  accountId: string;
  rest: PointsRestPort;
  clock: Clock;
  logger?: Logger;
  /** Token for "X USDT of buys for the next point" (short symbol); default the best mulPoint. */
  preferredToken?: string;
}

/** A fill seen on the stream after the last read (what the projection adds). */
export function wearFillOfTrade(trade: UserTrade, mulPoint: number): WearFill {
  return {
    symbol: trade.symbol,
    side: trade.side,
    qty: trade.qty,
    quote: trade.quoteQty,
    price: trade.price,
    commission: trade.commission,
    commissionAsset: trade.commissionAsset,
    baseAsset: trade.baseAsset,
    quoteAsset: trade.quoteAsset,
    timeMs: trade.time,
    mulPoint,
  };
}

/**
 * One account's Alpha points: today's counted volume and points, balance points, the 15-day
 * sum and what was spent, the buys the next point needs, time left until 00:00 UTC, and
 * today's wear. The exchange's `user-score` is the truth; between reads the figure is
 * projected from fills seen since (× the token's live mulPoint). When a read and the
 * projection from today's fills disagree, the exchange wins and the difference is shown.
 */
export class PointsService implements Disposable {
  private readonly changed = new Emitter<PointsSnapshot>({ name: 'points-service.change' });
  /** A new snapshot (after a read or a fill). */
  readonly onDidChange = this.changed.event;

  private score: UserScore | null = null;
  private readMs = 0;
  private tickers: AggTicker24Item[] = [];
  /**
   * The window's fills as the exchange listed them at the last read, folded per UTC day
   * (`YYYY-MM-DD`; the per-day summary, and today's wear), with today's counted volume.
   */
  private readByDay = new Map<string, WearTally>();
  private readCountedToday = new Big(0);
  /** Fills seen on the stream after the last read, folded per day (not kept one by one). */
  private readonly liveFills = new LiveFills();
  private last: PointsSnapshot | null = null;
  /** Fills recorded since the last snapshot are published when this fires. */
  private publishTimer: Disposable | undefined;
  private lastComputeMs = 0;

  constructor(private readonly options: PointsServiceOptions) {}

  /** Reads user-score, the token list (live mulPoint, prices) and today's fills. */
  async refresh(): Promise<PointsSnapshot> {
    const { rest, clock } = this.options;
    const [score, tickers, trades] = await Promise.all([
      rest.getUserScore(),
      rest.getAggTicker24(),
      rest.getUserTrades({}),
    ]);
    const nowMs = clock.now();
    const dayStartMs = utcDayStartMs(nowMs);
    this.score = score;
    this.tickers = tickers;
    this.readMs = nowMs;
    const windowFills = trades
      .filter((t) => t.time >= score.startDatetimeMs && t.time <= nowMs)
      .map((t) => wearFillOfTrade(t, this.mulPointOf(t.baseAsset)));
    this.readByDay = new Map();
    let countedToday = new Big(0);
    for (const f of windowFills) {
      const day = utcDate(f.timeMs);
      let tally = this.readByDay.get(day);
      if (tally === undefined) this.readByDay.set(day, (tally = new WearTally()));
      tally.add(f);
      if (f.timeMs >= dayStartMs && f.side === 'BUY')
        countedToday = countedToday.plus(new Big(f.quote).times(f.mulPoint));
    }
    this.readCountedToday = countedToday;
    this.liveFills.afterRead(nowMs);
    return this.publish();
  }

  /**
   * Adds a fill seen after the last read (e.g. a TRADE frame), valued with the token's live
   * mulPoint when the fill does not carry one. `snapshot()` includes it at once; `onDidChange`
   * tells within FILL_PUBLISH_INTERVAL_MS, once for all the fills recorded meanwhile.
   */
  recordFill(fill: Omit<WearFill, 'mulPoint'> & { mulPoint?: number }): void {
    if (fill.timeMs <= this.readMs) return;
    this.liveFills.add(
      { ...fill, mulPoint: fill.mulPoint ?? this.mulPointOf(fill.baseAsset) },
      this.options.clock.now(),
    );
    if (this.score) this.schedulePublish();
  }

  /**
   * A snapshot is not free (decimal sums, the window's days; it once walked today's fills, and
   * publishing one per fill made a busy account's fills quadratic and held up everything behind
   * it on the event loop, the order table's pushes included). Fills are published together instead, at most one snapshot per
   * FILL_PUBLISH_INTERVAL_MS, and never more than a tenth of the time goes to computing them.
   */
  private schedulePublish(): void {
    if (this.publishTimer) return;
    const { clock } = this.options;
    const delayMs = Math.max(FILL_PUBLISH_INTERVAL_MS, 10 * this.lastComputeMs);
    this.publishTimer = clock.setTimeout(() => {
      this.publishTimer = undefined;
      this.publish();
    }, delayMs);
  }

  /** The latest snapshot, recomputed for the current time; null before the first read. */
  snapshot(): PointsSnapshot | null {
    return this.score ? this.compute() : null;
  }

  /** The live mulPoint of each token (alphaId → mulPoint) at the last read. */
  mulPoints(): Record<string, number> {
    return Object.fromEntries(
      this.tickers.map((t) => [t.alphaId, t.mulPoint > 0 ? t.mulPoint : 1]),
    );
  }

  /** Per UTC day of the window: counted volume, points and the wear of the listed fills. */
  dailySummary(): DailySummaryRow[] {
    const snapshot = this.snapshot();
    if (!snapshot) return [];
    const marks: Record<string, string> = {};
    for (const t of this.tickers) marks[`${t.alphaId}USDT`] = String(t.price);
    const byDay = new Map<string, WearTally>();
    for (const [day, tally] of [...this.readByDay, ...this.liveFills.byDay()]) {
      const merged = byDay.get(day) ?? new WearTally();
      merged.addTally(tally);
      byDay.set(day, merged);
    }
    return dailySummary(snapshot, [], marks, byDay);
  }

  dispose(): void {
    this.publishTimer?.dispose();
    this.publishTimer = undefined;
    this.changed.dispose();
  }

  private publish(): PointsSnapshot {
    this.publishTimer?.dispose();
    this.publishTimer = undefined;
    const startMs = this.options.clock.now();
    this.last = this.compute();
    this.lastComputeMs = this.options.clock.now() - startMs;
    this.changed.fire(this.last);
    return this.last;
  }

  private mulPointOf(alphaId: string): number {
    const item = this.tickers.find((t) => t.alphaId === alphaId);
    return item && item.mulPoint > 0 ? item.mulPoint : 1;
  }

  private compute(): PointsSnapshot {
    const nowMs = this.options.clock.now();
    const today = utcDate(nowMs);
    const dayStartMs = utcDayStartMs(nowMs);
    // After 00:00 UTC the last read says nothing about the new day.
    const sameDay = utcDate(this.readMs) === today;
    const readToday = sameDay ? this.readByDay.get(today) : undefined;
    const exchangeRow = sameDay ? this.score!.days.find((d) => d.date === today) : undefined;
    const projectedAtRead = sameDay ? this.readCountedToday : new Big(0);
    const exchangeCounted = exchangeRow ? new Big(exchangeRow.alphaVolume) : null;
    // The exchange wins: its figure at the read, plus what was filled since.
    const liveCounted = this.liveFills.countedFrom(dayStartMs);
    const counted = (exchangeCounted ?? projectedAtRead).plus(liveCounted);
    const todayTally = new WearTally();
    if (readToday) todayTally.addTally(readToday);
    this.liveFills.addTo(todayTally, dayStartMs);
    return buildSnapshot({
      accountId: this.options.accountId,
      nowMs,
      readMs: this.readMs,
      score: this.score!,
      exchangeRow,
      countedUsdt: counted,
      exchangeCountedUsdt: exchangeCounted,
      projectedCountedUsdt: projectedAtRead.plus(liveCounted),
      projectedAtReadUsdt: projectedAtRead,
      volumePointsToday: volumePoints(counted),
      msUntilDayEnd: msUntilUtcMidnight(nowMs),
      tickers: this.tickers,
      todayTally,
      preferredToken: this.options.preferredToken,
      logger: this.options.logger ?? nullLogger,
    });
  }
}
