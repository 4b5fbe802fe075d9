import Big from 'big.js';
import { assertNever } from '../../../shared/assert-never.ts';
import type { FleetRowView, FleetState } from '../../../shared/ipc/views-fleet.ts';

export { applyFleetUpdate } from '../../../shared/ipc/views-fleet.ts';

/** Columns the fleet table sorts by. */
export const FLEET_SORT_KEYS = [
  'label',
  'state',
  'volume',
  'points',
  'wear',
  'openOrders',
  'lastFill',
  'missed',
  'health',
] as const;
export type FleetSortKey = (typeof FLEET_SORT_KEYS)[number];

export interface FleetSort {
  key: FleetSortKey;
  direction: 'asc' | 'desc';
}

/** Which rows to show: a text in the label or id, and the states (empty = every state). */
export interface FleetFilter {
  text: string;
  states: readonly FleetState[];
}

export const EMPTY_FLEET_FILTER: FleetFilter = { text: '', states: [] };
export const DEFAULT_FLEET_SORT: FleetSort = { key: 'label', direction: 'asc' };

/** Most urgent first when sorted ascending: what needs the farmer comes to the top. */
const STATE_RANK: Record<FleetState, number> = {
  'session-expired': 0,
  'verification-needed': 1,
  failed: 2,
  reconnecting: 3,
  connecting: 4,
  stopped: 5,
  live: 6,
};
const HEALTH_RANK: Record<FleetRowView['sessionHealth']['status'], number> = {
  expired: 0,
  'verification-required': 1,
  'at-risk': 2,
  unreachable: 3,
  unchecked: 4,
  ok: 5,
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function compareDecimal(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  try {
    return new Big(a).cmp(new Big(b));
  } catch {
    return 0;
  }
}

function compareBy(key: FleetSortKey, a: FleetRowView, b: FleetRowView): number {
  switch (key) {
    case 'label':
      return collator.compare(a.label, b.label);
    case 'state':
      return STATE_RANK[a.state] - STATE_RANK[b.state];
    case 'volume':
      return compareDecimal(a.points.countedVolumeUsdt, b.points.countedVolumeUsdt);
    case 'points':
      return a.points.volumePoints - b.points.volumePoints;
    case 'wear':
      return compareDecimal(a.points.wearUsdt, b.points.wearUsdt);
    case 'openOrders':
      return a.openOrders - b.openOrders;
    case 'lastFill':
      return (a.lastFill?.atMs ?? -1) - (b.lastFill?.atMs ?? -1);
    case 'missed':
      return a.missedByStream - b.missedByStream;
    case 'health':
      return HEALTH_RANK[a.sessionHealth.status] - HEALTH_RANK[b.sessionHealth.status];
    default:
      return assertNever(key, 'fleet sort key');
  }
}

/** The rows to show, filtered and sorted (ties by label, so the order is stable). */
export function queryFleet(
  rows: readonly FleetRowView[],
  filter: FleetFilter,
  sort: FleetSort,
): FleetRowView[] {
  const needle = filter.text.trim().toLowerCase();
  const states = new Set(filter.states);
  const shown = rows.filter(
    (r) =>
      (states.size === 0 || states.has(r.state)) &&
      (needle === '' ||
        r.label.toLowerCase().includes(needle) ||
        r.accountId.toLowerCase().includes(needle)),
  );
  const sign = sort.direction === 'asc' ? 1 : -1;
  return shown.sort(
    (a, b) => sign * compareBy(sort.key, a, b) || collator.compare(a.label, b.label),
  );
}

/**
 * Totals over the rows: how many in each state, today's counted volume and points, open orders,
 * and orders with fills not recovered (whose accounts' volume, fees and wear may be short).
 */
export function fleetTotals(rows: readonly FleetRowView[]): {
  byState: Record<FleetState, number>;
  countedVolumeUsdt: string;
  volumePoints: number;
  openOrders: number;
  fillsNotRecovered: number;
} {
  const byState = Object.fromEntries(Object.keys(STATE_RANK).map((s) => [s, 0])) as Record<
    FleetState,
    number
  >;
  let volume = new Big(0);
  let points = 0;
  let open = 0;
  let notRecovered = 0;
  for (const r of rows) {
    byState[r.state]++;
    try {
      volume = volume.plus(r.points.countedVolumeUsdt);
    } catch {
      // Not a decimal: never sent by main; skipped so one bad row cannot blank the totals.
    }
    points += r.points.volumePoints;
    open += r.openOrders;
    notRecovered += r.fillsNotRecovered;
  }
  return {
    byState,
    countedVolumeUsdt: volume.toFixed(),
    volumePoints: points,
    openOrders: open,
    fillsNotRecovered: notRecovered,
  };
}
