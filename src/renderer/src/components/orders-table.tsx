import { memo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { OrderView } from '../../../shared/ipc/views-monitor.ts';
import { useT } from '../i18n/i18n.tsx';
import type { Messages } from '../i18n/messages-en.ts';
import { formatDecimal, isZeroDecimal } from '../format/decimal.ts';
import { formatClockMs } from '../format/time.ts';
import type { OrdersModel } from '../model/orders-model.ts';
import type { OrderSort, OrderSortKey } from '../model/order-query.ts';
import { RowFlashes } from './row-flashes.ts';
import { StatusBadge, StatusUnknownChip } from './ui.tsx';

export const ROW_HEIGHT_PX = 28;
/**
 * A changed row is drawn highlighted for this long after the table first draws the change (by
 * the table's clock, which ticks once a second: 1–2 s), then the highlight fades out (CSS). A
 * row that keeps changing stays highlighted: nothing restarts per update (a fade animation
 * restarted per update cost the page most of its frames at 200 updates/s).
 */
export const ROW_FLASH_HOLD_MS = 2000;
/** A change first drawn later than this after it happened (a row scrolled to) is not highlighted. */
export const ROW_FLASH_WINDOW_MS = 5000;

interface Column {
  key: OrderSortKey | null;
  label: (t: Messages) => string;
  className: string;
}

const COLUMNS: Column[] = [
  { key: 'created', label: (t) => t.colCreated, className: 'c-time' },
  { key: 'symbol', label: (t) => t.colSymbol, className: 'c-symbol' },
  { key: 'side', label: (t) => t.colSide, className: 'c-side' },
  { key: null, label: (t) => t.colType, className: 'c-type' },
  { key: 'status', label: (t) => t.colStatus, className: 'c-status' },
  { key: 'price', label: (t) => t.colPrice, className: 'c-num' },
  { key: 'quantity', label: (t) => t.colQuantity, className: 'c-num' },
  { key: 'executed', label: (t) => t.colExecuted, className: 'c-num' },
  { key: null, label: (t) => t.colAvgPrice, className: 'c-num c-avg' },
  { key: 'orderId', label: (t) => t.colOrderId, className: 'c-id' },
];

/**
 * The orders table: only the visible rows (plus a few) are in the DOM, so 100,000 orders
 * scroll as smoothly as 100. Rows are memoized on their order object, which the model
 * replaces only when that order changes.
 */
export function OrdersTable({
  model,
  slots,
  sort,
  onSort,
  selectedOrderId,
  onSelect,
  strategyOrderIds,
  nowMs,
}: {
  model: OrdersModel;
  slots: Int32Array;
  sort: OrderSort;
  onSort: (sort: OrderSort) => void;
  selectedOrderId: string | null;
  onSelect: (orderId: string) => void;
  strategyOrderIds: ReadonlySet<string>;
  nowMs: number;
}) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [flashes] = useState(() => new RowFlashes(ROW_FLASH_HOLD_MS, ROW_FLASH_WINDOW_MS));
  // TanStack Virtual hands out fresh functions each render, so the React Compiler skips this
  // component; it is memoized by hand (rows are memo components keyed by order object).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: slots.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 12,
  });
  const rows = model.rows;

  return (
    <div
      className="orders-table"
      role="table"
      aria-rowcount={slots.length}
      data-testid="orders-table"
    >
      <div className="orders-scroll" ref={scrollRef} data-testid="orders-scroll">
        {/* The header lives inside the scroller (sticky) so that it scrolls sideways with the rows in a narrow window. */}
        <OrdersHead sort={sort} onSort={onSort} />
        <div className="orders-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const slot = slots[item.index]!;
            const order = rows[slot]!;
            const prev = item.index > 0 ? rows[slots[item.index - 1]!] : undefined;
            const next = item.index + 1 < slots.length ? rows[slots[item.index + 1]!] : undefined;
            const id = order.last.orderId;
            const flashing = flashes.isFlashing(id, model.changedAtMs(id), nowMs);
            return (
              <OrderRow
                key={id}
                order={order}
                top={item.start}
                index={item.index}
                pairedAbove={isPeer(order, prev)}
                pairedBelow={isPeer(order, next)}
                selected={id === selectedOrderId}
                strategy={order.placedByStrategy || strategyOrderIds.has(id)}
                flashing={flashing}
                onSelect={onSelect}
              />
            );
          })}
        </div>
        {slots.length === 0 && (
          <div className="table-empty">{rows.length === 0 ? t.noOrders : t.noOrdersMatch}</div>
        )}
      </div>
    </div>
  );
}

