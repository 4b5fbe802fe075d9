import { TERMINAL_STATUSES, type OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { OrderBook } from '../book/order-book.ts';

/**
 * An order the book believes open that the exchange does not list as open and whose history
 * does not place it (absent, or only in a status Alpha Monitor does not know), and whose fills
 * do not prove it filled: shown as "status unknown: not open on the exchange" (a code,
 * translated where it is shown), never silently left open.
 */
export interface StatusUnknown {
  code: 'NOT_OPEN_ON_EXCHANGE';
  sinceMs: number;
}

/**
 * The marks, kept beside the book (which stays the one judge of updates): a mark holds only
 * while the order's current update is the one it was made on, so any later update that moves
 * the order (a stream frame, a backfill) clears it without a hook.
 */
export class StatusUnknownTracker {
  private readonly marks = new Map<string, { mark: StatusUnknown; on: OrderUpdate }>();

  /** Marks an open order; false if it is unknown to the book, final, or marked already. */
  mark(book: OrderBook, orderId: string, atMs: number): boolean {
    const current = book.get(orderId)?.current;
    if (!current || TERMINAL_STATUSES.has(current.status)) return false;
    if (this.get(book, orderId)) return false;
    this.marks.set(orderId, { mark: { code: 'NOT_OPEN_ON_EXCHANGE', sinceMs: atMs }, on: current });
    return true;
  }

  get(book: OrderBook, orderId: string): StatusUnknown | null {
    const entry = this.marks.get(orderId);
    if (!entry) return null;
    if (book.get(orderId)?.current !== entry.on) {
      this.marks.delete(orderId);
      return null;
    }
    return entry.mark;
  }

  list(book: OrderBook): Array<StatusUnknown & { orderId: string }> {
    const out: Array<StatusUnknown & { orderId: string }> = [];
    for (const orderId of [...this.marks.keys()]) {
      const mark = this.get(book, orderId);
      if (mark) out.push({ orderId, ...mark });
    }
    return out;
  }
}

/** 00:00 UTC of the day `ms` falls in. */
export function startOfUtcDayMs(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}
