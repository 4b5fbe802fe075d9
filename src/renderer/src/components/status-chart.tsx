import { memo, useState } from 'react';
import {
  Bar,
  BarChart,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared/domain/order-update.ts';
import type { SessionStatsView } from '../../../shared/ipc/views-monitor.ts';
import { useT } from '../i18n/i18n.tsx';
import { Panel, statusClass } from './ui.tsx';

type Mode = 'updates' | 'orders';

/** Status distribution, by updates (every accepted `X`) or by orders (their current `X`). */
export const StatusChart = memo(function StatusChart({
  stats,
}: {
  stats: SessionStatsView | null;
}) {
  const t = useT();
  const [mode, setMode] = useState<Mode>('orders');
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
      {total === 0 ? (
        <div className="chart-empty">{t.noUpdatesYet}</div>
      ) : (
        <div className="chart-box" data-mode={mode} data-total={total}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={data}
              layout="vertical"
              margin={{ top: 4, right: 48, bottom: 4, left: 4 }}
              barCategoryGap={3}
            >
              <XAxis type="number" hide allowDecimals={false} />
              <YAxis
                type="category"
                dataKey="name"
                width={112}
                interval={0}
                tickLine={false}
                axisLine={false}
                tick={{ fill: 'var(--muted)', fontSize: 11 }}
              />
              <Tooltip
                cursor={{ fill: 'var(--row-hover)' }}
                contentStyle={{
                  background: 'var(--panel)',
                  border: '1px solid var(--border)',
                  fontSize: 12,
                }}
                labelStyle={{ color: 'var(--text)' }}
                itemStyle={{ color: 'var(--text)' }}
              />
              <Bar dataKey="count" isAnimationActive={false} radius={[0, 3, 3, 0]} minPointSize={2}>
                {data.map((d) => (
                  <Cell key={d.status} fill={`var(--st-${statusClass(d.status)})`} />
                ))}
                <LabelList
                  dataKey="count"
                  position="right"
                  style={{ fill: 'var(--text)', fontSize: 11 }}
                />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
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
