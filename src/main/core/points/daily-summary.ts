import Big from 'big.js';
import type { PointsSnapshot } from '../../../shared/ipc/views-points.ts';
import { balancePoints, volumePoints } from './points-rules.ts';
import { costPerPoint, wearByUtcDay, type WearFill, type WearTally } from './wear.ts';

/** One UTC day of an account, as the per-day summary CSV writes it. */
export interface DailySummaryRow {
  date: string;
  /** Σ BUY quote of the day's fills, USDT; null when the exchange listed no fill that day. */
  volumeUsdt: string | null;
  /** What the points come from: the exchange's row (today: plus fills since the read), else the fills × mulPoint. */
  countedVolumeUsdt: string;
  /** `exchange`: user-score listed the day; `fills`: projected from the day's fills. */
  countedSource: 'exchange' | 'fills';
  volumePoints: number;
  /** Null when the exchange listed no row for the day (no balance snapshot). */
  balancePoints: number | null;
  totalPoints: number;
  /** Null without fills that day. */
  wearUsdt: string | null;
  /** Wear in bps of the fills' counted volume. */
  wearBps: string | null;
  /** Wear ÷ the day's volume points. */
  costPerPoint: string | null;
  fills: number;
}

/**
 * Per UTC day, oldest first: the exchange's points rows of the window, joined with the wear of
 * the fills the exchange listed (plus those seen since the read, `liveByDay`, already folded per
 * day). Today's counted volume and points are the snapshot's (the exchange wins; fills since the
 * read are added).
 */
export function dailySummary(
  snapshot: PointsSnapshot,
  fills: readonly WearFill[],
  marks: Readonly<Record<string, string>> = {},
  liveByDay: ReadonlyMap<string, WearTally> = new Map(),
): DailySummaryRow[] {
  const wear = wearByUtcDay(fills, marks, liveByDay);
  const rows = new Map(snapshot.window.days.map((d) => [d.date, d]));
  const dates = [...new Set([...rows.keys(), ...wear.keys(), snapshot.date])].sort();
  return dates.map((date) => {
    const row = rows.get(date);
    const w = wear.get(date);
    const isToday = date === snapshot.date;
    const counted = isToday
      ? snapshot.today.countedVolumeUsdt
      : (row?.countedVolumeUsdt ?? w?.countedVolumeUsdt ?? '0');
    const volPts = isToday ? snapshot.today.volumePoints : volumePoints(counted);
    const balPts = isToday
      ? snapshot.today.balancePoints
      : row
        ? balancePoints(row.balanceUsdt)
        : null;
    return {
      date,
      volumeUsdt: w ? w.buyQuoteUsdt : null,
      countedVolumeUsdt: new Big(counted).toFixed(),
      countedSource: (isToday ? snapshot.today.exchangeCountedVolumeUsdt !== null : !!row)
        ? 'exchange'
        : 'fills',
      volumePoints: volPts,
      balancePoints: balPts,
      totalPoints: volPts + (balPts ?? 0),
      wearUsdt: w ? w.wearUsdt : null,
      wearBps: w ? w.wearBps : null,
      costPerPoint: w ? costPerPoint(w.wearUsdt, volPts) : null,
      fills: w ? w.fills : 0,
    };
  });
}
