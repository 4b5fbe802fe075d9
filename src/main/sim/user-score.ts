import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/ports/clock.ts';
import {
  balancePoints,
  DAY_MS,
  utcDate,
  utcDayStartMs,
  volumePoints,
  WINDOW_DAYS,
} from '../core/points/points-rules.ts';
import type { AccountState } from './accounts.ts';
import { Big } from './decimal.ts';
import type { Market } from './market.ts';
import type { SimFill, SimOrder } from './order-model.ts';
import type { Random } from './random.ts';

/** One UTC day of an account: counted volume and the last balance snapshot taken that day. */
interface DayRecord {
  countedVolume: Big;
  /** Undefined for today until read: today's snapshot is the live valuation. */
  balanceSnapshot: Big | undefined;
}

/** A points spend (an airdrop claim), as user-score lists it. */
export interface PointsSpend {
  id: number;
  spendTimeMs: number;
  score: Big;
  bizType: string;
  bizId: string;
}

/** The captured spend: every claim in the capture took 15 points. */
export const AIRDROP_CLAIM_POINTS = '15';

/**
 * Alpha points per account, from the simulated account's own fills (ALPHA-PROTOCOL.md §9):
 * per UTC day, counted volume = Σ BUY quote × the token's mulPoint at fill time; volume
 * points = floor(log2(counted)); balance points from the tiers on the day's balance
 * snapshot; a 15-day window starting at 00:00 UTC; spends (airdrop claims) subtracted.
 * Inferred: today's row is listed while the day runs, with the live balance (the capture
 * cannot say); days without a fill or a seed are left out of the list.
 */
export class ScoreBook {
  private readonly days = new Map<string, Map<number, DayRecord>>();
  private readonly spends = new Map<string, PointsSpend[]>();
  private nextSpendId = 1_000_001;

  constructor(
    private readonly clock: Clock,
    private readonly market: Market,
  ) {}

  /** Counts a fill: only BUYs count, multiplied by the token's mulPoint as it is now. */
  record(order: SimOrder, fill: SimFill, account: AccountState | undefined): void {
    if (order.side !== 'BUY') return;
    const mulPoint = this.market.bySymbol(order.symbol)?.listing.mulPoint ?? 1;
    const day = this.day(order.userId, utcDayStartMs(fill.timeMs));
    day.countedVolume = day.countedVolume.plus(fill.quote.times(mulPoint));
    if (account) day.balanceSnapshot = this.valuation(account);
  }

  /** Today's counted volume of an account (what the points come from). */
  countedToday(userId: string): Big {
    return this.days.get(userId)?.get(utcDayStartMs(this.clock.now()))?.countedVolume ?? new Big(0);
  }

  /**
   * Spends points as an airdrop claim would (default 15). Refused (RangeError) when the
   * window's sum is smaller than the spend.
   */
  spend(account: AccountState, score: string = AIRDROP_CLAIM_POINTS): PointsSpend {
    const amount = new Big(score);
    if (amount.lte(0)) throw new RangeError(`A spend must be > 0 points, got ${score}`);
    const available = this.sum(account);
    if (available.lt(amount)) {
      throw new RangeError(
        `Not enough points: ${available.toFixed()} in the window, ${amount.toFixed()} needed`,
      );
    }
    const spend: PointsSpend = {
      id: this.nextSpendId++,
      spendTimeMs: this.clock.now(),
      score: amount,
      bizType: 'AIRDROP',
      bizId: randomUUID().replace(/-/g, ''),
    };
    const list = this.spends.get(account.userId) ?? [];
    list.push(spend);
    this.spends.set(account.userId, list);
    return spend;
  }

