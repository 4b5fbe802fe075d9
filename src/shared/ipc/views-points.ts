/**
 * Alpha points and wear (磨损) of one account, as the engine computes them (issue 11,
 * ALPHA-PROTOCOL.md §9). One shape for the CLI's `points --json`, the app's points card and
 * the fleet view. Money is decimal strings (USDT), points are integers.
 *
 * Sign convention, everywhere: positive wear = money lost. wear = quote spent on BUYs − quote
 * received on SELLs + fees valued at the fill price − tokens bought and not (yet) sold valued
 * at the mark. In bps of counted volume (Σ BUY quote × the token's mulPoint).
 */
import type { IpcError } from './result.ts';

/** Wear over a set of fills. `wearBps` is null without counted volume. */
export interface Wear {
  wearUsdt: string;
  wearBps: string | null;
  /** Σ BUY quote × mulPoint, USDT. */
  countedVolumeUsdt: string;
  /** Σ BUY quote, USDT (the volume before the multiplier). */
  buyQuoteUsdt: string;
  sellQuoteUsdt: string;
  feesUsdt: string;
  /** Tokens bought and not sold, valued at the mark (subtracted from the wear). */
  heldValueUsdt: string;
  fills: number;
}

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

/** One account's points picture at one moment. */
export interface PointsSnapshot {
  accountId: string;
  asOfMs: number;
  /** When user-score was last read. */
  readAtMs: number;
  /** Today, UTC. */
  date: string;
  /** Time left at `asOfMs` until 00:00 UTC, when today's volume stops counting toward today. */
  msUntilDayEnd: number;
  today: {
    /** What the points come from: the exchange's at the last read plus fills since (or projected). */
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

/** Progress toward the daily target (volume points today, the `dailyPointsTarget` setting). */
export interface PointsTarget {
  points: number;
  reached: boolean;
  /** Counted volume still missing for the target (0 when reached), USDT. */
  countedNeededUsdt: string;
  /** USDT of BUYs on the next point's token that reach it; null without a token. */
  buyUsdt: string | null;
}

/**
 * `loading`: the first read is under way. `ready`: a snapshot. `failed`: the last read failed
 * (`problem` says why; an older snapshot may still be shown). `stopped`: the account's monitor
 * stopped, the last snapshot stays.
 */
export type PointsViewState = 'loading' | 'ready' | 'failed' | 'stopped';

/** What the app's points card and the fleet view show of one account. */
export interface PointsView {
  accountId: string;
  state: PointsViewState;
  /** Why the last read failed (code and params; `message` English, for logs). */
  problem: IpcError | null;
  snapshot: PointsSnapshot | null;
  /** Null until the first snapshot. */
  target: PointsTarget | null;
}

/** The daily volume-points target when the user has not set one (2^15 counted USDT). */
export const DEFAULT_DAILY_POINTS_TARGET = 15;