/** The column headers (memoised: the rows below render per batch, the headers on a new sort). */
const OrdersHead = memo(function OrdersHead({
  sort,
  onSort,
}: {
  sort: OrderSort;
  onSort: (sort: OrderSort) => void;
}) {
  const t = useT();
  return (
    <div className="orders-row orders-head" role="row">
      {COLUMNS.map((col, i) => {
        const active = col.key !== null && sort.key === col.key;
        return (
          <div
            key={i}
            role="columnheader"
            className={`${col.className} ${col.key ? 'sortable' : ''} ${active ? 'sorted' : ''}`}
            aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
            onClick={() => {
              if (!col.key) return;
              onSort({
                key: col.key,
                direction: active && sort.direction === 'desc' ? 'asc' : 'desc',
              });
            }}
          >
            {col.label(t)}
            {active && <span className="sort-arrow">{sort.direction === 'asc' ? '▲' : '▼'}</span>}
          </div>
        );
      })}
    </div>
  );
});

function isPeer(order: OrderView, other: OrderView | undefined): boolean {
  return (
    other !== undefined &&
    order.last.orderListId !== null &&
    other.last.orderListId === order.last.orderListId
  );
}

const OrderRow = memo(function OrderRow({
  order,
  top,
  index,
  pairedAbove,
  pairedBelow,
  selected,
  strategy,
  flashing,
  onSelect,
}: {
  order: OrderView;
  top: number;
  index: number;
  pairedAbove: boolean;
  pairedBelow: boolean;
  selected: boolean;
  strategy: boolean;
  flashing: boolean;
  onSelect: (orderId: string) => void;
}) {
  const t = useT();
  const u = order.last;
  const classes = ['orders-row', 'order'];
  if (selected) classes.push('selected');
  if (flashing) classes.push('flash');
  if (strategy) classes.push('strategy');
  if (pairedAbove) classes.push('pair-below');
  if (pairedBelow) classes.push('pair-above');
  if (index % 2 === 1) classes.push('odd');
  const leg =
    order.otoLeg === 'OTO_WORKING'
      ? t.legWorking
      : order.otoLeg === 'OTO_PENDING'
        ? t.legPending
        : null;
  return (
    <div
      role="row"
      className={classes.join(' ')}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT_PX }}
      onClick={() => onSelect(u.orderId)}
      data-order-id={u.orderId}
      data-status={u.status}
      data-filled-qty={u.cumulativeFilledQty}
      data-testid="order-row"
      aria-selected={selected}
    >
      <div className="c-time" role="cell">
        {pairedAbove ? (
          <span className="pair-link" aria-hidden>
            └
          </span>
        ) : null}
        {formatClockMs(u.orderCreationTimeMs)}
      </div>
      <div className="c-symbol" role="cell" title={u.symbol}>
        {u.symbol}
      </div>
      <div className={`c-side side-${u.side.toLowerCase()}`} role="cell">
        {t.sideName[u.side]}
      </div>
      {/* Every Alpha order is LIMIT; an OTO leg shows which leg it is instead (the type is in the detail). */}
      <div className="c-type" role="cell">
        {!leg && u.orderType}
        {leg && (
          <span
            className={`oto-tag ${order.otoLeg === 'OTO_PENDING' ? 'pending' : ''}`}
            title={`OTO ${leg}`}
          >
            {order.otoLeg === 'OTO_PENDING' ? 'OTO·P' : 'OTO·W'}
          </span>
        )}
      </div>
      <div className="c-status" role="cell">
        {order.statusUnknown ? (
          <StatusUnknownChip mark={order.statusUnknown} lastKnown={u.status} />
        ) : (
          <StatusBadge status={u.status} rawStatus={u.rawStatus} />
        )}
      </div>
      <div className="c-num" role="cell" title={u.price}>
        {formatDecimal(u.price)}
      </div>
      <div className="c-num" role="cell" title={u.quantity}>
        {formatDecimal(u.quantity)}
      </div>
      <div
        className={`c-num ${isZeroDecimal(u.cumulativeFilledQty) ? 'dim' : ''}`}
        role="cell"
        title={u.cumulativeFilledQty}
      >
        {formatDecimal(u.cumulativeFilledQty)}
      </div>
      <div
        className={`c-num c-avg ${isZeroDecimal(u.avgPrice) ? 'dim' : ''}`}
        role="cell"
        title={u.avgPrice}
      >
        {isZeroDecimal(u.avgPrice) ? t.none : formatDecimal(u.avgPrice)}
      </div>
      <div className="c-id" role="cell" data-testid="order-id-cell">
        {strategy && (
          <span className="strategy-mark" title={t.placedByStrategy}>
            S
          </span>
        )}
        {u.orderId}
      </div>
    </div>
  );
});
