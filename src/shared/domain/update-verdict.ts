/**
 * What the engine's order book decided about one order update. The book is the only place that
 * decides; the verdict travels with the update (monitor event, journal record, IPC views), so
 * the window, the CSV export and a reopened session never apply rules of their own.
 */
export interface UpdateVerdict {
  outcome: VerdictOutcome;
  /** Why, as a stable code (translated only where it is shown). */
  reason: VerdictReason;
  /**
   * What this update added to the filled volume: only the part of its fill not counted before
   * (a fill a REST backfill already counted adds nothing). Null when it adds nothing.
   */
  counted: CountedFill | null;
}

export type VerdictOutcome =
  /** The order's new state. */
  | 'applied'
  /** Counted and kept in history, but older than the order's state: the state does not move. */
  | 'late'
  /** Seen before: dropped, counted only as a duplicate. */
  | 'duplicate';

export const VERDICT_REASONS = [
  /** applied: the first update of its order. */
  'first-seen',
  /** applied: moves its order forward. */
  'moves-forward',
  /** late: an event id below the order's current one (pushes arrived out of order). */
  'older-event',
  /** late: the order had ended already (e.g. a backfill said FILLED before the stream did). */
  'after-terminal',
  /** late: a cumulative filled quantity below the order's current one. */
  'fill-behind',
  /** duplicate: the same event id was seen before. */
  'repeated-event',
  /** duplicate: a REST backfill that does not move its order forward. */
  'adds-nothing',
] as const;
export type VerdictReason = (typeof VERDICT_REASONS)[number];

/** Filled quantity counted for the first time by one update. Decimal strings. */
export interface CountedFill {
  /** Base quantity (part of `l`). */
  base: string;
  /** Quote quantity (the same share of `Y`). */
  quote: string;
  /** Fee (the same share of `n`), in the update's `commissionAsset`; null without one. */
  fee: string | null;
}

const OUTCOME_OF: Record<VerdictReason, VerdictOutcome> = {
  'first-seen': 'applied',
  'moves-forward': 'applied',
  'older-event': 'late',
  'after-terminal': 'late',
  'fill-behind': 'late',
  'repeated-event': 'duplicate',
  'adds-nothing': 'duplicate',
};

/** Narrow check of a verdict read back from a file or a wire. */
export function isUpdateVerdict(value: unknown): value is UpdateVerdict {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.reason !== 'string' || !(v.reason in OUTCOME_OF)) return false;
  if (OUTCOME_OF[v.reason as VerdictReason] !== v.outcome) return false;
  if (v.counted === null) return true;
  const c = v.counted as Record<string, unknown> | undefined;
  return (
    typeof c === 'object' &&
    typeof c.base === 'string' &&
    typeof c.quote === 'string' &&
    (c.fee === null || typeof c.fee === 'string')
  );
}
