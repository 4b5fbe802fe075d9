import { memo, useMemo } from 'react';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useT } from '../i18n/i18n.tsx';
import type { FillSeries } from '../model/fill-buckets.ts';
import { formatClock, formatDuration } from '../format/time.ts';
import { formatDecimal, roundDecimal } from '../format/decimal.ts';
import { Panel } from './ui.tsx';

/**
 * Fills per time bucket (bars, buys and sells stacked) and the quote volume they filled
 * (line), from the session's pre-aggregated fills. `version` changes whenever fills were
 * added (the series grows in place); the caller samples it, so the chart redraws at most
 * once a second however fast fills arrive.
 */
export const FillsChart = memo(function FillsChart({
  fills,
  version,
  sessionStartMs,
  quoteAsset,
}: {
  fills: FillSeries;
  version: number;
  sessionStartMs: number | null;
  quoteAsset: string;
}) {
  const t = useT();
  const { bucketMs, buckets } = useMemo(
    () => fills.buckets({ toMs: Date.now(), fromMs: sessionStartMs ?? undefined, maxBuckets: 48 }),
    // `version` stands for the contents of `fills`, which grow in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fills, version, sessionStartMs],
  );
  return (
    <Panel
      title={t.fillsOverTime}
      className="chart-panel"
      testId="fills-chart"
      actions={
        buckets.length > 0 ? (
          <span className="muted small">{t.perBucket(formatDuration(bucketMs))}</span>
        ) : null
      }
    >
      {buckets.length === 0 ? (
        <div className="chart-empty">{t.noFillsYet}</div>
      ) : (
        <div className="chart-box" data-fills={fills.count}>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={buckets} margin={{ top: 6, right: 4, bottom: 0, left: -8 }}>
              <CartesianGrid stroke="var(--border)" vertical={false} />
              <XAxis
                dataKey="startMs"
                tickFormatter={(ms: number) => formatClock(ms).slice(0, bucketMs >= 60_000 ? 5 : 8)}
                tick={{ fill: 'var(--muted)', fontSize: 10 }}
                tickLine={false}
                axisLine={{ stroke: 'var(--border)' }}
                minTickGap={24}
              />
              <YAxis
                yAxisId="fills"
                allowDecimals={false}
                tick={{ fill: 'var(--muted)', fontSize: 10 }}
                tickLine={false}
                axisLine={false}
                width={36}
              />
              <YAxis
                yAxisId="volume"
                orientation="right"
                tick={{ fill: 'var(--muted)', fontSize: 10 }}
                tickLine={false}
                axisLine={false}
                width={48}
              />
              <Tooltip
                contentStyle={{
                  background: 'var(--panel)',
                  border: '1px solid var(--border)',
                  fontSize: 12,
                }}
                labelStyle={{ color: 'var(--text)' }}
                labelFormatter={(ms) => formatClock(Number(ms))}
                formatter={(value, name, item) => {
                  if (name === 'volume') {
                    const exact = (item.payload as { volumeQuote: string }).volumeQuote;
                    return [
                      `${formatDecimal(roundDecimal(exact, 4))} ${quoteAsset}`,
                      t.volumeAxis(quoteAsset),
                    ];
                  }
                  return [String(value), name === 'buy' ? t.sideName.BUY : t.sideName.SELL];
                }}
              />
              <Bar
                yAxisId="fills"
                dataKey="buyFills"
                name="buy"
                stackId="f"
                fill="var(--buy)"
                isAnimationActive={false}
              />
              <Bar
                yAxisId="fills"
                dataKey="sellFills"
                name="sell"
                stackId="f"
                fill="var(--sell)"
                isAnimationActive={false}
                radius={[2, 2, 0, 0]}
              />
              <Line
                yAxisId="volume"
                dataKey="volumeQuotePlot"
                name="volume"
                type="monotone"
                stroke="var(--accent)"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
    </Panel>
  );
});
