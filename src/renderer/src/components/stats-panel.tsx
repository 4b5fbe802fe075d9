import { memo } from 'react';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared/domain/order-update.ts';
import type { SessionStatsView } from '../../../shared/ipc/views-monitor.ts';
import { useT } from '../i18n/i18n.tsx';
import { formatDecimal, groupDigits, roundDecimal } from '../format/decimal.ts';
import { formatDuration } from '../format/time.ts';
import { Panel, statusClass } from './ui.tsx';

/** Counts grouped for reading: 100000 → 100,000 (by hand: Intl costs microseconds a call). */
function count(value: number): string {
  return groupDigits(String(value));
}

function amounts(byAsset: Record<string, string>, dp: number): string {
  const entries = Object.entries(byAsset);
  if (entries.length === 0) return '0';
  return entries
    .map(([asset, value]) => `${formatDecimal(roundDecimal(value, dp))} ${asset}`)
    .join(' · ');
}

function Distribution({
  title,
  counts,
  testId,
}: {
  title: string;
  counts: Record<OrderStatus, number>;
  testId: string;
}) {
  const t = useT();
  const total = ORDER_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return (
    <div className="dist" data-testid={testId}>
      <div className="dist-title">{title}</div>
      {ORDER_STATUSES.filter((s) => (counts[s] ?? 0) > 0).map((s) => (
        <div className="dist-row" key={s} data-status={s} data-count={counts[s]}>
          <span className={`dot st-${statusClass(s)}`} />
          <span className="dist-name">{t.statusName[s]}</span>
          <span className="tabular">{count(counts[s])}</span>
          <span className="muted tabular dist-pct">
            {total > 0 ? `${((counts[s] / total) * 100).toFixed(1)}%` : ''}
          </span>
        </div>
      ))}
      {total === 0 && <div className="muted">{t.none}</div>}
    </div>
  );
}

/** The numbers `alpha-monitor watch` prints when it stops, live. */
export const StatsPanel = memo(function StatsPanel({ stats }: { stats: SessionStatsView | null }) {
  const t = useT();
  if (!stats) {
    return (
      <Panel title={t.statistics} testId="stats-panel">
        <p className="hint">{t.loading}</p>
      </Panel>
    );
  }
  return (
    <Panel title={t.statistics} testId="stats-panel">
      <dl className="stat-grid">
        <div className="stat wide">
          <dt>{t.statUpdatesReceived}</dt>
          <dd className="tabular" data-testid="stat-updates">
            {count(stats.updatesReceived)}
          </dd>
          <dd className="muted small">
            {count(stats.updatesAccepted)} {t.statAccepted} · {count(stats.updatesIgnored)}{' '}
            {t.statIgnored} · {count(stats.updatesBackfilled)} {t.statBackfilled}
          </dd>
        </div>
        <div className="stat">
          <dt>{t.statOrders}</dt>
          <dd className="tabular" data-testid="stat-orders">
            {count(stats.orders)}
          </dd>
        </div>
        <div className="stat">
          <dt>{t.statFills}</dt>
          <dd className="tabular" data-testid="stat-fills">
            {count(stats.fills)}
          </dd>
        </div>
        <div className="stat wide">
          <dt>{t.statFilledVolume}</dt>
          <dd className="tabular" data-testid="stat-volume">
            {amounts(stats.filledQuoteByAsset, 2)}
          </dd>
        </div>
        <div className="stat wide">
          <dt>{t.statFees}</dt>
          <dd className="tabular small">{amounts(stats.feesByAsset, 8)}</dd>
        </div>
        <div className="stat">
          <dt>{t.statReconnects}</dt>
          <dd className="tabular" data-testid="stat-reconnects">
            {count(stats.reconnects)}
          </dd>
        </div>
        <div className="stat">
          <dt>{t.statMalformed}</dt>
          <dd className={`tabular ${stats.malformedFrames > 0 ? 'warn' : ''}`}>
            {count(stats.malformedFrames)}
          </dd>
        </div>
        <div className="stat">
          <dt>{t.missedByStream}</dt>
          <dd
            className={`tabular ${stats.missedByStream > 0 ? 'warn' : ''}`}
            title={t.missedByStreamTip}
            data-testid="stat-missed-by-stream"
          >
            {count(stats.missedByStream)}
          </dd>
        </div>
        <div className="stat">
          <dt>{t.statusUnknownOrders}</dt>
          <dd
            className={`tabular ${stats.statusUnknown > 0 ? 'warn' : ''}`}
            title={t.statusUnknownTip}
            data-testid="stat-status-unknown"
          >
            {count(stats.statusUnknown)}
          </dd>
        </div>
        {stats.fillsNotRecovered > 0 && (
          <div className="stat">
            <dt>{t.fillsNotRecovered}</dt>
            <dd
              className="tabular warn"
              title={t.fillsNotRecoveredTip}
              data-testid="stat-fills-not-recovered"
            >
              {count(stats.fillsNotRecovered)}
            </dd>
          </div>
        )}
        <div className="stat">
          <dt>{t.statLiveTime}</dt>
          <dd className="tabular">{formatDuration(stats.liveMs)}</dd>
        </div>
      </dl>
      <div className="dist-pair">
        <Distribution
          title={t.statUpdatesByStatus}
          counts={stats.updatesByStatus}
          testId="dist-updates"
        />
        <Distribution
          title={t.statOrdersByStatus}
          counts={stats.ordersByStatus}
          testId="dist-orders"
        />
      </div>
    </Panel>
  );
});
