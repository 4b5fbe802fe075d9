import { useMemo } from 'react';
import type { AccountView, StrategyProgressView } from '../../../shared/ipc/views-app.ts';
import { useApi } from '../app/api-context.tsx';
import { useAccountSession } from '../app/use-account-session.ts';
import { ConnectionPanel } from './connection-panel.tsx';
import { MonitorBody } from './monitor-body.tsx';
import { PointsCard } from './points-card.tsx';
import { StrategyPanel } from './strategy-panel.tsx';

/**
 * One account's live monitor: charts and the orders table in the middle, the connection in
 * the left column (rendered by the caller's sidebar slot), details / statistics / strategy on
 * the right.
 */
export function MonitorView({
  account,
  openOrderId,
  strategyProgress,
  renderSidebar,
}: {
  account: AccountView;
  /** An order to show (a notice was clicked). */
  openOrderId: { orderId: string; nonce: number } | null;
  strategyProgress: StrategyProgressView | null;
  renderSidebar: (connectionPanel: React.ReactNode) => React.ReactNode;
}) {
  const api = useApi();
  const { model, error, version } = useAccountSession(
    api,
    account.id,
    account.running ? 'running' : 'stopped',
  );
  const strategyIds = useMemo(
    () => new Set(strategyProgress?.placedOrderIds ?? []),
    [strategyProgress],
  );

  return (
    <>
      {renderSidebar(
        <>
          <ConnectionPanel connection={model?.connection ?? null} stats={model?.stats ?? null} />
          <PointsCard accountId={account.id} />
        </>,
      )}
      <MonitorBody
        accountId={account.id}
        model={model}
        version={version}
        error={error}
        openOrderId={openOrderId}
        strategyPanel={<StrategyPanel account={account} progress={strategyProgress} />}
        strategyOrderIds={strategyIds}
      />
    </>
  );
}
