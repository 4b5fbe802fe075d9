import { memo } from 'react';
import type { ConnectionView, TimelineSegment } from '../../../shared/ipc/views-monitor.ts';
import { useT } from '../i18n/i18n.tsx';
import { useNow } from '../hooks/use-now.ts';
import { formatClock, formatClockMs, formatDuration, formatLatency } from '../format/time.ts';
import { ErrorBox, KV, Panel, StatePill } from './ui.tsx';

/**
 * The last event's time and latency change with every batch (tens of times a second under
 * load); drawn this often instead, the sidebar is not laid out and repainted per batch.
 */
export const LIVE_FIGURES_INTERVAL_MS = 500;

/**
 * The session's health at a glance: state, masked listen key with its age and next refresh,
 * reconnect attempts, last event time and receive latency, what reconciliation found the
 * stream missed, and a timeline of live periods and gaps. Memoised: give it
 * usePanelConnection's value (hooks/use-panel-connection.ts) and the two counts (not the statistics, replaced per batch).
 */
export const ConnectionPanel = memo(function ConnectionPanel({
  connection,
  missedByStream,
  statusUnknown,
}: {
  connection: ConnectionView | null;
  /** Updates reconciliation found the stream missed; null while loading. */
  missedByStream: number | null;
  /** Orders whose status could not be decided. */
  statusUnknown: number;
}) {
  const t = useT();
  const nowMs = useNow(1000);
  const lastEventAtMs = connection?.lastEventAtMs ?? null;
  const latencyMs = connection?.lastReceiveLatencyMs ?? null;
  if (!connection) {
    return (
      <Panel title={t.connection} testId="connection-panel">
        <p className="hint">{t.loading}</p>
      </Panel>
    );
  }
  const c = connection;
  // A session that is not running refreshes no key: say so instead of counting down, and
  // show its key age and timeline as they were when it ended.
  const watching = c.state !== 'stopped' && c.state !== 'stopping' && c.state !== 'failed';
  const endedAtMs = c.timeline[c.timeline.length - 1]?.toMs ?? c.lastEventAtMs ?? nowMs;
  const asOfMs = watching || c.state === 'failed' ? nowMs : endedAtMs;
  const keyAge =
    c.listenKeyObtainedAtMs !== null ? formatDuration(asOfMs - c.listenKeyObtainedAtMs) : t.none;
  const refreshIn = !watching
    ? t.noRefreshStopped
    : c.nextListenKeyRefreshAtMs === null
      ? t.none
      : c.nextListenKeyRefreshAtMs <= nowMs
        ? t.overdue
        : t.inTime(formatDuration(c.nextListenKeyRefreshAtMs - nowMs));
  return (
    <Panel title={t.connection} testId="connection-panel" className={`conn tone-${c.state}`}>
      {c.problem && (
        <ErrorBox
          error={c.problem}
          text={t.reason(c.problem.reason)}
          tone={c.state === 'failed' ? 'error' : 'warning'}
        />
      )}
      <dl className="kv-list">
        <KV label={t.state} testId="conn-state">
          <StatePill state={c.state} />
        </KV>
        <KV label={t.listenKey} testId="conn-listen-key">
          <code>{c.maskedListenKey ?? t.none}</code>
        </KV>
        <KV label={t.keyAge}>{keyAge}</KV>
        <KV label={t.nextRefresh} testId="conn-next-refresh">
          {refreshIn}
        </KV>
        <KV label={t.reconnectAttempts} testId="conn-reconnects">
          <span className={c.reconnectAttempts > 0 ? 'warn' : ''}>{c.reconnectAttempts}</span>
        </KV>
        <KV label={t.lastEvent} testId="conn-last-event">
          {lastEventAtMs !== null ? (
            <span title={t.ago(formatDuration(nowMs - lastEventAtMs))}>
              {formatClockMs(lastEventAtMs)}
            </span>
          ) : (
            t.none
          )}
        </KV>
        <KV label={t.receiveLatency} testId="conn-latency">
          {latencyMs !== null ? formatLatency(latencyMs) : t.none}
        </KV>
        {missedByStream !== null && (
          <KV label={t.missedByStream} testId="conn-missed-by-stream">
            <span className={missedByStream > 0 ? 'warn' : ''}>
              {missedByStream > 0 ? t.missedByStreamRecovered(missedByStream) : missedByStream}
            </span>
          </KV>
        )}
        {statusUnknown > 0 && (
          <KV label={t.statusUnknownOrders} testId="conn-status-unknown">
            <span className="warn" title={t.statusUnknownTip}>
              {statusUnknown}
            </span>
          </KV>
        )}
        <KV label={t.sessionStarted}>
          {c.startedAtMs !== null ? formatClock(c.startedAtMs) : t.none}
        </KV>
      </dl>
      <Timeline segments={c.timeline} nowMs={asOfMs} />
    </Panel>
  );
});

/** Live periods (green) and gaps (amber) as one proportional bar, with the gaps listed. */
export function Timeline({
  segments,
  nowMs,
}: {
  segments: readonly TimelineSegment[];
  nowMs: number;
}) {
  const t = useT();
  if (segments.length === 0) {
    return (
      <div className="timeline-wrap">
        <div className="timeline-title">{t.timeline}</div>
        <p className="hint">{t.timelineEmpty}</p>
      </div>
    );
  }
  const fromMs = segments[0]!.fromMs;
  const toMs = Math.max(nowMs, ...segments.map((s) => s.toMs ?? nowMs));
  const spanMs = Math.max(1, toMs - fromMs);
  const gaps = segments.filter((s) => s.kind === 'gap');
  return (
    <div className="timeline-wrap" data-testid="timeline">
      <div className="timeline-title">
        {t.timeline}
        <span className="muted">
          {' '}
          · <span data-testid="gap-count">{t.gapCount(gaps.length)}</span>
        </span>
      </div>
      <div className="timeline-bar" role="img" aria-label={t.timeline}>
        {segments.map((s, i) => {
          const end = s.toMs ?? nowMs;
          const left = ((s.fromMs - fromMs) / spanMs) * 100;
          const width = Math.max(0.6, ((end - s.fromMs) / spanMs) * 100);
          return (
            <span
              key={i}
              className={`seg-${s.kind}`}
              data-kind={s.kind}
              style={{ left: `${left}%`, width: `${width}%` }}
              title={`${t[s.kind]} ${formatClock(s.fromMs)}–${s.toMs === null ? '…' : formatClock(s.toMs)} (${formatDuration(end - s.fromMs)})`}
            />
          );
        })}
      </div>
      <div className="timeline-axis muted">
        <span>{formatClock(fromMs)}</span>
        <span>{formatClock(toMs)}</span>
      </div>
      {gaps.length > 0 && (
        <ul className="gap-list">
          {gaps.slice(-4).map((g, i) => (
            <li key={i}>
              <span className="gap-dot" /> {formatClock(g.fromMs)} →{' '}
              {g.toMs === null ? '…' : formatClock(g.toMs)}{' '}
              <span className="muted">({formatDuration((g.toMs ?? nowMs) - g.fromMs)})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
