import { memo, useMemo } from 'react';
import { useBandHover } from '../hooks/use-band-hover.ts';
import { useElementSize } from '../hooks/use-element-size.ts';
import { useT } from '../i18n/i18n.tsx';
import type { FillBucket, FillSeries } from '../model/fill-buckets.ts';
import {
  barPath,
  formatTick,
  labelEvery,
  monotonePath,
  niceTicks,
  tooltipPlace,
} from '../model/chart-scale.ts';
import { formatClock, formatDuration } from '../format/time.ts';
import { formatDecimal, roundDecimal } from '../format/decimal.ts';
import { Panel } from './ui.tsx';

/** Fixed geometry (px): axes have fixed widths, so no label is measured to lay the chart out. */
const LEFT_AXIS_PX = 34;
const RIGHT_AXIS_PX = 44;
const TOP_PX = 8;
const X_AXIS_PX = 18;
const TICK_FONT_PX = 10;
/** An average digit of the 10 px UI font, for spacing the time labels (never measured). */
const TICK_CHAR_PX = 6;
const MIN_LABEL_GAP_PX = 24;
const Y_TICKS = 4;

/**
 * Fills per time bucket (bars, buys and sells stacked) and the quote volume they filled
 * (line, right axis), from the session's pre-aggregated fills, with a tooltip per bucket and
 * a legend. Drawn as plain SVG from the buckets and the box's size (a ResizeObserver), so a
 * redraw reads no layout. `version` changes whenever fills were added (the series grows in
 * place); the caller samples it, so the chart redraws at most once a second however fast
 * fills arrive.
 */
export const FillsChart = memo(function FillsChart({
  fills,
  version,
  nowMs,
  sessionStartMs,
  quoteAsset,
}: {
  fills: FillSeries;
  version: number;
  /** The chart's right edge (the caller's clock, ticking at the chart's redraw rate). */
  nowMs: number;
  sessionStartMs: number | null;
  quoteAsset: string;
}) {
  const t = useT();
  const [boxRef, size] = useElementSize<HTMLDivElement>();
  const { bucketMs, buckets } = useMemo(
    () => fills.buckets({ toMs: nowMs, fromMs: sessionStartMs ?? undefined, maxBuckets: 48 }),
    // `version` stands for the contents of `fills`, which grow in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [fills, version, nowMs, sessionStartMs],
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
      <div className="chart-box" ref={boxRef} data-fills={fills.count}>
        {buckets.length === 0 ? (
          <div className="chart-empty">{t.noFillsYet}</div>
        ) : (
          <FillsPlot
            buckets={buckets}
            bucketMs={bucketMs}
            width={size.width}
            height={size.height}
            quoteAsset={quoteAsset}
          />
        )}
      </div>
    </Panel>
  );
});

