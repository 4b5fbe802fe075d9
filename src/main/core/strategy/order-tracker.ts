import Big from 'big.js';
import { TERMINAL_STATUSES, type OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { CountedFill } from '../../../shared/domain/update-verdict.ts';
import { Emitter, type Event } from '../../../shared/event/emitter.ts';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import type { Clock } from '../ports/clock.ts';
import type { BookedOrderUpdate, OrderUpdateFeed } from './strategy-ports.ts';

/** A fill the order book counted: the update it came with and the part of it counted. */
export interface TrackedFill {
  update: OrderUpdate;
  counted: CountedFill;
}

/** What the stream has told us about one order so far. */
export interface TrackedOrder {
  /** The order's state: its newest update the book applied. */
  latest: OrderUpdate;
  /**
   * Every fill the book counted, in the order counted: each once, a fill recovered into a
   * hole below a later one included (it arrives late), a repeated or already counted one not.
   */
  fills: TrackedFill[];
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
  private readonly countedEmitter = new Emitter<{ orderId: string; fill: TrackedFill }>({
    name: 'order-tracker.counted',
  });
  /** The book counted a fill of an order (after its state was updated here). */
  readonly onDidCountFill: Event<{ orderId: string; fill: TrackedFill }> =
    this.countedEmitter.event;

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

  /** Follows the book's verdict: an applied update is the order's state, a counted fill a fill. */
  private record({ update, verdict }: BookedOrderUpdate): void {
    if (verdict.outcome === 'duplicate') return;
    const id = String(update.orderId);
    const fill = verdict.counted === null ? null : { update, counted: verdict.counted };
    const known = this.orders.get(id);
    if (known) {
      if (fill) known.fills.push(fill);
      if (verdict.outcome === 'applied') known.latest = update;
      this.orders.delete(id);
      this.orders.set(id, known);
    } else {
      // First heard of here (the book may have seen it before): the best state we know.
      this.orders.set(id, { latest: update, fills: fill ? [fill] : [] });
      if (this.orders.size > MAX_TRACKED_ORDERS) {
        const oldest = this.orders.keys().next().value;
        if (oldest !== undefined) this.orders.delete(oldest);
      }
    }
    if (fill) this.countedEmitter.fire({ orderId: id, fill });
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
    this.countedEmitter.dispose();
    for (const wake of [...this.waiters]) wake();
    this.waiters.clear();
  }
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
 * Adds up an order's fills. The quantity and `Z` (cumulative quote) are the newest update's, so
 * a TRADE frame never recovered does not lose value; the fee is summed over the fills the book
 * counted (`verdict.counted`), valued by `feeQuoteOf`.
 */
export function totalsOf(order: TrackedOrder | undefined): FillTotals {
  const totals: FillTotals = {
    quantity: new Big(0),
    quote: new Big(0),
    feeQuote: new Big(0),
    unvaluedFeeAssets: [],
  };
  if (!order) return totals;
  totals.quantity = decimalOr0(order.latest.cumulativeFilledQty);
  totals.quote = decimalOr0(order.latest.cumulativeQuoteQty);
  for (const fill of order.fills) {
    const fee = feeQuoteOf(fill);
    if (fee) totals.feeQuote = totals.feeQuote.plus(fee);
    else totals.unvaluedFeeAssets.push(fill.update.commissionAsset!);
  }
  return totals;
}

/**
 * The counted part of a fill's commission in quote: SELL pays in quote, BUY in base (valued at
 * that fill's price; ALPHA-PROTOCOL.md §4). Null for an asset that is neither.
 */
export function feeQuoteOf({ update, counted }: TrackedFill): Big | null {
  const fee = decimalOr0(counted.fee);
  if (fee.eq(0) || !update.commissionAsset) return new Big(0);
  if (update.commissionAsset === update.quoteAsset) return fee;
  if (update.commissionAsset === update.baseAsset)
    return fee.times(decimalOr0(update.lastFilledPrice));
  return null;
}

function decimalOr0(value: string | null | undefined): Big {
  try {
    return new Big(value ?? '0');
  } catch {
    return new Big(0);
  }
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
