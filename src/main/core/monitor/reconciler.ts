import type { Reason } from '../../../shared/reasons/reason.ts';
import { reasonOf } from '../../../shared/reasons/reason-of.ts';
import { maskReason } from '../stream/mask-reason.ts';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import { TERMINAL_STATUSES, type OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { ApplyOutcome, OrderBook, OrderFillHolesView } from '../book/order-book.ts';
import { maskFrameText } from '../parser/mask-frame.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import {
  diffWithBook,
  queryOrderFate,
  readExchange,
  withFillsOncePerRun,
  type ExchangeView,
  type ReconcileApi,
} from './backfill.ts';
import { queryHoleFills } from './fill-holes.ts';
import { startOfUtcDayMs, StatusUnknownTracker, type StatusUnknown } from './status-unknown.ts';

/** Why a reconciliation ran. */
export type ReconcileTrigger =
  /** The first subscription was acknowledged: the table starts from the exchange's truth. */
  | 'start'
  /** The stream was down or its key may have lapsed. */
  | 'gap'
  /** The periodic check while live: a difference means the stream missed updates. */
  | 'clock';

/** The outcome of one reconciliation. */
export interface ReconcileResult {
  trigger: ReconcileTrigger;
  gapStartMs: number;
  gapEndMs: number;
  /** Backfill updates the book accepted. */
  backfilled: number;
  /**
   * On the clock: updates the live stream should have delivered and did not (accepted
   * backfills plus orders found not open), so the stream is replaced. 0 otherwise. Deciding a
   * status the stream did send, in a form Alpha Monitor does not know, is not counted.
   */
  missedByStream: number;
  /** Orders newly shown as "status unknown: not open on the exchange". */
  statusUnknown: string[];
  /**
   * Orders whose hole below the counted mark this run left alone after the exchange answered
   * `HOLE_ATTEMPTS` times without placing the missing fill: their total filled is right (the
   * later frame's cumulative figures), but a fill's price and fee are not known, so their
   * fills, fees and wear may be short.
   */
  fillsNotRecovered: string[];
  /** Set when the reconciliation failed: why (outside text masked), for the edges to translate. */
  error?: Reason;
}

export interface ReconcilerSettings {
  /** Widens every window (clock skew). Default 60 s. */
  marginMs?: number;
  /** While any order is open, reconcile this often. Default 60 s (`--reconcile-interval`). */
  intervalMs?: number;
  /** With no open order, reconcile this often. Default 15 min. */
  idleIntervalMs?: number;
  /**
   * On the clock, differences are looked at again after this long before they count as
   * missed: a push may be on its way while REST answers. Default 5 s.
   */
  graceMs?: number;
}

export const DEFAULT_RECONCILE_INTERVAL_MS = 60_000;
export const DEFAULT_IDLE_RECONCILE_INTERVAL_MS = 15 * 60_000;

/**
 * Orders with holes below their counted mark asked about per reconciliation (one user-trades
 * call each, through the account's REST budget); the rest wait for the next one.
 */
export const HOLED_ORDERS_PER_RUN = 10;
/**
 * Answers of the exchange to an order's fills that did not close its hole before it is left
 * alone (logged); a call that failed (network, timeout, 5xx) counts none.
 */
export const HOLE_ATTEMPTS = 3;

export interface ReconcilerDeps {
  api: ReconcileApi;
  book: OrderBook;
  clock: Clock;
  logger: Logger;
  /** Applies a backfill update through the monitor (so it is journalled and handed on). */
  apply(update: OrderUpdate): ApplyOutcome;
  /** True while the stream is live (the clock only checks a live stream). */
  isLive(): boolean;
  /** Fresh listen key, new SUBSCRIBE: the current stream missed updates. */
  replaceStream(): void;
  onResult(result: ReconcileResult): void;
  settings?: ReconcilerSettings;
}

/**
 * Reconciliation, in one place: at start, after every gap and on a clock. Each run reads open
 * orders and history from no later than the oldest order the book believes open (ALPHA-PROTOCOL
 * §5 and gap 6: whether history filters by creation or update time is unknown, and a window
 * that starts before the order was created works for both), applies what moved forward (a
 * known status for an order whose status from the stream it could not read, too), asks user
 * trades about open orders that open orders do not list and history does not place (absent, or
 * in a status it does not know), and marks those it still cannot place. Orders with a hole
 * below their counted mark (a fill the stream never delivered, below one it did) get their
 * fills asked and the missing ones backfilled (`fill-holes.ts`).
 * Runs are queued one after another, never concurrent.
 */
