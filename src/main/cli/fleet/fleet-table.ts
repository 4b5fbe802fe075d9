import Big from 'big.js';
import type { FleetRowView } from '../../../shared/ipc/views-fleet.ts';
import type { FleetMessages } from '../i18n/fleet-messages.ts';
import { displayWidth } from '../i18n/option-table.ts';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Rows in the order the table shows them: by label, as people count (Demo 2 before Demo 10). */
export function sortFleetRows(rows: Iterable<FleetRowView>): FleetRowView[] {
  return [...rows].sort((a, b) => collator.compare(a.label, b.label));
}

function fixed(value: string | null, dp: number): string {
  if (value === null) return '—';
  try {
    return new Big(value).round(dp, Big.roundHalfUp).toFixed(dp);
  } catch {
    return value;
  }
}

function utcTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

function cells(row: FleetRowView, m: FleetMessages): string[] {
  const fill = row.lastFill;
  return [
    row.label,
    m.state(row.state),
    fixed(row.points.countedVolumeUsdt, 2),
    String(row.points.volumePoints),
    fixed(row.points.wearUsdt, 4),
    row.statusUnknown > 0
      ? `${row.openOrders} ${m.statusUnknown(row.statusUnknown)}`
      : String(row.openOrders),
    fill
      ? `${fill.side === 'BUY' ? m.buy() : m.sell()} ${fixed(fill.quoteQty, 2)} ${utcTime(fill.atMs)}`
      : '—',
    row.fillsNotRecovered > 0
      ? `${row.missedByStream}${m.fillsNotRecovered(row.fillsNotRecovered)}`
      : String(row.missedByStream),
    m.health(row.sessionHealth.status),
  ];
}

/** Columns holding numbers are right-aligned. */
const NUMERIC = new Set([2, 3, 4, 5, 7]);

/**
 * The fleet as a terminal table: a header with totals, then one line per account, columns
 * aligned by display width (CJK labels take two columns).
 */
export function formatFleetTable(
  rows: readonly FleetRowView[],
  m: FleetMessages,
  nowMs: number,
): string {
  const sorted = sortFleetRows(rows);
  let counted = new Big(0);
  let points = 0;
  let notRecovered = 0;
  for (const r of sorted) {
    counted = counted.plus(r.points.countedVolumeUsdt);
    points += r.points.volumePoints;
    notRecovered += r.fillsNotRecovered;
  }
  const live = sorted.filter((r) => r.state === 'live').length;
  const table = [m.columns().split('|'), ...sorted.map((r) => cells(r, m))];
  const widths = table[0]!.map((_, col) => Math.max(...table.map((r) => displayWidth(r[col]!))));
  const lines = table.map((row) =>
    row
      .map((cell, col) => {
        const pad = ' '.repeat(widths[col]! - displayWidth(cell));
        if (NUMERIC.has(col)) return pad + cell;
        return col === row.length - 1 ? cell : cell + pad;
      })
      .join('  '),
  );
  const header = m.header(
    sorted.length,
    live,
    counted.toFixed(2),
    points,
    notRecovered,
    utcTime(nowMs),
  );
  return `${header}\n${lines.join('\n')}\n`;
}
