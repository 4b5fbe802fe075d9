/** The order book and its statistics: import from here. */
export { OrderBook, type OrderRecord, type ApplyOutcome } from './order-book.ts';
export type { BookStatistics, SymbolVolume } from './book-statistics.ts';
