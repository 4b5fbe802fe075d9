import type { OrderSide, OrderStatus } from '../../../shared/domain/order-update.ts';
import type { OrderView } from '../../../shared/ipc/views-monitor.ts';
import { assertNever } from '../../../shared/assert-never.ts';

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

function legRank(order: OrderView): number {
  if (order.otoLeg === 'OTO_WORKING') return 0;
  if (order.otoLeg === 'OTO_PENDING') return 1;
  return 2;
}

/**
 * Sort key for one order. Prices and quantities become numbers here only to order rows;
 * nothing is computed with them, so float rounding cannot change a displayed value.
 */
function numericKey(order: OrderView, key: OrderSortKey): number {
  const u = order.last;
  switch (key) {
    case 'created':
      return u.orderCreationTimeMs;
    case 'updated':
      return u.eventTimeMs;
    case 'price':
      return Number(u.price);
    case 'quantity':
      return Number(u.quantity);
    case 'executed':
      return Number(u.cumulativeFilledQty);
    case 'orderId':
      return Number(u.orderId);
    case 'symbol':
    case 'side':
    case 'status':
      return 0;
    default:
      return assertNever(key, 'sort key');
  }
}

function stringKey(order: OrderView, key: 'symbol' | 'side' | 'status'): string {
  const u = order.last;
  return key === 'symbol' ? u.symbol : key === 'side' ? u.side : u.status;
}

/**
 * Filters and sorts the orders, returning their slots in display order. OTO legs stay
 * together: a pair sorts by its working leg and the pending leg follows right below it, so
 * the table can draw them as a pair. Runs in O(n log n) over precomputed keys, without
 * copying the order objects.
 */
export function queryOrders(
  rows: readonly OrderView[],
  filter: OrderFilter,
  sort: OrderSort,
): Int32Array {
  const needle = filter.text.trim().toLowerCase();
  const everything = isEmptyFilter(filter);
  const slots: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (everything || matchesFilter(row, filter, needle)) slots.push(i);
  }

  // Each slot's group: the OTO list id, or the order itself. The group's representative is
  // its working leg when present, so a pair sorts where its working order would.
  const groupOf = new Array<string>(rows.length);
  const repOfGroup = new Map<string, number>();
  for (const slot of slots) {
    const row = rows[slot]!;
    const group =
      row.last.orderListId !== null ? `l:${row.last.orderListId}` : `o:${row.last.orderId}`;
    groupOf[slot] = group;
    const current = repOfGroup.get(group);
    if (current === undefined || legRank(row) < legRank(rows[current]!))
      repOfGroup.set(group, slot);
  }

  const direction = sort.direction === 'asc' ? 1 : -1;
  const isString = sort.key === 'symbol' || sort.key === 'side' || sort.key === 'status';
  const numKeys = new Float64Array(rows.length);
  const strKeys = isString ? new Array<string>(rows.length) : null;
  for (const slot of slots) {
    const rep = rows[repOfGroup.get(groupOf[slot]!)!]!;
    if (strKeys) strKeys[slot] = stringKey(rep, sort.key as 'symbol' | 'side' | 'status');
    // Ties inside a key fall back to creation time, newest first, as traders expect.
    numKeys[slot] = isString ? rep.last.orderCreationTimeMs : numericKey(rep, sort.key);
  }

  slots.sort((a, b) => {
    if (strKeys) {
      const sa = strKeys[a]!;
      const sb = strKeys[b]!;
      if (sa !== sb) return sa < sb ? -direction : direction;
      const d = numKeys[b]! - numKeys[a]!;
      if (d !== 0 && !Number.isNaN(d)) return d;
    } else {
      const d = numKeys[a]! - numKeys[b]!;
      if (d !== 0 && !Number.isNaN(d)) return d * direction;
    }
    const ga = groupOf[a]!;
    const gb = groupOf[b]!;
    if (ga !== gb) return ga < gb ? direction : -direction;
    return legRank(rows[a]!) - legRank(rows[b]!);
  });
  return Int32Array.from(slots);
}

/** Distinct symbols, sorted, for the symbol filter. */
export function distinctSymbols(rows: readonly OrderView[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) seen.add(row.last.symbol);
  return [...seen].sort();
}