  /**
   * Gives an account `days` past days of activity (yesterday backwards): counted volume
   * around 2^14–2^17, a balance near today's, and an airdrop claim every few days. For the
   * demo, so its points picture is not empty.
   */
  seedHistory(account: AccountState, random: Random, days = WINDOW_DAYS - 1): void {
    const todayMs = utcDayStartMs(this.clock.now());
    const balance = this.valuation(account);
    for (let back = days; back >= 1; back--) {
      const dayMs = todayMs - back * DAY_MS;
      const day = this.day(account.userId, dayMs);
      const spread = (1 + random.next() * 0.9).toFixed(6);
      day.countedVolume = new Big(2).pow(random.int(14, 16)).times(spread).round(8, Big.roundDown);
      day.balanceSnapshot = balance.times((0.97 + random.next() * 0.06).toFixed(6));
      if (back % 5 === 3) {
        const list = this.spends.get(account.userId) ?? [];
        list.push({
          id: this.nextSpendId++,
          spendTimeMs: dayMs + random.int(1, 23) * 3_600_000,
          score: new Big(AIRDROP_CLAIM_POINTS),
          bizType: 'AIRDROP',
          bizId: random.hex(32),
        });
        this.spends.set(account.userId, list);
      }
    }
  }

  /** The user-score `data`, key for key and type for type as captured. */
  reply(account: AccountState): Record<string, unknown> {
    const { startMs, todayMs, rows } = this.window(account);
    const spends = this.spendsInWindow(account.userId, startMs);
    const earned = rows.reduce((s, r) => s + r.total, 0);
    const spent = spends.reduce((s, x) => s.plus(x.score), new Big(0));
    return {
      isPass: null,
      sumScore: new Big(earned).minus(spent).toFixed(),
      startDatetime: startMs,
      endDatetime: todayMs,
      list: rows.map((r) => ({
        date: utcDate(r.dayMs),
        scoreTime: null,
        totalScore: String(r.total),
        balanceScore: String(r.balance),
        alphaVolumeScore: String(r.volume),
        balanceSnapshot: r.balanceSnapshot.toFixed(),
        alphaVolume: r.countedVolume.toFixed(8),
      })),
      userSpendList: [...spends]
        .sort((a, b) => b.spendTimeMs - a.spendTimeMs)
        .map((s) => ({
          id: s.id,
          spendTime: s.spendTimeMs,
          spendScore: s.score.toFixed(18),
          bizType: s.bizType,
          bizId: s.bizId,
        })),
    };
  }

  private sum(account: AccountState): Big {
    const { startMs, rows } = this.window(account);
    const spent = this.spendsInWindow(account.userId, startMs).reduce(
      (s, x) => s.plus(x.score),
      new Big(0),
    );
    return new Big(rows.reduce((s, r) => s + r.total, 0)).minus(spent);
  }

  /** The window's rows, newest first; today's balance is the live valuation. */
  private window(account: AccountState) {
    const todayMs = utcDayStartMs(this.clock.now());
    const startMs = todayMs - (WINDOW_DAYS - 1) * DAY_MS;
    const days = this.days.get(account.userId) ?? new Map<number, DayRecord>();
    const rows = [];
    for (let dayMs = todayMs; dayMs >= startMs; dayMs -= DAY_MS) {
      const record = days.get(dayMs);
      if (!record && dayMs !== todayMs) continue;
      const countedVolume = record?.countedVolume ?? new Big(0);
      const balanceSnapshot =
        dayMs === todayMs
          ? this.valuation(account)
          : (record?.balanceSnapshot ?? this.valuation(account));
      const volume = volumePoints(countedVolume);
      const balance = balancePoints(balanceSnapshot);
      rows.push({
        dayMs,
        countedVolume,
        balanceSnapshot,
        volume,
        balance,
        total: volume + balance,
      });
    }
    return { startMs, todayMs, rows };
  }

  private spendsInWindow(userId: string, startMs: number): PointsSpend[] {
    return (this.spends.get(userId) ?? []).filter((s) => s.spendTimeMs >= startMs);
  }

  /** What the account holds, in USDT: USDT itself plus each token at the market price. */
  private valuation(account: AccountState): Big {
    let total = account.balances.free('USDT').plus(account.balances.locked('USDT'));
    for (const token of this.market.all()) {
      const id = token.listing.alphaId;
      const amount = account.balances.free(id).plus(account.balances.locked(id));
      if (!amount.eq(0)) total = total.plus(amount.times(token.price));
    }
    return total;
  }

  private day(userId: string, dayMs: number): DayRecord {
    let days = this.days.get(userId);
    if (!days) {
      days = new Map();
      this.days.set(userId, days);
    }
    let record = days.get(dayMs);
    if (!record) {
      record = { countedVolume: new Big(0), balanceSnapshot: undefined };
      days.set(dayMs, record);
    }
    return record;
  }
}
