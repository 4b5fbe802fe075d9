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
    fillsNotRecovered: 0,
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

  it('shows orders with fills not recovered beside the missed updates, and their total (en + zh-CN)', () => {
    const rows = [
      row({ missedByStream: 3, fillsNotRecovered: 2 }),
      row({ accountId: 'a2', label: 'Alt', fillsNotRecovered: 1 }), // sorted first: Main is the last line
    ];
    const en = formatFleetTable(rows, fleetMessages('en'), NOW_MS);
    expect(cellsOf(en)[7]).toBe('3 (2 not recovered)');
    expect(en.split('\n')[0]).toBe(
      '2 accounts, 2 live · counted today 0.00 USDT · 0 volume points · 3 orders with fills not recovered · 10:00:00 UTC',
    );
    const zh = formatFleetTable(rows, fleetMessages('zh-CN'), NOW_MS);
    expect(cellsOf(zh)[7]).toBe('3（2 个未找回）');
    expect(zh.split('\n')[0]).toContain(' · 成交未找回的订单 3 个 · ');
  });

  it('says nothing of fills not recovered when there are none', () => {
    const table = formatFleetTable([row({ missedByStream: 3 })], fleetMessages('en'), NOW_MS);
    expect(cellsOf(table)[7]).toBe('3');
    expect(table).not.toContain('recovered');
  });
});
