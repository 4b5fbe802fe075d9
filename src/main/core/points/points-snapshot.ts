import Big from 'big.js';
import type { Logger } from '../ports/logger.ts';
import type { AggTicker24Item, UserScore, UserScoreDay } from '../rest/index.ts';
import { utcDate, volumeThreshold } from './points-rules.ts';
import type { PointsSnapshot } from '../../../shared/ipc/views-points.ts';
import { costPerPoint, type WearTally } from './wear.ts';

export type { NextPoint, PointsDay, PointsSnapshot } from '../../../shared/ipc/views-points.ts';

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
  /** Today's fills (listed at the read, then seen since), folded. */
  todayTally: WearTally;
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
  const wear = input.todayTally.wear(marks);
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
