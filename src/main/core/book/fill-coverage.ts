import Big from 'big.js';

/** A stretch `(from, to]` of an order's cumulative filled quantity. */
export type FillRange = readonly [from: Big, to: Big];

/** What an out-of-order or overlapping fill adds to what was counted before. */
export interface FillGrowth {
  /** Quantity of the fill not counted before (zero when all of it was). */
  uncounted: Big;
  /** The new counted mark (the highest cumulative quantity counted). */
  countedTo: Big;
  /** Stretches below the mark still not counted (a fill seen out of order left them). */
  holes: FillRange[];
}

/**
 * The slow path of fill counting, for a fill that does not start exactly at the counted mark:
 * a REST backfill already counted it (whole or in part), or stream frames came out of order.
 * A fill covers `(z - l, z]`; only the parts in a hole or above the mark are new.
 */
export function growthOfFill(
  fill: { lastFilledQty: string; cumulativeFilledQty: string },
  countedTo: string,
  holes: readonly FillRange[],
): FillGrowth {
  const to = new Big(fill.cumulativeFilledQty);
  let from = to.minus(fill.lastFilledQty);
  if (from.lt(0)) from = new Big(0);
  const mark = new Big(countedTo);
  let uncounted = new Big(0);
  const left: FillRange[] = [];
  for (const [holeFrom, holeTo] of holes) {
    const lo = holeFrom.gt(from) ? holeFrom : from;
    const hi = holeTo.lt(to) ? holeTo : to;
    if (!hi.gt(lo)) {
      left.push([holeFrom, holeTo]);
      continue;
    }
    uncounted = uncounted.plus(hi.minus(lo));
    if (holeFrom.lt(lo)) left.push([holeFrom, lo]);
    if (hi.lt(holeTo)) left.push([hi, holeTo]);
  }
  if (!to.gt(mark)) return { uncounted, countedTo: mark, holes: left };
  uncounted = uncounted.plus(to.minus(from.gt(mark) ? from : mark));
  if (from.gt(mark)) left.push([mark, from]);
  return { uncounted, countedTo: to, holes: left };
}

/**
 * Whether a fill `(z - l, z]` lies, at least in part, in one of `holes` (stretches below the
 * counted mark not counted yet). Reconciliation backfills a missed fill below the mark only
 * when this holds, so a fill counted already is never offered to the book twice.
 */
export function fillsHole(
  fill: { lastFilledQty: string; cumulativeFilledQty: string },
  holes: readonly FillRange[],
): boolean {
  if (holes.length === 0) return false;
  const to = new Big(fill.cumulativeFilledQty);
  const from = to.minus(fill.lastFilledQty);
  for (const [holeFrom, holeTo] of holes) {
    const lo = holeFrom.gt(from) ? holeFrom : from;
    const hi = holeTo.lt(to) ? holeTo : to;
    if (hi.gt(lo)) return true;
  }
  return false;
}

/** The share `uncounted / filled` of a fill's quote quantity or fee, exactly where it divides. */
export function shareOf(value: string, uncounted: Big, filled: string): string {
  return new Big(value).times(uncounted).div(filled).round(12, Big.roundHalfUp).toFixed();
}
