import Big from 'big.js';
import { utcDate, utcDayStartMs } from './points-rules.ts';
import { WearTally, type WearFill } from './wear.ts';

interface LiveDay {
  /** UTC day start of the fills folded here. */
  readonly dayStartMs: number;
  readonly tally: WearTally;
  /** Σ BUY quote × mulPoint (the counted volume they add). */
  counted: Big;
}

/**
 * The fills seen on the stream since the points service's last exchange read, folded as they
 * come into one tally per UTC day (sums, not the fills: memory does not grow with the feed rate
 * or the time between reads). A read at `readMs` lists the fills timed up to then, so those
 * are dropped and later ones kept: a fill timed after the moment it is recorded (a clock ahead
 * of ours) is held as it is until our clock passes its time, then folded too (any read that
 * ends after that lists it). What is held one by one is bounded by the clocks' difference.
 */
export class LiveFills {
  private readonly days = new Map<number, LiveDay>();
  /** Fills timed after our clock, by time (equal times in the order recorded), from `head` on. */
  private ahead: WearFill[] = [];
  private head = 0;

  /** Adds a fill recorded at `nowMs`. */
  add(fill: WearFill, nowMs: number): void {
    this.foldDue(nowMs);
    if (fill.timeMs <= nowMs) {
      this.fold(fill);
      return;
    }
    // Usually in time order: found from the end.
    let i = this.ahead.length;
    while (i > this.head && this.ahead[i - 1]!.timeMs > fill.timeMs) i--;
    this.ahead.splice(i, 0, fill);
  }

  /** A read at `readMs` lists every fill timed up to then: those are dropped, later ones stay. */
  afterRead(readMs: number): void {
    this.days.clear();
    while (this.head < this.ahead.length && this.ahead[this.head]!.timeMs <= readMs) this.head++;
    this.compact();
  }

  /** Σ BUY quote × mulPoint of the fills timed from `fromMs` (a UTC day start) on. */
  countedFrom(fromMs: number): Big {
    let counted = new Big(0);
    for (const day of this.days.values())
      if (day.dayStartMs >= fromMs) counted = counted.plus(day.counted);
    for (const f of this.pending())
      if (f.timeMs >= fromMs && f.side === 'BUY')
        counted = counted.plus(new Big(f.quote).times(f.mulPoint));
    return counted;
  }

  /** Adds the fills timed from `fromMs` (a UTC day start) on to `tally`. */
  addTo(tally: WearTally, fromMs: number): void {
    for (const day of this.days.values()) if (day.dayStartMs >= fromMs) tally.addTally(day.tally);
    // Timed after every folded fill.
    for (const f of this.pending()) if (f.timeMs >= fromMs) tally.add(f);
  }

  /** Every fill, one tally per UTC day (`YYYY-MM-DD`). */
  byDay(): Map<string, WearTally> {
    const out = new Map<string, WearTally>();
    const tallyOf = (day: string): WearTally => {
      let tally = out.get(day);
      if (tally === undefined) out.set(day, (tally = new WearTally()));
      return tally;
    };
    for (const day of this.days.values()) tallyOf(utcDate(day.dayStartMs)).addTally(day.tally);
    for (const f of this.pending()) tallyOf(utcDate(f.timeMs)).add(f);
    return out;
  }

  /** Fills held one by one (timed ahead of our clock when recorded). */
  get heldCount(): number {
    return this.ahead.length - this.head;
  }

  private pending(): WearFill[] {
    return this.ahead.slice(this.head);
  }

  /** Folds the fills held ahead whose time our clock has reached. */
  private foldDue(nowMs: number): void {
    while (this.head < this.ahead.length && this.ahead[this.head]!.timeMs <= nowMs)
      this.fold(this.ahead[this.head++]!);
    this.compact();
  }

  /** Lets go of the fills before `head` (at most a few are left behind, not a read's worth). */
  private compact(): void {
    if (this.head === 0) return;
    if (this.head === this.ahead.length) this.ahead = [];
    else if (this.head >= 64 || this.head * 2 >= this.ahead.length)
      this.ahead = this.ahead.slice(this.head);
    else return;
    this.head = 0;
  }

  private fold(fill: WearFill): void {
    const dayStartMs = utcDayStartMs(fill.timeMs);
    let day = this.days.get(dayStartMs);
    if (day === undefined) {
      day = { dayStartMs, tally: new WearTally(), counted: new Big(0) };
      this.days.set(dayStartMs, day);
    }
    day.tally.add(fill);
    if (fill.side === 'BUY')
      day.counted = day.counted.plus(new Big(fill.quote).times(fill.mulPoint));
  }
}
