import Big from 'big.js';
import {
  TERMINAL_STATUSES,
  type OrderUpdate,
  type UpdateSource,
} from '../../../shared/domain/order-update.ts';

/**
 * Tells which journalled updates the live view accepted, with the order book's rules but
 * without keeping each order's history (the book does, which an export of 100,000 updates
 * must not): a repeated stream event id is a duplicate; a backfill update counts only when
 * it moves its order forward. Holds one number per event and one small entry per order.
 */
export class UpdateDedupe {
  private readonly seenEventIds = new Set<number>();
  private readonly lastByOrder = new Map<
    string,
    { status: string; filled: string; eventId: number; quantity: string }
  >();

  /** 'duplicate', 'late' (counted, does not move the order), or 'applied'. */
  classify(update: OrderUpdate, source: UpdateSource): 'applied' | 'late' | 'duplicate' {
    if (source === 'stream') {
      if (this.seenEventIds.has(update.eventId)) return 'duplicate';
      this.seenEventIds.add(update.eventId);
    }
    const last = this.lastByOrder.get(update.orderId);
    const next = {
      status: update.status,
      filled: update.cumulativeFilledQty,
      eventId: update.eventId,
      quantity: update.quantity,
    };
    if (!last) {
      this.lastByOrder.set(update.orderId, next);
      return 'applied';
    }
    const lastTerminal = TERMINAL_STATUSES.has(last.status as never);
    const filledGrows = new Big(update.cumulativeFilledQty).gte(last.filled);
    if (source === 'backfill') {
      const filled = new Big(update.cumulativeFilledQty).cmp(last.filled);
      const moves =
        !lastTerminal &&
        filled >= 0 &&
        (filled > 0 ||
          rank(update.status) > rank(last.status) ||
          (last.status === 'PENDING' && update.quantity !== last.quantity));
      if (!moves) return 'duplicate';
      this.lastByOrder.set(update.orderId, next);
      return 'applied';
    }
    const forward =
      update.eventId >= last.eventId &&
      !(lastTerminal && !TERMINAL_STATUSES.has(update.status)) &&
      filledGrows;
    if (!forward) return 'late';
    this.lastByOrder.set(update.orderId, next);
    return 'applied';
  }
}

/** Same ranks as the order book's: PENDING < NEW < PARTIALLY_FILLED < terminal. */
const STATUS_RANK: Record<string, number> = { PENDING: 0, NEW: 1, PARTIALLY_FILLED: 2 };
function rank(status: string): number {
  return TERMINAL_STATUSES.has(status as never) ? 3 : (STATUS_RANK[status] ?? 1);
}
