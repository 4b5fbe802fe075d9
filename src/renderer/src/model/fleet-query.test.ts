import { describe, expect, it } from 'vitest';
import type { FleetRowView } from '../../../shared/ipc/views-fleet.ts';
import { applyFleetUpdate, fleetTotals, queryFleet } from './fleet-query.ts';

function row(n: number, overrides: Partial<FleetRowView> = {}): FleetRowView {
  return {
    accountId: `demo-${n}`,
    label: `Demo ${n}`,
    environment: 'demo',
    state: 'live',
    problemCode: null,
    running: true,
    points: {
      countedVolumeUsdt: String(n * 100),
      volumePoints: n,
      wearUsdt: null,
      wearBps: null,
      source: 'stream',
    },
    openOrders: n % 3,
    statusUnknown: 0,
    lastFill: null,
    missedByStream: 0,
    fillsNotRecovered: 0,
    sessionHealth: { status: 'ok', reasons: [], checkedAtMs: 1 },
    updates: 0,
    ...overrides,
  };
}

const rows = Array.from({ length: 12 }, (_, i) => row(i + 1));

describe('queryFleet', () => {
  it('sorts labels the way people count (Demo 2 before Demo 10)', () => {
    const labels = queryFleet(rows, { text: '', states: [] }, { key: 'label', direction: 'asc' });
    expect(labels.slice(0, 3).map((r) => r.label)).toEqual(['Demo 1', 'Demo 2', 'Demo 3']);
    expect(labels.at(-1)!.label).toBe('Demo 12');
  });

  it('sorts counted volume as decimals, not as text', () => {
    const list = [
      row(1, { points: { ...row(1).points, countedVolumeUsdt: '9.5' } }),
      row(2, { points: { ...row(2).points, countedVolumeUsdt: '10.25' } }),
    ];
    const desc = queryFleet(list, { text: '', states: [] }, { key: 'volume', direction: 'desc' });
    expect(desc.map((r) => r.points.countedVolumeUsdt)).toEqual(['10.25', '9.5']);
  });

  it('puts the accounts that need you first when sorted by state', () => {
    const list = [
      row(1),
      row(2, { state: 'session-expired' }),
      row(3, { state: 'stopped' }),
      row(4, { state: 'verification-needed' }),
    ];
    const sorted = queryFleet(list, { text: '', states: [] }, { key: 'state', direction: 'asc' });
    expect(sorted.map((r) => r.state)).toEqual([
      'session-expired',
      'verification-needed',
      'stopped',
      'live',
    ]);
  });

  it('filters by text and by state', () => {
    const list = [...rows, row(13, { state: 'stopped' })];
    expect(
      queryFleet(list, { text: 'demo 1', states: [] }, { key: 'label', direction: 'asc' }).map(
        (r) => r.label,
      ),
    ).toEqual(['Demo 1', 'Demo 10', 'Demo 11', 'Demo 12', 'Demo 13']);
    expect(
      queryFleet(list, { text: '', states: ['stopped'] }, { key: 'label', direction: 'asc' }).map(
        (r) => r.label,
      ),
    ).toEqual(['Demo 13']);
  });
});

describe('fleet totals and updates', () => {
  it('adds up volume exactly and counts states', () => {
    const totals = fleetTotals([
      row(1, { points: { ...row(1).points, countedVolumeUsdt: '0.1' } }),
      row(2, { state: 'stopped', points: { ...row(2).points, countedVolumeUsdt: '0.2' } }),
    ]);
    expect(totals.countedVolumeUsdt).toBe('0.3');
    expect(totals.byState.live).toBe(1);
    expect(totals.byState.stopped).toBe(1);
    expect(totals.volumePoints).toBe(3);
  });

  it('counts the orders with fills not recovered over every account', () => {
    const totals = fleetTotals([
      row(1, { fillsNotRecovered: 2 }),
      row(2),
      row(3, { state: 'stopped', fillsNotRecovered: 1 }),
    ]);
    expect(totals.fillsNotRecovered).toBe(3);
    expect(fleetTotals([row(1), row(2)]).fillsNotRecovered).toBe(0);
  });

  it('replaces changed rows and drops removed ones', () => {
    const map = new Map(rows.slice(0, 3).map((r) => [r.accountId, r]));
    const next = applyFleetUpdate(map, {
      rows: [row(2, { state: 'stopped' })],
      removedAccountIds: ['demo-3'],
    });
    expect([...next.keys()]).toEqual(['demo-1', 'demo-2']);
    expect(next.get('demo-2')!.state).toBe('stopped');
    expect(map.size).toBe(3);
  });
});
