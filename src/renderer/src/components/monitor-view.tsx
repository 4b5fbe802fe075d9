import { useMemo } from 'react';
import type { AccountView, StrategyProgressView } from '../../../shared/ipc/views-app.ts';
import type { ConnectionView } from '../../../shared/ipc/views-monitor.ts';
import { useApi } from '../shell/api-context.tsx';
import { useAccountSession } from '../hooks/use-account-session.ts';
import { formatClock } from '../format/time.ts';
import { useT } from '../i18n/i18n.tsx';
import { ConnectionPanel } from './connection-panel.tsx';
import { usePanelConnection } from '../hooks/use-panel-connection.ts';
import { MonitorBody } from './monitor-body.tsx';
import { PointsCard } from './points-card.tsx';
import { StrategyPanel } from './strategy-panel.tsx';
import { Button } from './ui.tsx';

/**
 * One account's live monitor: charts and the orders table in the middle, the connection in
 * the left column (rendered by the caller's sidebar slot), details / statistics / strategy on
 * the right. Stopped, it keeps showing the session that just ended and says where it is kept.
 */
export function MonitorView({
  account,
  openOrderId,
  strategyProgress,
  renderSidebar,
  onOpenSession,
  onOpenSessions,
}: {
  account: AccountView;
  /** An order to show (a notice was clicked). */
  openOrderId: { orderId: string; nonce: number } | null;
  strategyProgress: StrategyProgressView | null;
  renderSidebar: (connectionPanel: React.ReactNode) => React.ReactNode;
  /** Shows one past session read-only (the one that just ended). */
  onOpenSession: (sessionId: string) => void;
  /** Shows the list of past sessions. */
  onOpenSessions: () => void;
}) {
  const api = useApi();
  const { model, error, version } = useAccountSession(
    api,
    account.id,
    account.running ? 'running' : 'stopped',
  );
  const panelConnection = usePanelConnection(model);
  const strategyIds = useMemo(
    () => new Set(strategyProgress?.placedOrderIds ?? []),
    [strategyProgress],
  );

  return (
    <>
      {renderSidebar(
        <>
          <ConnectionPanel
            connection={panelConnection}
            missedByStream={model?.stats?.missedByStream ?? null}
            statusUnknown={model?.stats?.statusUnknown ?? 0}
          />
          <PointsCard accountId={account.id} />
        </>,
      )}
      <MonitorBody
        accountId={account.id}
        model={model}
        version={version}
        error={error}
        openOrderId={openOrderId}
        banner={
          !account.running && model?.loaded ? (
            <StoppedBanner
              connection={model.connection}
              onOpenSession={onOpenSession}
              onOpenSessions={onOpenSessions}
            />
          ) : null
        }
        strategyPanel={<StrategyPanel account={account} progress={strategyProgress} />}
        strategyOrderIds={strategyIds}
      />
    </>
  );
}

/**
 * Above a stopped account's monitor: when it stopped and that what is shown is that session,
 * kept in Sessions; or, with nothing watched since the app started, where earlier ones are.
 */
function StoppedBanner({
  connection,
  onOpenSession,
  onOpenSessions,
}: {
  connection: ConnectionView | null;
  onOpenSession: (sessionId: string) => void;
  onOpenSessions: () => void;
}) {
  const t = useT();
  const sessionId = connection?.sessionId ?? null;
  const last = connection?.timeline[connection.timeline.length - 1];
  const stoppedAtMs = last?.toMs ?? connection?.lastEventAtMs ?? connection?.startedAtMs ?? null;
  return (
    <div className="stopped-banner" role="status" data-testid="stopped-banner">
      <span>
        {sessionId !== null && stoppedAtMs !== null
          ? t.stoppedBanner(formatClock(stoppedAtMs))
          : t.stoppedNoSession}
      </span>
      <span className="read-only-actions">
        {sessionId !== null ? (
          <Button onClick={() => onOpenSession(sessionId)} data-testid="stopped-open-session">
            {t.openInSessions}
          </Button>
        ) : (
          <Button onClick={onOpenSessions} data-testid="stopped-open-sessions">
            {t.sessions}
          </Button>
        )}
      </span>
    </div>
  );
}