export class Reconciler implements Disposable {
  private readonly deps: ReconcilerDeps;
  private readonly marginMs: number;
  private readonly intervalMs: number;
  private readonly idleIntervalMs: number;
  private readonly graceMs: number;
  private readonly unknown = new StatusUnknownTracker();
  /**
   * Per order with a hole: answers of the exchange to its fills that did not close it, for the
   * holes the order had when asked (`holes`, as `holesKey`). Holes that changed since (a late
   * frame closed some, another fill was lost) are a new question: their count starts afresh.
   */
  private readonly holeAttempts = new Map<string, { holes: string; attempts: number }>();
  private chain: Promise<void> = Promise.resolve();
  private queued = 0;
  private ticker: Disposable | null = null;
  private lastRunStartedAtMs: number | null = null;
  private disposed = false;

  constructor(deps: ReconcilerDeps) {
    this.deps = deps;
    const s = deps.settings ?? {};
    this.marginMs = s.marginMs ?? 60_000;
    this.intervalMs = Math.max(1, s.intervalMs ?? DEFAULT_RECONCILE_INTERVAL_MS);
    this.idleIntervalMs = Math.max(
      this.intervalMs,
      s.idleIntervalMs ?? DEFAULT_IDLE_RECONCILE_INTERVAL_MS,
    );
    this.graceMs = s.graceMs ?? 5_000;
  }

  /** The work queued so far (for a bounded wait on stop). */
  get idle(): Promise<void> {
    return this.chain;
  }

  /** The order's "status unknown" mark, if it has one that still holds. */
  statusUnknownOf(orderId: string): StatusUnknown | null {
    return this.unknown.get(this.deps.book, orderId);
  }

  /** Orders left alone with a hole still open (see {@link ReconcileResult.fillsNotRecovered}). */
  fillsNotRecoveredOrders(): string[] {
    const out: string[] = [];
    for (const holed of this.deps.book.ordersWithFillHoles())
      if (this.attemptsAt(holed) >= HOLE_ATTEMPTS) out.push(holed.orderId);
    return out;
  }

  /** Answers that did not close the holes the order has now (0 when its holes changed). */
  private attemptsAt(holed: OrderFillHolesView): number {
    const asked = this.holeAttempts.get(holed.orderId);
    return asked !== undefined && asked.holes === holesKey(holed) ? asked.attempts : 0;
  }

  /** Every order currently shown as "status unknown: not open on the exchange". */
  statusUnknownOrders(): Array<StatusUnknown & { orderId: string }> {
    return this.unknown.list(this.deps.book);
  }

  /** Starts the clock (idempotent). Ticks at the short interval and decides each time. */
  startClock(): void {
    if (this.ticker || this.disposed) return;
    // Counted from now when nothing ran yet (the start reconciliation normally has).
    this.lastRunStartedAtMs ??= this.deps.clock.now();
    this.ticker = this.deps.clock.setInterval(() => this.tick(), this.intervalMs);
  }

  stopClock(): void {
    this.ticker?.dispose();
    this.ticker = null;
  }

