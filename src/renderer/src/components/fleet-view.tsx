import { memo, useMemo, useState } from 'react';
import { assertNever } from '../../../shared/assert-never.ts';
import {
  FLEET_STATES,
  type FleetRowView,
  type FleetState,
} from '../../../shared/ipc/views-fleet.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import { useApi } from '../shell/api-context.tsx';
import { useFleet } from '../hooks/use-fleet.ts';
import { formatDecimal, roundDecimal } from '../format/decimal.ts';
import { formatClock } from '../format/time.ts';
import { useT } from '../i18n/i18n.tsx';
import {
  DEFAULT_FLEET_SORT,
  EMPTY_FLEET_FILTER,
  fleetTotals,
  queryFleet,
  type FleetFilter,
  type FleetSort,
  type FleetSortKey,
} from '../model/fleet-query.ts';
import { Button, ErrorBox, Spinner } from './ui.tsx';
import '../styles/fleet.css';

type Action = 'start' | 'stop';

/**
 * Every account on one screen: state, today's counted volume, points and wear, open orders,
 * last fill, updates missed by the stream (and orders with fills not recovered), session health. Sort by any column, filter by
 * name and state, start or stop all shown accounts or a selection, open an account.
 */
export function FleetView({
  onOpenAccount,
  onBack,
}: {
  onOpenAccount: (accountId: string) => void;
  onBack: () => void;
}) {
  const t = useT();
  const api = useApi();
  const fleet = useFleet(api);
  const [filter, setFilter] = useState<FleetFilter>(EMPTY_FLEET_FILTER);
  const [sort, setSort] = useState<FleetSort>(DEFAULT_FLEET_SORT);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  /** The request's error, or the first account's when `failed` accounts could not be changed. */
  const [actionError, setActionError] = useState<{ error: IpcError; failed: number } | null>(null);

  const all = useMemo(() => [...(fleet.rows?.values() ?? [])], [fleet.rows]);
  const shown = useMemo(() => queryFleet(all, filter, sort), [all, filter, sort]);
  const totals = useMemo(() => fleetTotals(all), [all]);
  // A selection only holds accounts that still exist.
  const selectedIds = all.filter((r) => selected.has(r.accountId)).map((r) => r.accountId);
  const allShownSelected = shown.length > 0 && shown.every((r) => selected.has(r.accountId));

  const run = async (key: string, action: Action, accountIds: string[]) => {
    if (accountIds.length === 0) return;
    setBusy(key);
    setActionError(null);
    const result =
      action === 'start'
        ? await api.startMonitors({ accountIds })
        : await api.stopMonitors({ accountIds });
    setBusy(null);
    if (!result.ok) setActionError({ error: result.error, failed: 0 });
    else if (result.value.failed.length > 0)
      setActionError({ error: result.value.failed[0]!, failed: result.value.failed.length });
  };
  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAllShown = () =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const r of shown) {
        if (allShownSelected) next.delete(r.accountId);
        else next.add(r.accountId);
      }
      return next;
    });
  const toggleState = (state: FleetState) =>
    setFilter((f) => ({
      ...f,
      states: f.states.includes(state) ? f.states.filter((s) => s !== state) : [...f.states, state],
    }));
  const sortBy = (key: FleetSortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' }
        : {
            key,
            direction: key === 'label' || key === 'state' || key === 'health' ? 'asc' : 'desc',
          },
    );
  const shownIds = shown.map((r) => r.accountId);

  return (
    <main className="fleet-screen" data-testid="fleet-view">
      <header className="fleet-head">
        <div>
          <h2>{t.fleet.title}</h2>
          <p className="muted" data-testid="fleet-totals">
            {t.fleet.totals(all.length, totals.byState.live, totals.openOrders)}
            {' · '}
            {t.fleet.countedTotal(formatDecimal(roundDecimal(totals.countedVolumeUsdt, 2)))}
            {' · '}
            {t.fleet.pointsTotal(totals.volumePoints)}
            {totals.fillsNotRecovered > 0 && (
              <>
                {' · '}
                <span
                  className="warn"
                  title={t.fillsNotRecoveredTip}
                  data-testid="fleet-totals-fills-not-recovered"
                >
                  {t.fleet.fillsNotRecoveredTotal(totals.fillsNotRecovered)}
                </span>
              </>
            )}
          </p>
        </div>
        <Button onClick={onBack} data-testid="fleet-back">
          ← {t.fleet.back}
        </Button>
      </header>

      <div className="fleet-toolbar" role="toolbar" aria-label={t.fleet.title}>
        <input
          type="search"
          className="fleet-search"
          placeholder={t.fleet.searchPlaceholder}
          aria-label={t.fleet.searchPlaceholder}
          value={filter.text}
          onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
          data-testid="fleet-search"
        />
        <div className="fleet-states" data-testid="fleet-state-filter">
          {FLEET_STATES.map((state) => (
            <button
              key={state}
              type="button"
              className={`chip tone-${toneOf(state)}${filter.states.includes(state) ? ' on' : ''}`}
              aria-pressed={filter.states.includes(state)}
              onClick={() => toggleState(state)}
              data-testid={`fleet-filter-${state}`}
            >
              {t.fleet.stateName[state]} <span className="chip-count">{totals.byState[state]}</span>
            </button>
          ))}
        </div>
        <div className="fleet-actions">
          <span className="muted small" data-testid="fleet-selected-count">
            {t.fleet.selected(selectedIds.length)}
          </span>
          {(
            [
              ['start-selected', 'start', selectedIds, `▶ ${t.fleet.startSelected}`, undefined],
              ['stop-selected', 'stop', selectedIds, `■ ${t.fleet.stopSelected}`, undefined],
              [
                'start-all',
                'start',
                shownIds,
                t.fleet.startAll(shownIds.length),
                t.fleet.allShownHint,
              ],
              [
                'stop-all',
                'stop',
                shownIds,
                t.fleet.stopAll(shownIds.length),
                t.fleet.allShownHint,
              ],
            ] as const
          ).map(([key, action, ids, label, title]) => (
            <Button
              key={key}
              busy={busy === key}
              disabled={ids.length === 0 || busy !== null}
              onClick={() => void run(key, action, ids)}
              title={title}
              data-testid={`fleet-${key}`}
            >
              {label}
            </Button>
          ))}
        </div>
      </div>

      {actionError && (
        <ErrorBox
          error={actionError.error}
          text={
            actionError.failed > 0
              ? t.fleet.actionFailed(actionError.failed, t.errorText(actionError.error))
              : undefined
          }
          onDismiss={() => setActionError(null)}
        />
      )}
      {fleet.error && <ErrorBox error={fleet.error} />}
      {fleet.rows === null && !fleet.error && <Spinner label={t.loading} />}
      {fleet.rows !== null && (
        <div className="fleet-table-wrap">
          <table className="fleet-table" data-testid="fleet-table">
            <thead>
              <tr>
                <th className="check">
                  <input
                    type="checkbox"
                    checked={allShownSelected}
                    onChange={toggleAllShown}
                    aria-label={t.fleet.selectAllShown}
                    data-testid="fleet-select-all"
                  />
                </th>
                <SortHeader k="label" sort={sort} onSort={sortBy} label={t.fleet.col.account} />
                <SortHeader k="state" sort={sort} onSort={sortBy} label={t.fleet.col.state} />
                <SortHeader
                  k="volume"
                  sort={sort}
                  onSort={sortBy}
                  label={t.fleet.col.volume}
                  num
                  title={t.fleet.volumeHint}
                />
                <SortHeader k="points" sort={sort} onSort={sortBy} label={t.fleet.col.points} num />
                <SortHeader
                  k="wear"
                  sort={sort}
                  onSort={sortBy}
                  label={t.fleet.col.wear}
                  num
                  title={t.fleet.wearHint}
                />
                <SortHeader
                  k="openOrders"
                  sort={sort}
                  onSort={sortBy}
                  label={t.fleet.col.open}
                  num
                />
                <SortHeader k="lastFill" sort={sort} onSort={sortBy} label={t.fleet.col.lastFill} />
                <SortHeader
                  k="missed"
                  sort={sort}
                  onSort={sortBy}
                  label={t.fleet.col.missed}
                  num
                  title={t.fleet.missedHint}
                />
                <SortHeader k="health" sort={sort} onSort={sortBy} label={t.fleet.col.health} />
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <FleetRow
                  key={row.accountId}
                  row={row}
                  selected={selected.has(row.accountId)}
                  onToggle={toggle}
                  onOpen={onOpenAccount}
                />
              ))}
            </tbody>
          </table>
          {shown.length === 0 && (
            <p className="muted fleet-empty" data-testid="fleet-empty">
              {all.length === 0 ? t.fleet.noAccounts : t.fleet.noMatch}
            </p>
          )}
        </div>
      )}
    </main>
  );
}