function FillsPlot({
  buckets,
  bucketMs,
  width,
  height,
  quoteAsset,
}: {
  buckets: readonly FillBucket[];
  bucketMs: number;
  width: number;
  height: number;
  quoteAsset: string;
}) {
  const t = useT();
  const legendPx = 16;
  const plotW = Math.max(0, width - LEFT_AXIS_PX - RIGHT_AXIS_PX);
  const plotH = Math.max(0, height - TOP_PX - X_AXIS_PX - legendPx);
  const band = buckets.length > 0 ? plotW / buckets.length : 0;
  const countTicks = niceTicks(Math.max(...buckets.map((b) => b.fills)), Y_TICKS, true);
  const countTop = countTicks.at(-1)!;
  const countStep = countTicks[1] ?? 1;
  const volumeTicks = niceTicks(Math.max(...buckets.map((b) => b.volumeQuotePlot)), Y_TICKS, false);
  const volumeTop = volumeTicks.at(-1)!;
  const volumeStep = volumeTicks[1] ?? 1;
  const yCount = (v: number) => TOP_PX + plotH - (v / countTop) * plotH;
  const yVolume = (v: number) => TOP_PX + plotH - (v / volumeTop) * plotH;
  const xOf = (i: number) => LEFT_AXIS_PX + i * band;
  const labelChars = bucketMs >= 60_000 ? 5 : 8;
  const every = labelEvery(band, labelChars, TICK_CHAR_PX, MIN_LABEL_GAP_PX);
  const barW = Math.max(1, band * 0.8);
  const barPad = (band - barW) / 2;
  const line = monotonePath(
    buckets.map((b, i) => [xOf(i) + band / 2, yVolume(b.volumeQuotePlot)] as const),
  );
  const { hover, handlers } = useBandHover('x', LEFT_AXIS_PX, band, buckets.length);
  const hovered = hover !== null ? buckets[hover] : undefined;

  return (
    <>
      <svg
        className="chart-svg"
        width={width}
        height={Math.max(0, height - legendPx)}
        role="img"
        aria-label={t.fillsOverTime}
        data-testid="fills-chart-svg"
        {...handlers}
      >
        {countTicks.map((v) => (
          <line
            key={`g${v}`}
            x1={LEFT_AXIS_PX}
            x2={LEFT_AXIS_PX + plotW}
            y1={yCount(v)}
            y2={yCount(v)}
            stroke="var(--border)"
          />
        ))}
        {hovered && (
          <rect x={xOf(hover!)} y={TOP_PX} width={band} height={plotH} fill="var(--row-hover)" />
        )}
        {buckets.map((b, i) => {
          const buyTop = yCount(b.buyFills);
          const allTop = yCount(b.fills);
          return (
            <g key={b.startMs} className="chart-bar">
              {b.buyFills > 0 && (
                <rect
                  x={xOf(i) + barPad}
                  y={buyTop}
                  width={barW}
                  height={yCount(0) - buyTop}
                  fill="var(--buy)"
                />
              )}
              {b.sellFills > 0 && (
                <path
                  d={barPath(xOf(i) + barPad, allTop, barW, buyTop - allTop, 2, 'top')}
                  fill="var(--sell)"
                />
              )}
            </g>
          );
        })}
        <path d={line} fill="none" stroke="var(--accent)" strokeWidth={2} />
        <line
          x1={LEFT_AXIS_PX}
          x2={LEFT_AXIS_PX + plotW}
          y1={yCount(0)}
          y2={yCount(0)}
          stroke="var(--border)"
        />
        <g fontSize={TICK_FONT_PX} fill="var(--muted)">
          {countTicks.map((v) => (
            <text key={`l${v}`} x={LEFT_AXIS_PX - 4} y={yCount(v)} dy="0.32em" textAnchor="end">
              {formatTick(v, countStep)}
            </text>
          ))}
          {volumeTicks.map((v) => (
            <text key={`r${v}`} x={LEFT_AXIS_PX + plotW + 4} y={yVolume(v)} dy="0.32em">
              {formatTick(v, volumeStep)}
            </text>
          ))}
          {buckets.map((b, i) =>
            i % every === 0 ? (
              <text
                key={`x${b.startMs}`}
                x={xOf(i) + band / 2}
                y={TOP_PX + plotH + 4}
                dy="0.71em"
                textAnchor="middle"
              >
                {formatClock(b.startMs).slice(0, labelChars)}
              </text>
            ) : null,
          )}
        </g>
      </svg>
      <div className="chart-legend" aria-hidden>
        <span className="chart-key">
          <i style={{ background: 'var(--buy)' }} />
          {t.sideName.BUY}
        </span>
        <span className="chart-key">
          <i style={{ background: 'var(--sell)' }} />
          {t.sideName.SELL}
        </span>
        <span className="chart-key">
          <i className="line" style={{ background: 'var(--accent)' }} />
          {t.volumeAxis(quoteAsset)}
        </span>
      </div>
      {hovered && (
        <div
          className="chart-tooltip"
          role="tooltip"
          data-testid="fills-chart-tooltip"
          style={tooltipPlace(xOf(hover!) + band / 2, width)}
        >
          <div className="chart-tooltip-label">{formatClock(hovered.startMs)}</div>
          <div style={{ color: 'var(--buy)' }}>
            {t.sideName.BUY} : {hovered.buyFills}
          </div>
          <div style={{ color: 'var(--sell)' }}>
            {t.sideName.SELL} : {hovered.sellFills}
          </div>
          <div style={{ color: 'var(--accent)' }}>
            {t.volumeAxis(quoteAsset)} :{' '}
            {`${formatDecimal(roundDecimal(hovered.volumeQuote, 4))} ${quoteAsset}`}
          </div>
        </div>
      )}
    </>
  );
}