  /** Queues a reconciliation of [gapStartMs, gapEndMs] (widened as described above). */
  schedule(trigger: ReconcileTrigger, gapStartMs: number, gapEndMs: number): void {
    if (this.disposed) return;
    this.queued++;
    this.chain = this.chain.then(async () => {
      this.queued--;
      if (this.disposed) return;
      await this.run(trigger, gapStartMs, gapEndMs);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.stopClock();
  }

  private tick(): void {
    // Anything queued (a gap, the start) covers this tick; a stream that is down reconciles
    // when it comes back.
    if (this.queued > 0 || !this.deps.isLive()) return;
    const now = this.deps.clock.now();
    const last = this.lastRunStartedAtMs ?? now;
    const due = this.believedOpen().length > 0 ? this.intervalMs : this.idleIntervalMs;
    // Half a tick of slack: a run starts a little after the tick that queued it.
    if (now - last < due - this.intervalMs / 2) return;
    this.schedule('clock', last, now);
  }

  /** Ids of orders the book holds as open (not final, not already marked unknown). */
  private believedOpen(): string[] {
    const out: string[] = [];
    for (const record of this.deps.book.openOrders()) {
      if (this.unknown.get(this.deps.book, record.orderId)) continue;
      out.push(record.orderId);
    }
    return out;
  }

  private windowStartMs(trigger: ReconcileTrigger, gapStartMs: number, open: string[]): number {
    let startMs = gapStartMs - this.marginMs;
    // At start: since the monitor started, or since 00:00 UTC, whichever is earlier.
    if (trigger === 'start') startMs = Math.min(startMs, startOfUtcDayMs(gapStartMs));
    for (const id of open) {
      const created = this.deps.book.get(id)?.current.orderCreationTimeMs;
      if (created !== undefined && created > 0)
        startMs = Math.min(startMs, created - this.marginMs);
    }
    return startMs;
  }

  private async run(
    trigger: ReconcileTrigger,
    gapStartMs: number,
    gapEndMs: number,
  ): Promise<void> {
    const { book, clock } = this.deps;
    // An order's fills are asked at most once per run (fees, a targeted query, a hole).
    const api = withFillsOncePerRun(this.deps.api);
    this.lastRunStartedAtMs = clock.now();
    const base = { trigger, gapStartMs, gapEndMs };
    try {
      const open = this.believedOpen();
      const window = {
        startMs: this.windowStartMs(trigger, gapStartMs, open),
        endMs: clock.now() + this.marginMs,
      };
      const view = await readExchange(api, open, window);
      let plan = await diffWithBook(api, book, view, clock.now());
      const holesSeen = this.holedOrdersToAsk().length > 0;
      if (
        trigger === 'clock' &&
        (plan.updates.length > 0 || plan.notListed.length > 0 || holesSeen)
      ) {
        // A push may have been on its way while REST answered: look again before blaming the stream.
        await this.wait(this.graceMs);
        if (this.disposed) return;
        plan = await diffWithBook(api, book, view, clock.now());
      }
      let backfilled = 0;
      let missed = 0;
      for (const update of plan.updates) {
        const streamMissed = showsStreamMissed(book.get(update.orderId)?.current, update);
        if (this.deps.apply(update) === 'duplicate') continue;
        backfilled++;
        if (streamMissed) missed++;
      }
      const fates = await this.resolveNotListed(api, view, plan.notListed);
      backfilled += fates.backfilled;
      // Every fill recovered into a hole is a frame the stream did not deliver.
      const holes = await this.fillHoles(api, view);
      backfilled += holes.backfilled;
      const missedByStream = trigger === 'clock' ? missed + fates.missed + holes.backfilled : 0;
      if (missedByStream > 0) {
        this.deps.logger.warn('the stream missed updates; recovered over REST', {
          missed: missedByStream,
        });
        this.deps.replaceStream();
      }
      this.deps.onResult({
        ...base,
        backfilled,
        missedByStream,
        statusUnknown: fates.unknown,
        fillsNotRecovered: holes.leftAlone,
      });
    } catch (error) {
      const reason = maskReason(reasonOf(error));
      this.deps.logger.warn('reconciliation failed', {
        trigger,
        code: (error as { code?: string }).code,
        reason: maskFrameText((error as Error).message ?? String(error)),
      });
      this.deps.onResult({
        ...base,
        backfilled: 0,
        missedByStream: 0,
        statusUnknown: [],
        fillsNotRecovered: [],
        error: reason,
      });
    }
  }

  /** Targeted queries for open orders no list showed; marks those the exchange cannot place. */
  private async resolveNotListed(
    api: ReconcileApi,
    view: ExchangeView,
    orderIds: string[],
  ): Promise<{ backfilled: number; unknown: string[]; missed: number }> {
    const { book, clock } = this.deps;
    let backfilled = 0;
    let missed = 0;
    const unknown: string[] = [];
    for (const orderId of orderIds) {
      // The stream may have settled it since the lists were read.
      const current = book.get(orderId)?.current;
      if (!current || !view.believedOpen.includes(orderId)) continue;
      if (TERMINAL_STATUSES.has(current.status)) continue;
      const answer = await queryOrderFate(api, book, orderId, clock.now());
      if (answer.update && this.deps.apply(answer.update) !== 'duplicate') {
        backfilled++;
        if (showsStreamMissed(current, answer.update)) missed++;
      }
      if (answer.kind === 'unknown' && this.unknown.mark(book, orderId, clock.now())) {
        unknown.push(orderId);
        if (showsStreamMissed(current, null)) missed++;
      }
    }
    return { backfilled, unknown, missed };
  }

  /** Orders with holes to ask about now: not left alone yet, at most `HOLED_ORDERS_PER_RUN`. */
  private holedOrdersToAsk() {
    const holed = this.deps.book.ordersWithFillHoles();
    const ids = new Set(holed.map((h) => h.orderId));
    // A hole that closed (a late frame, a backfill) starts its count afresh if one opens again.
    for (const orderId of [...this.holeAttempts.keys()])
      if (!ids.has(orderId)) this.holeAttempts.delete(orderId);
    return holed.filter((h) => this.attemptsAt(h) < HOLE_ATTEMPTS).slice(0, HOLED_ORDERS_PER_RUN);
  }

  /**
   * Asks the fills of orders with holes below their counted mark and backfills those that lie
   * in a hole; returns the backfill updates the book accepted. An order whose hole stays open
   * after the exchange answered `HOLE_ATTEMPTS` times (its fills not listed, or not provably
   * complete) is left alone, logged and returned in `leftAlone` (the user is told), so a hole
   * the exchange cannot explain costs a bounded number of calls. A call that got no answer
   * counts no attempt.
   */
  private async fillHoles(
    api: ReconcileApi,
    view: ExchangeView,
  ): Promise<{ backfilled: number; leftAlone: string[] }> {
    const { book, clock, logger } = this.deps;
    let backfilled = 0;
    const leftAlone: string[] = [];
    for (const holed of this.holedOrdersToAsk()) {
      const { orderId } = holed;
      const row =
        view.history.find((r) => r.orderId === orderId) ??
        view.open.find((r) => r.orderId === orderId);
      try {
        const updates = await queryHoleFills(api, book, holed, row, clock.now());
        for (const update of updates) if (this.deps.apply(update) !== 'duplicate') backfilled++;
      } catch (error) {
        // No answer (network, timeout, 5xx): no attempt counted; the REST budget's backoff
        // paces the next calls, and the next reconciliation asks again.
        logger.warn('could not read the fills of an order with a missing fill', {
          orderId,
          code: (error as { code?: string }).code,
          reason: maskFrameText((error as Error).message ?? String(error)),
        });
        continue;
      }
      // The holes asked about (`holed`, before the answer): what is left of them counts as
      // answered, and holes changed meanwhile (a frame arriving during the call) are new.
      const after = book.ordersWithFillHoles().find((h) => h.orderId === orderId);
      if (after === undefined) continue;
      const asked = holesKey(holed);
      const attempts = holesKey(after) === asked ? this.attemptsAt(holed) + 1 : 0;
      this.holeAttempts.set(orderId, { holes: holesKey(after), attempts });
      if (attempts === HOLE_ATTEMPTS) {
        logger.warn('a missing fill the exchange does not list or place; not asked again', {
          orderId,
          attempts,
        });
        leftAlone.push(orderId);
      }
    }
    return { backfilled, leftAlone };
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => this.deps.clock.setTimeout(resolve, ms));
  }
}

/**
 * Whether reconciling an order (a backfill `update`, or a status-unknown mark when null) shows
 * the stream missed something. Not when the stream's last update of it was in a status Alpha
 * Monitor does not know and reconciliation only decides that status: the stream delivered it.
 * A fill we had not heard of is still missed.
 */
function showsStreamMissed(current: OrderUpdate | undefined, update: OrderUpdate | null): boolean {
  if (current?.status !== 'UNRECOGNIZED') return true;
  return update !== null && update.executionType === 'TRADE';
}

/** An order's holes as one comparable value (the ranges, in order). */
function holesKey(holed: OrderFillHolesView): string {
  return holed.holes.map(([from, to]) => `${from}-${to}`).join(',');
}
