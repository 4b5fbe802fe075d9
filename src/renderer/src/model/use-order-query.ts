import { useEffect, useRef, useState } from 'react';
import type { OrdersModel } from './orders-model.ts';
import { queryOrders, type OrderFilter, type OrderSort } from './order-query.ts';

/** How often a stream of updates may re-sort the table (a filter or sort change is immediate). */
export const REQUERY_INTERVAL_MS = 250;

/**
 * The table's display order (slots into `model.rows`). A change of filter or sort re-queries
 * at once; new updates re-query at most every REQUERY_INTERVAL_MS, so a burst of thousands of
 * updates costs a few sorts, not thousands. Rows read their latest data from the model, so
 * values in visible rows are never stale even between re-queries.
 */
export function useOrderQuery(
  model: OrdersModel | null,
  filter: OrderFilter,
  sort: OrderSort,
  version: number,
): Int32Array {
  // Slots index one model's rows: they are kept with it, so a new model (a restarted session)
  // never renders with slots into the old one.
  const [result, setResult] = useState<{ model: OrdersModel | null; slots: Int32Array }>(() => ({
    model: null,
    slots: new Int32Array(0),
  }));
  const lastRunMsRef = useRef(0);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const paramsRef = useRef<{
    model: OrdersModel | null;
    filter: OrderFilter;
    sort: OrderSort;
  } | null>(null);

  useEffect(() => {
    const paramsChanged =
      paramsRef.current === null ||
      paramsRef.current.model !== model ||
      paramsRef.current.filter !== filter ||
      paramsRef.current.sort !== sort;
    paramsRef.current = { model, filter, sort };
    const run = () => {
      timerRef.current = null;
      lastRunMsRef.current = Date.now();
      const p = paramsRef.current!;
      setResult({
        model: p.model,
        slots: p.model ? queryOrders(p.model.rows, p.filter, p.sort) : new Int32Array(0),
      });
    };
    if (paramsChanged) {
      if (timerRef.current !== null) clearTimeout(timerRef.current);
      run();
      return;
    }
    if (timerRef.current !== null) return;
    const waitMs = Math.max(0, lastRunMsRef.current + REQUERY_INTERVAL_MS - Date.now());
    timerRef.current = setTimeout(run, waitMs);
  }, [model, filter, sort, version]);

  useEffect(
    () => () => {
      if (timerRef.current !== null) clearTimeout(timerRef.current);
      timerRef.current = null;
    },
    [],
  );
  return result.model === model ? result.slots : EMPTY_SLOTS;
}

const EMPTY_SLOTS = new Int32Array(0);
