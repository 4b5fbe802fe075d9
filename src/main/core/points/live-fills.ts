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
 * or the time between reads). A fill timed after the moment it is recorded (a clock ahead of
 * ours) is kept as it is: the next read may not include it yet, so it must outlive that read.
 */
export class LiveFills {
  private readonly days = new Map<number, LiveDay>();
  private ahead: WearFill[] = [];

  /** Adds a fill recorded at `nowMs`. */
  add(fill: WearFill, nowMs: number): void {
    if (fill.timeMs > nowMs) {
      this.ahead.push(fill);
      return;
    }
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

  /**
   * An exchange read at `readMs` lists every fill up to then: those are dropped (every folded
   * fill was recorded by then, so timed no later), those timed after it stay.
   */
  afterRead(readMs: number): void {
    this.days.clear();
    this.ahead = this.ahead.filter((f) => f.timeMs > readMs);
  }

  /** Σ BUY quote × mulPoint of the fills timed from `fromMs` on. */
  countedFrom(fromMs: number): Big {
    let counted = new Big(0);
    for (const day of this.days.values())
      if (day.dayStartMs >= fromMs) counted = counted.plus(day.counted);
    for (const f of this.ahead)
      if (f.timeMs >= fromMs && f.side === 'BUY')
        counted = counted.plus(new Big(f.quote).times(f.mulPoint));
    return counted;
  }

  /** Adds the fills timed from `fromMs` (a UTC day start) on to `tally`. */
  addTo(tally: WearTally, fromMs: number): void {
    // Those timed ahead were recorded before any folded fill of the same time.
    for (const f of this.ahead) if (f.timeMs >= fromMs) tally.add(f);
    for (const day of this.days.values()) if (day.dayStartMs >= fromMs) tally.addTally(day.tally);
  }

  /** Every fill, one tally per UTC day (`YYYY-MM-DD`). */
  byDay(): Map<string, WearTally> {
    const out = new Map<string, WearTally>();
    const tallyOf = (day: string): WearTally => {
      let tally = out.get(day);
      if (tally === undefined) out.set(day, (tally = new WearTally()));
      return tally;
    };
    for (const f of this.ahead) tallyOf(utcDate(f.timeMs)).add(f);
    for (const day of this.days.values()) tallyOf(utcDate(day.dayStartMs)).addTally(day.tally);
    return out;
  }
}
