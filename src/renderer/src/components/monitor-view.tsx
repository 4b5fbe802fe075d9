import { useCallback, useMemo, useState } from 'react';
import { useNow } from '../app/use-now.ts';
import type { AccountView, StrategyProgressView } from '../../../shared/ipc/views-app.ts';
import { useApi } from '../app/api-context.tsx';
import { useAccountSession } from '../app/use-account-session.ts';
import { useT } from '../i18n/i18n.tsx';
import {
  DEFAULT_SORT,
  EMPTY_FILTER,
  distinctSymbols,
  type OrderFilter,
  type OrderSort,
} from '../model/order-query.ts';
import { useOrderQuery } from '../model/use-order-query.ts';
import { ConnectionPanel } from './connection-panel.tsx';
import { ExportBar } from './export-bar.tsx';
import { FillsChart } from './fills-chart.tsx';
import { OrderDetail } from './order-detail.tsx';
import { OrdersTable } from './orders-table.tsx';
import { OrdersToolbar } from './orders-toolbar.tsx';
import { StatsPanel } from './stats-panel.tsx';
import { StatusChart } from './status-chart.tsx';
import { StrategyPanel } from './strategy-panel.tsx';
import { ErrorBox } from './ui.tsx';

type SideTab = 'detail' | 'stats' | 'strategy';

/**
 * One account's monitor: charts and the orders table in the middle, the connection in the
 * left column (rendered by the caller's sidebar slot), details / statistics / strategy on
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
  const t = useT();
  const api = useApi();
  const { model, error, version } = useAccountSession(
    api,
    account.id,
    account.running ? 'running' : 'stopped',
  );
  const [filter, setFilter] = useState<OrderFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<OrderSort>(DEFAULT_SORT);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [tab, setTab] = useState<SideTab>('stats');

  const orders = model?.orders ?? null;
  const slots = useOrderQuery(orders, filter, sort, orders?.version ?? 0);
  // Recomputed only when a new symbol could have appeared (version), cheap next to a sort.
  const symbols = useMemo(() => (orders ? distinctSymbols(orders.rows) : []), [orders, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const strategyIds = useMemo(
    () => new Set(strategyProgress?.placedOrderIds ?? []),
    [strategyProgress],
  );

  const select = useCallback((orderId: string) => {
    setSelectedId(orderId);
    setTab('detail');
  }, []);

  // A clicked notice asks to show an order: adjust the selection while rendering (React's
  // pattern for state derived from a changed prop), once per request.
  const [handledOpenNonce, setHandledOpenNonce] = useState<number | null>(null);
  if (openOrderId && openOrderId.nonce !== handledOpenNonce) {
    setHandledOpenNonce(openOrderId.nonce);
    setSelectedId(openOrderId.orderId);
    setTab('detail');
  }
  const nowMs = useNow(1000);

  const selected = selectedId !== null ? (orders?.get(selectedId) ?? null) : null;
  const peer = selected?.otoPeerOrderId ? (orders?.get(selected.otoPeerOrderId) ?? null) : null;
  const connection = model?.connection ?? null;
  const quoteAsset = Object.keys(model?.stats?.filledQuoteByAsset ?? {})[0] ?? 'USDT';

  return (
    <>
      {renderSidebar(<ConnectionPanel connection={connection} />)}
      <main
        className="monitor"
        data-testid="monitor"
        data-account-id={account.id}
        data-loaded={model?.loaded ? 'yes' : 'no'}
      >
        {error && <ErrorBox error={error} />}
        <div className="charts-row">
          <StatusChart stats={model?.stats ?? null} />
          <FillsChart
            fills={model?.fills ?? []}
            version={version}
            sessionStartMs={connection?.startedAtMs ?? null}
            quoteAsset={quoteAsset}
          />
        </div>
        <section className="panel orders-panel">
          <header className="panel-head">
            <h3>{t.orders}</h3>
            <ExportBar sessionId={connection?.sessionId ?? null} />
          </header>
          <OrdersToolbar
            filter={filter}
            onChange={setFilter}
            symbols={symbols}
            shown={slots.length}
            total={orders?.size ?? 0}
          />
          {orders && (
            <OrdersTable
              model={orders}
              slots={slots}
              sort={sort}
              onSort={setSort}
              selectedOrderId={selectedId}
              onSelect={select}
              strategyOrderIds={strategyIds}
              nowMs={nowMs}
            />
          )}
        </section>
      </main>
      <aside className="inspector" data-testid="inspector">
        <div className="tabs" role="tablist">
          {(['stats', 'strategy', 'detail'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={tab === k ? 'on' : ''}
              onClick={() => setTab(k)}
              data-testid={`tab-${k}`}
            >
              {k === 'stats' ? t.tabStats : k === 'strategy' ? t.tabStrategy : t.tabDetail}
            </button>
          ))}
        </div>
        <div className="inspector-body">
          {tab === 'stats' && <StatsPanel stats={model?.stats ?? null} />}
          {tab === 'strategy' && <StrategyPanel account={account} progress={strategyProgress} />}
          {tab === 'detail' && (
            <OrderDetail
              order={selected}
              peer={peer}
              onSelect={select}
              placedByStrategy={
                selected !== null &&
                (selected.placedByStrategy || strategyIds.has(selected.last.orderId))
              }
            />
          )}
        </div>
      </aside>
    </>
  );
}
