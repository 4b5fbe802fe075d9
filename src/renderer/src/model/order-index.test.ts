import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../../../shared/domain/order-update.ts';
import type { OrderView } from '../../../shared/ipc/views-monitor.ts';
import { sampleOrderView, sampleOtoPair } from '../../../../test/fakes/order-updates.ts';
import { OrderIndex, queryOrders } from './order-index.ts';
import { EMPTY_FILTER, ORDER_SORT_KEYS, type OrderFilter, type OrderSort } from './order-query.ts';
import { OrdersModel } from './orders-model.ts';

function ids(rows: readonly OrderView[], slots: Int32Array): string[] {
  return Array.from(slots, (slot) => rows[slot]!.last.orderId);
}

/** A small deterministic random source, so a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const FILTERS: OrderFilter[] = [
  EMPTY_FILTER,
  { ...EMPTY_FILTER, statuses: new Set(['NEW', 'PARTIALLY_FILLED'] as const) },
  { ...EMPTY_FILTER, side: 'SELL' },
  { ...EMPTY_FILTER, text: '7' },
];

describe('OrderIndex', () => {
  it('kept up to date batch by batch, shows exactly what a fresh sort shows, for every column, direction and filter', () => {
    const next = random(7);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
    // One model per index, fed the same batches: each index reads its model's change log.
    const readers: {
      model: OrdersModel;
      index: OrderIndex;
      filter: OrderFilter;
      sort: OrderSort;
    }[] = [];
    for (const key of ORDER_SORT_KEYS)
      for (const direction of ['asc', 'desc'] as const)
        for (const filter of FILTERS) {
          const sort = { key, direction };
          const model = new OrdersModel();
          readers.push({ model, index: new OrderIndex(model, filter, sort), filter, sort });
        }
    const model = readers[0]!.model;
    const applyAll = (orders: OrderView[]) => {
      for (const reader of readers) reader.model.apply(orders, 0);
    };
    let nextId = 1000;
    let nextList = 1;
    for (let batch = 0; batch < 60; batch++) {
      const changed: OrderView[] = [];
      for (let n = Math.floor(next() * 8); n >= 0; n--) {
        const roll = next();
        const existing = model.rows;
        if (roll < 0.3 || existing.length === 0) {
          changed.push(
            sampleOrderView({
              orderId: String(nextId++),
              orderCreationTimeMs: 1000 + Math.floor(next() * 50),
              eventTimeMs: 1000 + Math.floor(next() * 50),
              side: pick(['BUY', 'SELL'] as const),
              status: pick(ORDER_STATUSES),
              price: pick(['1', '1.0', '0.5', '10', '2.25', '9.99']),
              symbol: pick(['ALPHA_22USDT', 'ALPHA_373USDT']),
            }),
          );
        } else if (roll < 0.45) {
          // An OTO pair, legs sometimes arriving in separate batches (pending leg first).
          const legs = sampleOtoPair(`L${nextList++}`, String(nextId), {
            orderCreationTimeMs: 1000 + Math.floor(next() * 50),
            price: pick(['1', '3', '0.75']),
          }).map((leg) => sampleOrderView(leg));
          nextId += 2;
          changed.push(legs[1]!);
          // The working leg in the same batch, or in an earlier batch of the same frame.
          if (next() < 0.5) changed.push(legs[0]!);
          else applyAll([legs[0]!]);
        } else {
          // An existing order moves on: status, fill, event time.
          const order = pick(existing);
          changed.push({
            ...order,
            last: {
              ...order.last,
              status: pick(ORDER_STATUSES),
              cumulativeFilledQty: pick(['0', '1', '12.34', '0.5']),
              eventTimeMs: order.last.eventTimeMs + Math.floor(next() * 30),
            },
          });
        }
      }
      applyAll(changed);
      for (const { model: own, index, filter, sort } of readers) {
        expect(ids(own.rows, index.refresh()), `${sort.key} ${sort.direction}`).toEqual(
          ids(own.rows, queryOrders(own.rows, filter, sort)),
        );
      }
    }
  });

  it('one reader catches up from the change log: the order it keeps is the fresh sort', () => {
    const model = new OrdersModel();
    model.reset([sampleOrderView({ orderId: '1', orderCreationTimeMs: 1 })]);
    const sort: OrderSort = { key: 'status', direction: 'asc' };
    const index = new OrderIndex(model, EMPTY_FILTER, sort);
    const first = index.refresh();
    expect(index.refresh()).toBe(first);
    model.apply([sampleOrderView({ orderId: '2', orderCreationTimeMs: 2, status: 'FILLED' })], 0);
    model.apply([sampleOrderView({ orderId: '1', orderCreationTimeMs: 1, status: 'CANCELED' })], 0);
    expect(ids(model.rows, index.refresh())).toEqual(['1', '2']);
    // A change that moves nothing keeps the same array: the table need not redraw its order.
    const kept = index.slots;
    model.apply(
      [sampleOrderView({ orderId: '2', orderCreationTimeMs: 2, status: 'FILLED', price: '3' })],
      0,
    );
    expect(index.refresh()).toBe(kept);
  });

  it('sorts order ids above 2^53 exactly', () => {
    const rows = ['9007199254740993', '9007199254740992', '99', '9007199254740994'].map((orderId) =>
      sampleOrderView({ orderId }),
    );
    expect(
      ids(rows, queryOrders(rows, EMPTY_FILTER, { key: 'orderId', direction: 'asc' })),
    ).toEqual(['99', '9007199254740992', '9007199254740993', '9007199254740994']);
  });

  it('sorts prices exactly, even where floats cannot tell them apart', () => {
    const rows = ['0.1', '0.10000000000000000001', '0.09999999999999999999'].map((price, i) =>
      sampleOrderView({ orderId: String(i + 1), price }),
    );
    expect(ids(rows, queryOrders(rows, EMPTY_FILTER, { key: 'price', direction: 'asc' }))).toEqual([
      '3',
      '1',
      '2',
    ]);
  });
});
