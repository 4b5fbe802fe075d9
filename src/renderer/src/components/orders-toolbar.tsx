import { memo, useEffect, useState } from 'react';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared/domain/order-update.ts';
import { useT } from '../i18n/i18n.tsx';
import { EMPTY_FILTER, isEmptyFilter, type OrderFilter } from '../model/order-query.ts';
import { statusClass } from './ui.tsx';

/** Text typed in the search box is applied after a short pause, not on every key stroke. */
const TEXT_DEBOUNCE_MS = 150;

/**
 * Filters for the orders table: status chips, side, symbol, free text, strategy orders.
 * Memoized: its props change only when the filter, the symbols or the counts do, not on every
 * frame that brings order updates.
 */
export const OrdersToolbar = memo(function OrdersToolbar({
  filter,
  onChange,
  symbols,
  shown,
  total,
}: {
  filter: OrderFilter;
  onChange: (filter: OrderFilter) => void;
  symbols: readonly string[];
  shown: number;
  total: number;
}) {
  const t = useT();
  const [text, setText] = useState(filter.text);
  // "Clear filters" resets the text from outside: follow it (adjusting state while rendering).
  const [appliedText, setAppliedText] = useState(filter.text);
  if (filter.text !== appliedText) {
    setAppliedText(filter.text);
    setText(filter.text);
  }
  useEffect(() => {
    if (text === filter.text) return;
    const timer = setTimeout(() => onChange({ ...filter, text }), TEXT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filter, onChange]);

  const toggleStatus = (status: OrderStatus) => {
    const statuses = new Set(filter.statuses);
    if (statuses.has(status)) statuses.delete(status);
    else statuses.add(status);
    onChange({ ...filter, statuses });
  };

  return (
    <div className="orders-toolbar" data-testid="orders-toolbar">
      <input
        type="search"
        className="search"
        placeholder={t.filterText}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label={t.filterText}
        data-testid="filter-text"
      />
      <select
        value={filter.side}
        onChange={(e) => onChange({ ...filter, side: e.target.value as OrderFilter['side'] })}
        aria-label={t.colSide}
        data-testid="filter-side"
      >
        <option value="ALL">{t.allSides}</option>
        <option value="BUY">{t.sideName.BUY}</option>
        <option value="SELL">{t.sideName.SELL}</option>
      </select>
      <select
        value={filter.symbol ?? ''}
        onChange={(e) =>
          onChange({ ...filter, symbol: e.target.value === '' ? null : e.target.value })
        }
        aria-label={t.colSymbol}
        data-testid="filter-symbol"
      >
        <option value="">{t.allSymbols}</option>
        {symbols.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <div className="status-chips" role="group" aria-label={t.colStatus}>
        {ORDER_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className={`chip st-${statusClass(status)} ${filter.statuses.has(status) ? 'on' : ''}`}
            aria-pressed={filter.statuses.has(status)}
            onClick={() => toggleStatus(status)}
            data-testid={`filter-status-${status}`}
          >
            {t.statusName[status]}
          </button>
        ))}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={filter.strategyOnly}
          onChange={(e) => onChange({ ...filter, strategyOnly: e.target.checked })}
        />
        {t.strategyOnly}
      </label>
      {!isEmptyFilter(filter) && (
        <button
          type="button"
          className="link-btn"
          onClick={() => onChange(EMPTY_FILTER)}
          data-testid="clear-filters"
        >
          {t.clearFilters}
        </button>
      )}
      <span
        className="count tabular"
        data-testid="orders-count"
        data-shown={shown}
        data-total={total}
      >
        {t.ordersCount(shown.toLocaleString('en-US'), total.toLocaleString('en-US'))}
      </span>
    </div>
  );
});
