import { useMemo } from 'react';
import { OrderIndex } from './order-index.ts';
import type { OrdersModel } from './orders-model.ts';
import type { OrderFilter, OrderSort } from './order-query.ts';

const EMPTY_SLOTS = new Int32Array(0);

/**
 * The table's display order (slots into `model.rows`). A change of model, filter or sort
 * builds a new index at once; each new `version` (once per animation frame at most) brings the
 * index up to date with only the orders that changed, so new rows show in the frame they
 * arrive, at 100,000 orders too.
 */
export function useOrderQuery(
  model: OrdersModel | null,
  filter: OrderFilter,
  sort: OrderSort,
  version: number,
): Int32Array {
  const index = useMemo(
    () => (model === null ? null : new OrderIndex(model, filter, sort)),
    [model, filter, sort],
  );
  // `version` stands for the model's contents, which change in place.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => index?.refresh() ?? EMPTY_SLOTS, [index, version]);
}
