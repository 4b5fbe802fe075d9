import { describe, expect, it } from 'vitest';
import type { FleetRowView } from '../../../shared/ipc/views-fleet.ts';
import { fleetMessages } from '../i18n/fleet-messages.ts';
import { formatFleetTable } from './fleet-table.ts';

const NOW_MS = Date.UTC(2026, 11, 2, 10);

function row(overrides: Partial<FleetRowView>): FleetRowView {
  return {
    accountId: 'a1',
    label: 'Main',
    environment: 'demo',
    state: 'live',
    problemCode: null,
    running: true,
    points: {
      countedVolumeUsdt: '0',
      volumePoints: 0,
      wearUsdt: null,
      wearBps: null,
      source: 'stream',
    },
    openOrders: 2,
    statusUnknown: 0,
    lastFill: null,
    missedByStream: 0,
    sessionHealth: { status: 'ok', reasons: [], checkedAtMs: NOW_MS },
    updates: 0,
    ...overrides,
  };
}

/** The account's line of the table, cells split on the column gaps. */
function cellsOf(table: string): string[] {
  return table.trimEnd().split('\n').at(-1)!.split(/ {2,}/);
}

describe('formatFleetTable', () => {
  it('shows orders in status unknown beside the open orders, apart from them (en + zh-CN)', () => {
    const rows = [row({ openOrders: 2, statusUnknown: 1 })];
    expect(cellsOf(formatFleetTable(rows, fleetMessages('en'), NOW_MS))).toContain(
      '2 +1 status unknown',
    );
    expect(cellsOf(formatFleetTable(rows, fleetMessages('zh-CN'), NOW_MS))).toContain(
      '2 +1 状态未知',
    );
  });

  it('shows only the open orders when none is in status unknown', () => {
    const cells = cellsOf(formatFleetTable([row({})], fleetMessages('en'), NOW_MS));
    expect(cells[5]).toBe('2');
  });
});
