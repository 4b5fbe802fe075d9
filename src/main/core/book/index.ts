/** The order book and its statistics: import from here. */
export { OrderBook, type OrderRecord, type ApplyOutcome } from './order-book.ts';
export type { EndedOrder } from './ended-order.ts';
export {
  ConnectionCounter,
  StatisticsAccumulator,
  type BookStatistics,
  type ConnectionCounts,
  type SymbolVolume,
} from './book-statistics.ts';
