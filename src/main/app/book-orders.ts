import type { OrderBook } from '../core/book/index.ts';
import type { BookOrder } from './ports.ts';

/**
 * An order of the engine's book as the app reads it (`MonitorSession.orderOf`): an open
 * order's record, or the little the book keeps of one that ended (no last update).
 */
export function bookOrderOf(book: OrderBook, orderId: string): BookOrder | null {
  const open = book.get(orderId);
  if (open !== undefined)
    return {
      current: open.current,
      updateCount: open.updateCount,
      firstSeenAtMs: open.firstSeenAtMs,
      lastReceivedAtMs: open.lastReceivedAtMs,
      lastSource: open.lastSource,
      otoPeerOrderId: book.peerOf(orderId),
    };
  const ended = book.ended(orderId);
  if (ended === undefined) return null;
  return {
    current: null,
    updateCount: ended.updateCount,
    firstSeenAtMs: ended.firstSeenAtMs,
    lastReceivedAtMs: ended.lastReceivedAtMs,
    lastSource: ended.lastSource,
    otoPeerOrderId: ended.peerOrderId,
  };
}
