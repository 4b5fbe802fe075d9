import { useCallback, useMemo, useState } from 'react';
import type { IpcError } from '../../../shared/ipc/result.ts';
import { useNow } from '../hooks/use-now.ts';
import { useSampled } from '../hooks/use-sampled.ts';
import { useT } from '../i18n/i18n.tsx';
import type { AccountSessionModel } from '../model/account-session-model.ts';
import { FillSeries } from '../model/fill-buckets.ts';
import {
  DEFAULT_SORT,
  EMPTY_FILTER,
  type OrderFilter,
  type OrderSort,
} from '../model/order-query.ts';
import { useOrderQuery } from '../model/use-order-query.ts';
import { ExportBar } from './export-bar.tsx';
import { FillsChart } from './fills-chart.tsx';
import { OrderDetail } from './order-detail.tsx';
import { OrdersTable } from './orders-table.tsx';
import { OrdersToolbar } from './orders-toolbar.tsx';
import { StatsPanel } from './stats-panel.tsx';
import { StatusChart } from './status-chart.tsx';
import { Button, ErrorBox } from './ui.tsx';

type SideTab = 'detail' | 'stats' | 'strategy';

const NO_IDS: ReadonlySet<string> = new Set();
const NO_FILLS = new FillSeries();
const NO_SYMBOLS: readonly string[] = [];

/** Charts redraw at most this often (drawing them costs more than a frame at high rates). */
export const CHART_REDRAW_INTERVAL_MS = 1000;
/** The statistics (text only) follow a little faster. */
export const STATS_REDRAW_INTERVAL_MS = 500;

/**
 * The monitor screens of one session: charts, the orders table with its export buttons, and
 * the inspector (statistics, order detail, and the strategy panel when given). Shared by the
 * live monitor and a past session reopened read-only, which differ only in where the model
 * comes from, the `banner` above and the `strategyPanel` (none when read-only).
 */
export function MonitorBody({
  accountId,
  model,
  version,
  error,
  banner,
  openOrderId,
  strategyPanel,
  strategyOrderIds = NO_IDS,
  readOnly = false,
}: {
  accountId: string;
  model: AccountSessionModel | null;
  version: number;
  error: IpcError | null;
  banner?: React.ReactNode;
  /** An order to show (a notice was clicked). */
  openOrderId?: { orderId: string; nonce: number } | null;
  /** The strategy tab's content; null hides the tab. */
  strategyPanel: React.ReactNode | null;
  strategyOrderIds?: ReadonlySet<string>;
  readOnly?: boolean;
}) {
  const t = useT();
  const [filter, setFilter] = useState<OrderFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<OrderSort>(DEFAULT_SORT);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [tab, setTab] = useState<SideTab>('stats');
  // A narrow window shows the inspector over the table only when asked (CSS decides).
  const [inspectorOpen, setInspectorOpen] = useState(false);

  const orders = model?.orders ?? null;
  const slots = useOrderQuery(orders, filter, sort, orders?.version ?? 0);
  // The same array until a new symbol appears, so the toolbar's options are not rebuilt per frame.
  const symbols = orders?.symbols ?? NO_SYMBOLS;

  const select = useCallback((orderId: string) => {
    setSelectedId(orderId);
    setTab('detail');
    setInspectorOpen(true);
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
  // The table follows every frame; charts and statistics are sampled (their memos key on these).
  const chartVersion = useSampled(version, CHART_REDRAW_INTERVAL_MS);
  const statsVersion = useSampled(version, STATS_REDRAW_INTERVAL_MS);
  const chartNowMs = useSampled(nowMs, CHART_REDRAW_INTERVAL_MS);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const chartStats = useMemo(() => model?.stats ?? null, [model, chartVersion]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const panelStats = useMemo(() => model?.stats ?? null, [model, statsVersion]);

  const selected = selectedId !== null ? (orders?.get(selectedId) ?? null) : null;
  const peer = selected?.otoPeerOrderId ? (orders?.get(selected.otoPeerOrderId) ?? null) : null;
  const connection = model?.connection ?? null;
  const quoteAsset = Object.keys(model?.stats?.filledQuoteByAsset ?? {})[0] ?? 'USDT';
  const tabs =
    strategyPanel === null
      ? (['stats', 'detail'] as const)
      : (['stats', 'strategy', 'detail'] as const);

  return (
    <>
      <main
        className={`monitor${readOnly ? ' read-only' : ''}`}
        data-testid="monitor"
        data-account-id={accountId}
        data-read-only={readOnly ? 'yes' : 'no'}
        data-loaded={model?.loaded ? 'yes' : 'no'}
      >
        {banner}
        {error && <ErrorBox error={error} />}
        <div className="charts-row">
          <StatusChart stats={chartStats} />
          <FillsChart
            fills={model?.fills ?? NO_FILLS}
            version={chartVersion}
            nowMs={chartNowMs}
            sessionStartMs={connection?.startedAtMs ?? null}
            quoteAsset={quoteAsset}
          />
        </div>
        <section className="panel orders-panel">
          <header className="panel-head">
            <h3>{t.orders}</h3>
            <ExportBar
              sessionId={connection?.sessionId ?? null}
              pointsAccountId={readOnly ? null : accountId}
            />
            <Button
              className="inspector-toggle"
              aria-expanded={inspectorOpen}
              onClick={() => setInspectorOpen((open) => !open)}
              data-testid="inspector-toggle"
            >
              {t.showInspector}
            </Button>
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
              strategyOrderIds={strategyOrderIds}
              nowMs={nowMs}
            />
          )}
        </section>
      </main>
      <aside className={`inspector${inspectorOpen ? ' open' : ''}`} data-testid="inspector">
        <div className="tabs" role="tablist">
          {tabs.map((k) => (
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
          <button
            type="button"
            className="icon-btn inspector-close"
            onClick={() => setInspectorOpen(false)}
            aria-label={t.hideInspector}
            title={t.hideInspector}
            data-testid="inspector-close"
          >
            ×
          </button>
        </div>
        <div className="inspector-body">
          {tab === 'stats' && <StatsPanel stats={panelStats} />}
          {tab === 'strategy' && strategyPanel}
          {tab === 'detail' && (
            <OrderDetail
              order={selected}
              peer={peer}
              onSelect={select}
              placedByStrategy={
                selected !== null &&
                (selected.placedByStrategy || strategyOrderIds.has(selected.last.orderId))
              }
            />
          )}
        </div>
      </aside>
    </>
  );
}
