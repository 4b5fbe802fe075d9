import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { SessionReplay } from '../../../shared/ipc/views-app.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import { useApi } from '../shell/api-context.tsx';
import { formatDateTime, formatDuration } from '../format/time.ts';
import { useT } from '../i18n/i18n.tsx';
import { AccountSessionModel } from '../model/account-session-model.ts';
import { ConnectionPanel } from './connection-panel.tsx';
import { usePanelConnection } from '../hooks/use-panel-connection.ts';
import { MonitorBody } from './monitor-body.tsx';
import { Button, KV, Panel } from './ui.tsx';

/**
 * A past session reopened read-only: main replays its journal, and the same monitor screens
 * show the result (orders, charts, statistics, export), under a banner that says so. There is
 * nothing to start or stop here; "Back to live" returns to the accounts.
 */
export function PastSessionView({
  sessionId,
  onBack,
  onSessions,
}: {
  sessionId: string;
  onBack: () => void;
  onSessions: () => void;
}) {
  const t = useT();
  const api = useApi();
  const [replay, setReplay] = useState<{ sessionId: string; value: SessionReplay } | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  useEffect(() => {
    let alive = true;
    void api.openSession({ sessionId }).then((result) => {
      if (!alive) return;
      if (result.ok) setReplay({ sessionId, value: result.value });
      else setError(result.error);
    });
    return () => {
      alive = false;
    };
  }, [api, sessionId]);

  const current = replay?.sessionId === sessionId ? replay.value : null;
  // The same model the live view uses, filled once from the replayed snapshot.
  const model = useMemo(() => {
    if (current === null) return null;
    const m = new AccountSessionModel(current.summary.accountId);
    m.applySnapshot(current.snapshot);
    return m;
  }, [current]);
  const version = useSyncExternalStore(
    model ? model.subscribe : noop,
    model ? model.getVersion : zero,
  );
  const summary = current?.summary ?? null;
  const panelConnection = usePanelConnection(model);

  const banner = (
    <div className="read-only-banner" role="status" data-testid="read-only-banner">
      <span className="strong">
        {t.sessionReadOnlyBanner(summary ? formatDateTime(summary.startedAtMs) : '…')}
      </span>
      {summary && <span className="muted">{summary.accountLabel}</span>}
      <span className="read-only-actions">
        <Button onClick={onSessions} data-testid="back-to-sessions">
          {t.sessions}
        </Button>
        <Button variant="primary" onClick={onBack} data-testid="back-to-live">
          {t.sessionBackToLive}
        </Button>
      </span>
      {current?.tornTail && <p className="small">{t.sessionTornTail}</p>}
      {current && current.skippedLines > 0 && (
        <p className="small">{t.sessionSkipped(current.skippedLines)}</p>
      )}
    </div>
  );

  return (
    <>
      <nav className="sidebar" data-testid="sidebar">
        <Panel title={t.sessionInfo} testId="session-info">
          {summary && (
            <dl className="kv-list">
              <KV label={t.sessionAccount}>{summary.accountLabel}</KV>
              <KV label={t.sessionStartedAt}>{formatDateTime(summary.startedAtMs)}</KV>
              <KV label={t.sessionEnded}>
                {summary.endedAtMs !== null ? formatDateTime(summary.endedAtMs) : t.none}
              </KV>
              <KV label={t.sessionDuration}>
                {summary.endedAtMs !== null
                  ? formatDuration(summary.endedAtMs - summary.startedAtMs)
                  : t.none}
              </KV>
              <KV label={t.sessionStatus} testId="session-info-status">
                {t.sessionStatusName[summary.status]}
              </KV>
            </dl>
          )}
        </Panel>
        <ConnectionPanel
          connection={panelConnection}
          missedByStream={model?.stats?.missedByStream ?? null}
          statusUnknown={model?.stats?.statusUnknown ?? 0}
        />
      </nav>
      <MonitorBody
        accountId={summary?.accountId ?? ''}
        model={model}
        version={version}
        error={error}
        banner={banner}
        strategyPanel={null}
        readOnly
      />
    </>
  );
}

const noop = () => () => {};
const zero = () => 0;
