import type { OrderUpdate, UpdateSource } from '../../src/shared/domain/order-update.ts';
import type { UpdateVerdict } from '../../src/shared/domain/update-verdict.ts';
import { Emitter, type Event } from '../../src/shared/event/emitter.ts';
import { OrderBook } from '../../src/main/core/book/order-book.ts';
import type { BookedOrderUpdate } from '../../src/main/core/strategy/strategy-ports.ts';

/**
 * Order updates through a real order book, each handed on with the book's verdict, as an
 * AccountMonitor hands them to the strategy (orderUpdatesOf).
 */
export class BookedUpdates {
  readonly book = new OrderBook();
  private readonly emitter = new Emitter<BookedOrderUpdate>({ name: 'test.booked-updates' });
  readonly event: Event<BookedOrderUpdate> = this.emitter.event;

  /** Applies `update` to the book and fires it with the verdict, which it returns. */
  push(update: OrderUpdate, source: UpdateSource = 'stream'): UpdateVerdict {
    const verdict = this.book.apply(update, source);
    this.emitter.fire({ update, verdict });
    return verdict;
  }
}
