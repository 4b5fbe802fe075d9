import type { OrderSide, OrderStatus } from '../../../shared/domain/order-update.ts';
import type { OrderView } from '../../../shared/ipc/views-monitor.ts';

/** Columns the orders table sorts by. */
export const ORDER_SORT_KEYS = [
  'created',
  'updated',
  'symbol',
  'side',
  'status',
  'price',
  'quantity',
  'executed',
  'orderId',
] as const;
export type OrderSortKey = (typeof ORDER_SORT_KEYS)[number];

export interface OrderSort {
  key: OrderSortKey;
  direction: 'asc' | 'desc';
}

export interface OrderFilter {
  /** Empty means every status. */
  statuses: ReadonlySet<OrderStatus>;
  side: OrderSide | 'ALL';
  /** Exact symbol, or null for all. */
  symbol: string | null;
  /** Case-insensitive substring of order id, client id, symbol, base asset or list id. */
  text: string;
  /** Only orders the volume strategy placed. */
  strategyOnly: boolean;
}

export const EMPTY_FILTER: OrderFilter = {
  statuses: new Set(),
  side: 'ALL',
  symbol: null,
  text: '',
  strategyOnly: false,
};

export const DEFAULT_SORT: OrderSort = { key: 'created', direction: 'desc' };

/** True when the filter lets everything through. */
export function isEmptyFilter(filter: OrderFilter): boolean {
  return (
    filter.statuses.size === 0 &&
    filter.side === 'ALL' &&
    filter.symbol === null &&
    filter.text.trim() === '' &&
    !filter.strategyOnly
  );
}

/** Does one order pass the filter? */
export function matchesFilter(order: OrderView, filter: OrderFilter, needle: string): boolean {
  const u = order.last;
  if (filter.statuses.size > 0 && !filter.statuses.has(u.status)) return false;
  if (filter.side !== 'ALL' && u.side !== filter.side) return false;
  if (filter.symbol !== null && u.symbol !== filter.symbol) return false;
  if (filter.strategyOnly && !order.placedByStrategy) return false;
  if (needle !== '') {
    const hay = `${u.orderId} ${u.clientOrderId} ${u.symbol} ${u.baseAsset} ${u.orderListId ?? ''}`;
    if (!hay.toLowerCase().includes(needle)) return false;
  }
  return true;
}
