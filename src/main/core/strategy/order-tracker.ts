import Big from 'big.js';
import { TERMINAL_STATUSES, type OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import type { Clock } from '../ports/clock.ts';
import type { OrderUpdateFeed } from './strategy-ports.ts';

/** What the stream has told us about one order so far. */
export interface TrackedOrder {
  /** The newest update (highest event id). */
  latest: OrderUpdate;
  /** TRADE updates, deduplicated by event id, oldest first. */
  fills: OrderUpdate[];
}

/** How a wait ended. */
export type WaitOutcome =
  | { kind: 'reached'; order: TrackedOrder }
  | { kind: 'timeout'; order: TrackedOrder | undefined }
  | { kind: 'aborted'; order: TrackedOrder | undefined };

/** Orders remembered at most; older ones (other orders of the account) are forgotten. */
const MAX_TRACKED_ORDERS = 5_000;

/**
 * Records every order update from the stream from the moment it is created, so a wait
 * registered after `placeOtoOrder` returns still sees a FILLED that arrived before the reply
 * (the original script lost those: ALPHA-PROTOCOL.md §4, parser pitfalls). Waits are on the
 * stream only, never by polling.
 */
export class OrderTracker implements Disposable {
  private readonly orders = new Map<string, TrackedOrder>();
  private readonly waiters = new Set<() => void>();
  private readonly subscription: Disposable;

  constructor(
    updates: OrderUpdateFeed,
    private readonly clock: Clock,
  ) {
    this.subscription = updates((update) => this.record(update));
  }

  /** What is known of `orderId`, if anything. */
  get(orderId: string): TrackedOrder | undefined {
    return this.orders.get(orderId);
  }

  private record(update: OrderUpdate): void {
    const id = String(update.orderId);
    const known = this.orders.get(id);
    if (known) {
      if (!movesForward(known.latest, update)) return;
      if (update.executionType === 'TRADE') known.fills.push(update);
      known.latest = update;
      this.orders.delete(id);
      this.orders.set(id, known);
    } else {
      this.orders.set(id, {
        latest: update,
        fills: update.executionType === 'TRADE' ? [update] : [],
      });
      if (this.orders.size > MAX_TRACKED_ORDERS) {
        const oldest = this.orders.keys().next().value;
        if (oldest !== undefined) this.orders.delete(oldest);
      }
    }
    for (const wake of [...this.waiters]) wake();
  }

  /**
   * Resolves when `orderId` reaches a status in `statuses` (checked at once, then on every
   * update), after `timeoutMs` of clock time, or when `signal` aborts.
   */
  waitForStatus(
    orderId: string,
    statuses: ReadonlySet<string>,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<WaitOutcome> {
    return new Promise((resolve) => {
      let done = false;
      const finish = (outcome: WaitOutcome) => {
        if (done) return;
        done = true;
        this.waiters.delete(check);
        timer.dispose();
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const check = () => {
        const order = this.orders.get(orderId);
        if (order && statuses.has(order.latest.status)) finish({ kind: 'reached', order });
      };
      const onAbort = () => finish({ kind: 'aborted', order: this.orders.get(orderId) });
      const timer = this.clock.setTimeout(
        () => finish({ kind: 'timeout', order: this.orders.get(orderId) }),
        timeoutMs,
      );
      this.waiters.add(check);
      signal?.addEventListener('abort', onAbort);
      if (signal?.aborted) onAbort();
      check();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    for (const wake of [...this.waiters]) wake();
    this.waiters.clear();
  }
}

const STATUS_RANK: Record<string, number> = { PENDING: 0, NEW: 1, PARTIALLY_FILLED: 2 };

/**
 * Whether `next` tells something new about an order we know as `previous`. A newer event id
 * does; an older one is a late or repeated frame. A REST backfill update (after a reconnect)
 * carries the last event id the stream gave that order, so at an equal id it counts when it
 * shows more filled or a later status.
 */
function movesForward(previous: OrderUpdate, next: OrderUpdate): boolean {
  if (TERMINAL_STATUSES.has(previous.status)) return false;
  if (next.eventId !== previous.eventId) return next.eventId > previous.eventId;
  let filled: number;
  try {
    filled = new Big(next.cumulativeFilledQty).cmp(previous.cumulativeFilledQty);
  } catch {
    return false;
  }
  if (filled !== 0) return filled > 0;
  if (TERMINAL_STATUSES.has(next.status)) return true;
  return (STATUS_RANK[next.status] ?? 0) > (STATUS_RANK[previous.status] ?? 0);
}

/** Statuses an order never leaves. */
export const TERMINAL: ReadonlySet<string> = TERMINAL_STATUSES;

/** Totals of one order's fills, from the stream (commissions converted to quote). */
export interface FillTotals {
  quantity: Big;
  quote: Big;
  feeQuote: Big;
  /** Commission assets we could not value (neither base nor quote). */
  unvaluedFeeAssets: string[];
}

/**
 * Adds up an order's fills. `Z` (cumulative quote) is taken from the newest update so a
 * missed TRADE frame does not lose value; commission is summed per fill: BUY pays in base
 * (valued at that fill's price), SELL in quote (ALPHA-PROTOCOL.md §4).
 */
export function totalsOf(order: TrackedOrder | undefined): FillTotals {
  const totals: FillTotals = {
    quantity: new Big(0),
    quote: new Big(0),
    feeQuote: new Big(0),
    unvaluedFeeAssets: [],
  };
  if (!order) return totals;
  const safe = (v: string | null | undefined) => {
    try {
      return new Big(v ?? '0');
    } catch {
      return new Big(0);
    }
  };
  totals.quantity = safe(order.latest.cumulativeFilledQty);
  totals.quote = safe(order.latest.cumulativeQuoteQty);
  for (const fill of order.fills) {
    const fee = safe(fill.commission);
    if (fee.eq(0)) continue;
    if (fill.commissionAsset === fill.quoteAsset) totals.feeQuote = totals.feeQuote.plus(fee);
    else if (fill.commissionAsset === fill.baseAsset) {
      totals.feeQuote = totals.feeQuote.plus(fee.times(safe(fill.lastFilledPrice)));
    } else if (fill.commissionAsset) totals.unvaluedFeeAssets.push(fill.commissionAsset);
  }
  return totals;
}

/** Waits `delayMs` of clock time; resolves false early when `signal` aborts. */
export function sleep(clock: Clock, delayMs: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      timer.dispose();
      resolve(false);
    };
    const timer = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, delayMs);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
