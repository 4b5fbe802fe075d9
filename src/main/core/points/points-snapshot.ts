import Big from 'big.js';
import type { Logger } from '../ports/logger.ts';
import type { AggTicker24Item, UserScore, UserScoreDay } from '../rest/index.ts';
import { utcDate, volumeThreshold } from './points-rules.ts';
import { computeWear, costPerPoint, type Wear, type WearFill } from './wear.ts';

/** One day of the 15-day window, as the exchange gave it. */
export interface PointsDay {
  date: string;
  volumePoints: number;
  balancePoints: number;
  totalPoints: number;
  countedVolumeUsdt: string;
  balanceUsdt: string;
}

/** Where the next volume point is, and what buying there takes. */
export interface NextPoint {
  /** The point it would be (today's volume points + 1). */
  points: number;
  /** Counted volume at which it starts (2^points), USDT. */
  thresholdUsdt: string;
  /** Counted volume still missing, USDT. */
  countedNeededUsdt: string;
  /** USDT of BUYs on `token` that add it (counted needed ÷ mulPoint, rounded up). */
  buyUsdt: string;
  token: string;
  alphaId: string;
  mulPoint: number;
}

/** One account's points picture at one moment. Money is decimal strings; points integers. */
export interface PointsSnapshot {
  accountId: string;
  asOfMs: number;
  /** When user-score was last read. */
  readAtMs: number;
  /** Today, UTC. */
  date: string;
  msUntilDayEnd: number;
  today: {
    /** The figure used: the exchange's at the last read plus fills since (or projected). */
    countedVolumeUsdt: string;
    /** Today's row of the last read; null when the exchange listed none for today. */
    exchangeCountedVolumeUsdt: string | null;
    /** Today's fills × live mulPoint. */
    projectedCountedVolumeUsdt: string;
    /** exchange − projection (counted USDT) at the read; null when there is nothing to compare. */
    differenceUsdt: string | null;
    volumePoints: number;
    balancePoints: number;
    /** Balance the points came from (today's row, else the newest row); null when unknown. */
    balanceUsdt: string | null;
    totalPoints: number;
  };
  window: {
    startMs: number;
    endMs: number;
    /** Newest first, today's row as the exchange gave it. */
    days: PointsDay[];
    /** Σ totalScore over the window (exchange). */
    earnedPoints: number;
    /** Σ spends in the window (airdrop claims). */
    spentPoints: number;
    /** The exchange's sumScore. */
    sumPoints: number;
    /** sumScore with today's row replaced by today's figure. */
    projectedSumPoints: number;
    spends: Array<{ timeMs: number; points: number; bizType: string }>;
  };
  nextPoint: NextPoint | null;
  /** Today's wear from today's fills; costPerPoint over today's volume points. */
  wearToday: Wear & { costPerPoint: string | null };
}

export interface SnapshotInput {
  accountId: string;
  nowMs: number;
  readMs: number;
  score: UserScore;
  exchangeRow: UserScoreDay | undefined;
  countedUsdt: Big;
  exchangeCountedUsdt: Big | null;
  projectedCountedUsdt: Big;
  /** Today's fills listed at the read × live mulPoint: what the exchange's figure is checked against. */
  projectedAtReadUsdt: Big;
  volumePointsToday: number;
  msUntilDayEnd: number;
  tickers: readonly AggTicker24Item[];
  todayFills: readonly WearFill[];
  preferredToken?: string;
  logger: Logger;
}

const asInt = (text: string) => Number(new Big(text).round(0, Big.roundDown).toFixed());

/** The token to buy for the next point: the preferred one, else the highest live mulPoint. */
function tokenForNextPoint(
  tickers: readonly AggTicker24Item[],
  preferred: string | undefined,
): AggTicker24Item | undefined {
  const tradable = tickers.filter((t) => !t.offline && !t.offsell && t.mulPoint > 0);
  if (preferred) {
    const wanted = preferred.toUpperCase();
    const match = tradable.find(
      (t) => t.symbol.toUpperCase() === wanted || t.alphaId.toUpperCase() === wanted,
    );
    if (match) return match;
  }
  return [...tradable].sort((a, b) => b.mulPoint - a.mulPoint)[0];
}

/** Builds the snapshot from one read plus the fills since (see PointsService). */
export function buildSnapshot(input: SnapshotInput): PointsSnapshot {
  const { score, exchangeRow } = input;
  const newest = exchangeRow ?? score.days[0];
  const balance = newest ? newest.balanceSnapshot : null;
  const balancePts = newest ? asInt(newest.balanceScore) : 0;
  const totalToday = input.volumePointsToday + balancePts;
  const earned = score.days.reduce((s, d) => s + asInt(d.totalScore), 0);
  const windowSpends = score.spends.filter((s) => s.spendTimeMs >= score.startDatetimeMs);
  const spent = windowSpends.reduce((s, x) => s.plus(x.spendScore), new Big(0));
  const sum = asInt(score.sumScore);
  const exchangeToday = exchangeRow ? asInt(exchangeRow.totalScore) : 0;
  const nextPts = input.volumePointsToday + 1;
  const threshold = volumeThreshold(nextPts);
  const needed = threshold.minus(input.countedUsdt);
  const token = tokenForNextPoint(input.tickers, input.preferredToken);
  if (!token) input.logger.warn('no tradable token to price the next point', {});
  const marks: Record<string, string> = {};
  for (const t of input.tickers) marks[`${t.alphaId}USDT`] = String(t.price);
  const wear = computeWear(input.todayFills, marks);
  return {
    accountId: input.accountId,
    asOfMs: input.nowMs,
    readAtMs: input.readMs,
    date: utcDate(input.nowMs),
    msUntilDayEnd: input.msUntilDayEnd,
    today: {
      countedVolumeUsdt: input.countedUsdt.toFixed(),
      exchangeCountedVolumeUsdt: input.exchangeCountedUsdt?.toFixed() ?? null,
      projectedCountedVolumeUsdt: input.projectedCountedUsdt.toFixed(),
      differenceUsdt:
        input.exchangeCountedUsdt === null
          ? null
          : input.exchangeCountedUsdt.minus(input.projectedAtReadUsdt).toFixed(),
      volumePoints: input.volumePointsToday,
      balancePoints: balancePts,
      balanceUsdt: balance,
      totalPoints: totalToday,
    },
    window: {
      startMs: score.startDatetimeMs,
      endMs: score.endDatetimeMs,
      days: score.days.map((d) => ({
        date: d.date,
        volumePoints: asInt(d.alphaVolumeScore),
        balancePoints: asInt(d.balanceScore),
        totalPoints: asInt(d.totalScore),
        countedVolumeUsdt: d.alphaVolume,
        balanceUsdt: d.balanceSnapshot,
      })),
      earnedPoints: earned,
      spentPoints: Number(spent.toFixed()),
      sumPoints: sum,
      projectedSumPoints: sum - exchangeToday + totalToday,
      spends: windowSpends.map((s) => ({
        timeMs: s.spendTimeMs,
        points: Number(new Big(s.spendScore).toFixed()),
        bizType: s.bizType,
      })),
    },
    nextPoint: token
      ? {
          points: nextPts,
          thresholdUsdt: threshold.toFixed(),
          countedNeededUsdt: needed.toFixed(),
          buyUsdt: needed.div(token.mulPoint).round(8, Big.roundUp).toFixed(),
          token: token.symbol,
          alphaId: token.alphaId,
          mulPoint: token.mulPoint,
        }
      : null,
    wearToday: { ...wear, costPerPoint: costPerPoint(wear.wearUsdt, input.volumePointsToday) },
  };
}
