import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../../../shared/domain/order-update.ts';
import type { OrderView } from '../../../shared/ipc/views-monitor.ts';
import { sampleOrderView, sampleOtoPair } from '../../../../test/fakes/order-updates.ts';
import { queryOrders } from './order-index.ts';
import { DEFAULT_SORT, EMPTY_FILTER, type OrderFilter } from './order-query.ts';
import { OrdersModel } from './orders-model.ts';

function ids(rows: readonly OrderView[], slots: Int32Array): string[] {
  return Array.from(slots, (slot) => rows[slot]!.last.orderId);
}

/** A working BUY and its pending SELL, as placed together by one OTO call. */
function otoPair(listId: string, workingId: string, createdMs: number): OrderView[] {
  const legs = sampleOtoPair(listId, workingId, {
    orderCreationTimeMs: createdMs,
    eventTimeMs: createdMs,
  });
  return legs.map((leg) => sampleOrderView(leg));
}

describe('queryOrders', () => {
  it('shows the newest orders first by default, each OTO pending leg right below its working leg', () => {
    const rows = [
      sampleOrderView({ orderId: '10', orderCreationTimeMs: 1000 }),
      // The pending leg arrives first in the array: it must still sort under its working leg.
      ...otoPair('L1', '20', 2000).reverse(),
      sampleOrderView({ orderId: '30', orderCreationTimeMs: 3000 }),
      ...otoPair('L2', '40', 1500),
    ];
    expect(ids(rows, queryOrders(rows, EMPTY_FILTER, DEFAULT_SORT))).toEqual([
      '30',
      '20',
      '21',
      '40',
      '41',
      '10',
    ]);
    expect(
      ids(rows, queryOrders(rows, EMPTY_FILTER, { key: 'created', direction: 'asc' })),
    ).toEqual(['10', '40', '41', '20', '21', '30']);
  });

  it('keeps a pair together when sorting by a column the legs differ in', () => {
    const rows = [
      ...otoPair('L1', '20', 2000),
      sampleOrderView({ orderId: '5', side: 'SELL', orderCreationTimeMs: 1 }),
      sampleOrderView({ orderId: '6', side: 'BUY', orderCreationTimeMs: 2 }),
    ];
    const bySide = ids(rows, queryOrders(rows, EMPTY_FILTER, { key: 'side', direction: 'asc' }));
    expect(bySide.indexOf('21')).toBe(bySide.indexOf('20') + 1);
    expect(bySide.indexOf('5')).toBeGreaterThan(bySide.indexOf('21'));
  });

  it('filters by status, side, symbol, text and strategy', () => {
    const rows = [
      sampleOrderView({ orderId: '1', status: 'FILLED', side: 'BUY', symbol: 'ALPHA_22USDT' }),
      sampleOrderView({
        orderId: '2',
        status: 'NEW',
        side: 'SELL',
        symbol: 'ALPHA_373USDT',
        clientOrderId: 'web_findme',
      }),
      sampleOrderView(
        { orderId: '3', status: 'CANCELED', side: 'BUY', symbol: 'ALPHA_373USDT' },
        { placedByStrategy: true },
      ),
    ];
    const q = (f: Partial<OrderFilter>) =>
      ids(rows, queryOrders(rows, { ...EMPTY_FILTER, ...f }, { key: 'orderId', direction: 'asc' }));
    expect(q({ statuses: new Set(['FILLED', 'CANCELED'] as const) })).toEqual(['1', '3']);
    expect(q({ side: 'SELL' })).toEqual(['2']);
    expect(q({ symbol: 'ALPHA_373USDT' })).toEqual(['2', '3']);
    expect(q({ text: 'FINDME' })).toEqual(['2']);
    expect(q({ strategyOnly: true })).toEqual(['3']);
    expect(q({ side: 'BUY', symbol: 'ALPHA_373USDT' })).toEqual(['3']);
    const model = new OrdersModel();
    model.reset(rows);
    expect(model.symbols).toEqual(['ALPHA_22USDT', 'ALPHA_373USDT']);
  });

  it('sorts prices as numbers, not as text', () => {
    const rows = [
      sampleOrderView({ orderId: '1', price: '9.5' }),
      sampleOrderView({ orderId: '2', price: '10.00000000' }),
      sampleOrderView({ orderId: '3', price: '0.00010000' }),
    ];
    expect(ids(rows, queryOrders(rows, EMPTY_FILTER, { key: 'price', direction: 'desc' }))).toEqual(
      ['2', '1', '3'],
    );
  });

  it('handles 100,000 orders: every order appears once, pairs adjacent, filter counts exact', () => {
    const rows: OrderView[] = [];
    for (let i = 0; i < 50_000; i++) {
      const pair = otoPair(
        `L${i}`,
        String(1_000_000 + 2 * i),
        1_760_000_000_000 + ((i * 7919) % 50_000),
      );
      pair[0]!.last.status = ORDER_STATUSES[i % ORDER_STATUSES.length]!;
      rows.push(...pair);
    }
    const slots = queryOrders(rows, EMPTY_FILTER, DEFAULT_SORT);
    expect(slots.length).toBe(100_000);
    expect(new Set(slots).size).toBe(100_000);
    for (let i = 0; i < slots.length; i += 2) {
      expect(rows[slots[i]!]!.last.orderListId).toBe(rows[slots[i + 1]!]!.last.orderListId);
    }
    const filled = queryOrders(
      rows,
      { ...EMPTY_FILTER, statuses: new Set(['FILLED'] as const) },
      DEFAULT_SORT,
    );
    expect(filled.length).toBe(rows.filter((r) => r.last.status === 'FILLED').length);
  });
});
