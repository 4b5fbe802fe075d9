/**
 * Which order rows the table draws highlighted. A row is highlighted from the first time the
 * table draws it changed, for `holdMs`, and again on each later change, so a row that changes
 * many times a second simply stays highlighted (nothing restarts per update). The hold counts
 * from the first draw, not from the change, so a busy page that draws a change late still shows
 * it; a change older than `windowMs` when first drawn (a row scrolled into view long after) is
 * not highlighted. `nowMs` is the table's clock: the same value until it ticks.
 */
export class RowFlashes {
  /** Rows drawn changed within the window: the change drawn and when it was first drawn. */
  private readonly drawn = new Map<string, { changedAtMs: number; drawnAtMs: number }>();
  private prunedAtMs = -Infinity;

  constructor(
    private readonly holdMs: number,
    private readonly windowMs: number,
  ) {}

  /** Whether to draw this row highlighted now; `changedAtMs` null = never changed while watched. */
  isFlashing(orderId: string, changedAtMs: number | null, nowMs: number): boolean {
    if (nowMs !== this.prunedAtMs) this.prune(nowMs);
    if (changedAtMs === null || nowMs - changedAtMs >= this.windowMs) return false;
    let seen = this.drawn.get(orderId);
    if (seen === undefined || seen.changedAtMs !== changedAtMs) {
      seen = { changedAtMs, drawnAtMs: nowMs };
      this.drawn.set(orderId, seen);
    }
    return nowMs - seen.drawnAtMs < this.holdMs;
  }

  /** Forgets changes past the window (once per clock value: only rows changed recently stay). */
  private prune(nowMs: number): void {
    this.prunedAtMs = nowMs;
    for (const [id, seen] of this.drawn)
      if (nowMs - seen.changedAtMs >= this.windowMs) this.drawn.delete(id);
  }
}