function SortHeader({
  k,
  sort,
  onSort,
  label,
  num = false,
  title,
}: {
  k: FleetSortKey;
  sort: FleetSort;
  onSort: (key: FleetSortKey) => void;
  label: string;
  num?: boolean;
  title?: string;
}) {
  const active = sort.key === k;
  return (
    <th
      className={num ? 'num' : undefined}
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      title={title}
    >
      <button
        type="button"
        className="sort-btn"
        onClick={() => onSort(k)}
        data-testid={`fleet-sort-${k}`}
      >
        {label}
        <span className="sort-mark" aria-hidden>
          {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

/** One account's row; memoized so a fleet event redraws only the rows it changed. */
const FleetRow = memo(function FleetRow({
  row,
  selected,
  onToggle,
  onOpen,
}: {
  row: FleetRowView;
  selected: boolean;
  onToggle: (accountId: string) => void;
  onOpen: (accountId: string) => void;
}) {
  const t = useT();
  const p = row.points;
  return (
    <tr
      className={selected ? 'selected' : undefined}
      onClick={() => onOpen(row.accountId)}
      data-testid="fleet-row"
      data-account-id={row.accountId}
      data-state={row.state}
    >
      <td className="check" onClick={(e) => e.stopPropagation()}>
        <input
          type="checkbox"
          checked={selected}
          onChange={() => onToggle(row.accountId)}
          aria-label={t.fleet.selectAccount(row.label)}
          data-testid="fleet-row-select"
        />
      </td>
      <td className="strong fleet-label">
        <button
          type="button"
          className="link-btn"
          onClick={(e) => {
            e.stopPropagation();
            onOpen(row.accountId);
          }}
          data-testid="fleet-open"
        >
          {row.label}
        </button>
        {row.environment === 'demo' && <span className="tag">{t.demoBadge}</span>}
      </td>
      <td>
        <span
          className={`state-pill tone-${toneOf(row.state)}`}
          data-testid="fleet-state"
          title={row.problemCode ? t.fleet.problem(row.problemCode) : undefined}
        >
          <span className="state-dot" />
          {t.fleet.stateName[row.state]}
        </span>
      </td>
      <td
        className="num mono"
        data-testid="fleet-volume"
        data-source={p.source}
        title={t.fleet.source[p.source]}
      >
        {formatDecimal(roundDecimal(p.countedVolumeUsdt, 2))}
      </td>
      <td className="num mono" data-testid="fleet-points">
        {p.volumePoints}
      </td>
      <td className="num mono" data-testid="fleet-wear">
        {p.wearUsdt === null ? (
          t.none
        ) : (
          <>
            {formatDecimal(roundDecimal(p.wearUsdt, 4))}
            {p.wearBps !== null && <span className="muted small"> {t.fleet.bps(p.wearBps)}</span>}
          </>
        )}
      </td>
      <td className="num mono" data-testid="fleet-open-orders">
        {row.openOrders}
        {row.statusUnknown > 0 && (
          <span
            className="warn small"
            title={t.statusUnknownTip}
            data-testid="fleet-status-unknown"
          >
            {` +${row.statusUnknown} ${t.statusUnknownChip}`}
          </span>
        )}
      </td>
      <td className="mono fleet-last-fill" data-testid="fleet-last-fill">
        {row.lastFill ? (
          <>
            <span className={`side side-${row.lastFill.side.toLowerCase()}`}>
              {t.fleet.side[row.lastFill.side]}
            </span>{' '}
            {formatDecimal(roundDecimal(row.lastFill.quoteQty, 2))}{' '}
            <span className="muted">{formatClock(row.lastFill.atMs)}</span>
          </>
        ) : (
          t.none
        )}
      </td>
      <td className={`num mono${row.missedByStream > 0 ? ' warn' : ''}`} data-testid="fleet-missed">
        {row.missedByStream}
        {row.fillsNotRecovered > 0 && (
          <span
            className="warn small"
            title={t.fleet.fillsNotRecoveredTip(row.fillsNotRecovered)}
            data-testid="fleet-fills-not-recovered"
          >
            {` ${t.fleet.fillsNotRecovered(row.fillsNotRecovered)}`}
          </span>
        )}
      </td>
      <td>
        <span
          className={`tag health-${row.sessionHealth.status}`}
          title={row.sessionHealth.reasons.map((r) => t.fleet.problem(r)).join('\n') || undefined}
          data-testid="fleet-health"
        >
          {t.fleet.healthName[row.sessionHealth.status]}
        </span>
      </td>
    </tr>
  );
});

function toneOf(state: FleetState): 'live' | 'connecting' | 'reconnecting' | 'failed' | 'stopped' {
  switch (state) {
    case 'live':
    case 'connecting':
    case 'reconnecting':
    case 'stopped':
      return state;
    case 'session-expired':
    case 'verification-needed':
    case 'failed':
      return 'failed';
    default:
      return assertNever(state, 'fleet state');
  }
}
