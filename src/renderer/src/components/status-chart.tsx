import { memo, useState } from 'react';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared/domain/order-update.ts';
import type { SessionStatsView } from '../../../shared/ipc/views-monitor.ts';
import { useT } from '../i18n/i18n.tsx';
import { useBandHover } from '../hooks/use-band-hover.ts';
import { useElementSize } from '../hooks/use-element-size.ts';
import { barPath, tooltipPlace } from '../model/chart-scale.ts';
import { Panel, statusClass } from './ui.tsx';

type Mode = 'updates' | 'orders';

/** Fixed geometry (px): the label column has a fixed width, so no label is measured. */
const LABEL_PX = 112;
const VALUE_PX = 48;
const PAD_PX = 4;
const BAR_GAP_PX = 3;
const MIN_BAR_PX = 2;
const FONT_PX = 11;

interface StatusDatum {
  status: OrderStatus;
  name: string;
  count: number;
}

/**
 * Status distribution, by updates (every accepted `X`) or by orders (their current `X`):
 * a bar per status with its count, and a tooltip. Plain SVG drawn from the counts and the
 * box's size (a ResizeObserver), so a redraw reads no layout.
 */
export const StatusChart = memo(function StatusChart({
  stats,
}: {
  stats: SessionStatsView | null;
}) {
  const t = useT();
  const [mode, setMode] = useState<Mode>('orders');
  const [boxRef, size] = useElementSize<HTMLDivElement>();
  const counts: Record<OrderStatus, number> | null = stats
    ? mode === 'updates'
      ? stats.updatesByStatus
      : stats.ordersByStatus
    : null;
  const data = ORDER_STATUSES.map((status) => ({
    status,
    name: t.statusName[status],
    count: counts?.[status] ?? 0,
  }));
  const total = data.reduce((sum, d) => sum + d.count, 0);
  return (
    <Panel
      title={t.statusDistribution}
      className="chart-panel"
      testId="status-chart"
      actions={
        <div className="seg" role="tablist">
          {(['orders', 'updates'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              className={mode === m ? 'on' : ''}
              onClick={() => setMode(m)}
              data-testid={`status-mode-${m}`}
            >
              {m === 'orders' ? t.byOrders : t.byUpdates}
            </button>
          ))}
        </div>
      }
    >
      <div className="chart-box" ref={boxRef} data-mode={mode} data-total={total}>
        {total === 0 ? (
          <div className="chart-empty">{t.noUpdatesYet}</div>
        ) : (
          <StatusBars
            data={data}
            width={size.width}
            height={size.height}
            valueName={mode === 'orders' ? t.byOrders : t.byUpdates}
          />
        )}
      </div>
      <ul className="sr-only" data-testid="status-counts">
        {data.map((d) => (
          <li key={d.status} data-status={d.status} data-count={d.count}>
            {d.status}: {d.count}
          </li>
        ))}
      </ul>
    </Panel>
  );
});

function StatusBars({
  data,
  width,
  height,
  valueName,
}: {
  data: readonly StatusDatum[];
  width: number;
  height: number;
  valueName: string;
}) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const plotW = Math.max(0, width - LABEL_PX - VALUE_PX - 2 * PAD_PX);
  const band = data.length > 0 ? Math.max(0, height - 2 * PAD_PX) / data.length : 0;
  const barH = Math.max(1, band - BAR_GAP_PX);
  const x0 = PAD_PX + LABEL_PX;
  const yOf = (i: number) => PAD_PX + i * band;
  const { hover, handlers } = useBandHover('y', PAD_PX, band, data.length);
  const hovered = hover !== null ? data[hover] : undefined;

  return (
    <>
      <svg
        className="chart-svg"
        width={width}
        height={height}
        role="img"
        data-testid="status-chart-svg"
        {...handlers}
      >
        {hovered && (
          <rect x={x0} y={yOf(hover!)} width={plotW} height={band} fill="var(--row-hover)" />
        )}
        {data.map((d, i) => {
          const w = Math.max(MIN_BAR_PX, (d.count / max) * plotW);
          const y = yOf(i) + BAR_GAP_PX / 2;
          return (
            <g key={d.status} className="chart-bar" data-status={d.status}>
              <text
                x={x0 - 8}
                y={y + barH / 2}
                dy="0.32em"
                textAnchor="end"
                fontSize={FONT_PX}
                fill="var(--muted)"
              >
                {d.name}
              </text>
              <path
                d={barPath(x0, y, w, barH, 3, 'right')}
                fill={`var(--st-${statusClass(d.status)})`}
              />
              <text
                x={x0 + w + 5}
                y={y + barH / 2}
                dy="0.32em"
                fontSize={FONT_PX}
                fill="var(--text)"
              >
                {d.count}
              </text>
            </g>
          );
        })}
      </svg>
      {hovered && (
        <div
          className="chart-tooltip"
          role="tooltip"
          data-testid="status-chart-tooltip"
          style={{
            ...tooltipPlace(x0 + Math.max(MIN_BAR_PX, (hovered.count / max) * plotW), width),
            top: Math.max(0, Math.min(yOf(hover!) + band, height - 48)),
          }}
        >
          <div className="chart-tooltip-label">{hovered.name}</div>
          <div>
            {valueName} : {hovered.count}
          </div>
        </div>
      )}
    </>
  );
}
