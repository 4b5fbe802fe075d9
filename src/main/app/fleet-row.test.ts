import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import type { OrderStatus, OrderUpdate, UpdateSource } from '../../shared/domain/order-update.ts';
import {
  sampleOrderUpdate,
  sampleOrderView,
  sampleSessionStats,
} from '../../../test/fakes/order-updates.ts';
import { sampleConnectionView } from '../../../test/fakes/connection-views.ts';
import type { OrderView, SessionStatsView } from '../../shared/ipc/views-monitor.ts';
import { OrderBook } from '../core/book/order-book.ts';
import { ENDED_COUNTED_KEPT, FleetRowState } from './fleet-row.ts';

/** 2026-12-01 10:00 UTC. */
const START_MS = Date.UTC(2026, 11, 1, 10);

/** One monitor session: its own engine book, feeding the account's fleet row as the app does. */
class Session {
  private readonly book = new OrderBook();
  /** What the account's own window counts this session (quote), from the book's verdicts. */
  countedQuote = new Big(0);
  constructor(private readonly row: FleetRowState) {}
  feed(update: OrderUpdate, source: UpdateSource = 'stream'): void {
    const verdict = this.book.apply(update, source, update.eventTimeMs);
    if (verdict.counted) this.countedQuote = this.countedQuote.plus(verdict.counted.quote);
    this.row.applyBatch({
      accountId: 'a1',
      updates: [
        {
          update,
          source,
          receivedAtMs: update.eventTimeMs,
          verdict,
          accepted: verdict.outcome !== 'duplicate',
        },
      ],
      orders: [],
      fills: [],
      stats: sampleSessionStats(),
    });
  }
}

/** Order `orderId`'s update `eventId`: placed, or a fill of `l` bringing it to `z`, at price 1. */
function update(
  orderId: string,
  eventId: number,
  status: OrderStatus,
  l = '0',
  z = l,
): OrderUpdate {
  return sampleOrderUpdate({
    orderId,
    eventId,
    executionType: status === 'NEW' ? 'NEW' : 'TRADE',
    status,
    lastFilledQty: l,
    cumulativeFilledQty: z,
    lastFilledPrice: '1',
    lastQuoteQty: l,
    cumulativeQuoteQty: z,
    commission: status === 'NEW' ? null : '0',
    commissionAsset: status === 'NEW' ? null : 'USDT',
    transactionTimeMs: START_MS + eventId,
    eventTimeMs: START_MS + eventId,
  });
}

describe('FleetRowState counting fills', () => {
  it('counts a late fill that closes a hole below the highest quantity counted, as the book does', () => {
    const row = new FleetRowState();
    const session = new Session(row);
    session.feed(update('10', 1, 'NEW'));
    session.feed(update('10', 2, 'PARTIALLY_FILLED', '4', '4'));
    session.feed(update('10', 4, 'PARTIALLY_FILLED', '2', '9'));
    // The fill from 4 to 7 arrives last.
    session.feed(update('10', 3, 'PARTIALLY_FILLED', '3', '7'));
    expect(session.countedQuote.toFixed()).toBe('9');
    // 9 USDT: floor(log2(9)) = 3 points (6 would be 2).
    expect(row.points(START_MS + 10)).toMatchObject({ countedVolumeUsdt: '9', volumePoints: 3 });
  });

  it("counts of a restarted monitor's backfill only what the earlier session did not", () => {
    const row = new FleetRowState();
    const first = new Session(row);
    first.feed(update('10', 2, 'PARTIALLY_FILLED', '4', '4'));
    first.feed(update('10', 4, 'PARTIALLY_FILLED', '2', '9'));
    expect(row.points(START_MS + 10).countedVolumeUsdt).toBe('6');
    // The restarted monitor's book learns the order from its history: 9 filled, in one update.
    const restarted = new Session(row);
    restarted.feed({ ...update('10', 0, 'FILLED', '9', '9'), tradeId: '0' }, 'backfill');
    expect(restarted.countedQuote.toFixed()).toBe('9');
    // The 3 the first session never saw count now; the 6 it counted do not count again.
    expect(row.points(START_MS + 10).countedVolumeUsdt).toBe('9');
    restarted.feed(update('10', 3, 'PARTIALLY_FILLED', '3', '7'));
    expect(row.points(START_MS + 10).countedVolumeUsdt).toBe('9');
  });

  it("no longer keeps as open an order a restarted monitor's backfill finds ended, fill counted before", () => {
    const row = new FleetRowState();
    const orders = ENDED_COUNTED_KEPT + 5;
    const first = new Session(row);
    for (let i = 0; i < orders; i++) first.feed(update(`o${i}`, 1, 'PARTIALLY_FILLED', '10'));
    expect(row.keptOrders()).toEqual({ open: orders, ended: 0 });
    const restarted = new Session(row);
    for (let i = 0; i < orders; i++)
      restarted.feed({ ...update(`o${i}`, 0, 'CANCELED', '10'), tradeId: '0' }, 'backfill');
    // Open orders plus the last 1,000 to end, not every order seen.
    expect(row.keptOrders()).toEqual({ open: 0, ended: ENDED_COUNTED_KEPT });
    expect(row.points(START_MS + 10).countedVolumeUsdt).toBe(String(orders * 10));
  });

  it('counts a late fill of an ended order once, and keeps it with the ended ones', () => {
    const row = new FleetRowState();
    const session = new Session(row);
    session.feed(update('10', 2, 'PARTIALLY_FILLED', '4', '4'));
    session.feed(update('10', 4, 'FILLED', '2', '9'));
    session.feed(update('10', 3, 'PARTIALLY_FILLED', '3', '7'));
    session.feed(update('10', 3, 'PARTIALLY_FILLED', '3', '7'));
    expect(row.keptOrders()).toEqual({ open: 0, ended: 1 });
    expect(row.points(START_MS + 10).countedVolumeUsdt).toBe(session.countedQuote.toFixed());
    expect(session.countedQuote.toFixed()).toBe('9');
  });

  it('keeps a late fill of an order that ended long ago with the ended ones, not the open ones', () => {
    const row = new FleetRowState();
    const session = new Session(row);
    // Order 10 ends with a hole (4, 7]; then ENDED_COUNTED_KEPT other orders end after it.
    session.feed(update('10', 2, 'PARTIALLY_FILLED', '4', '4'));
    session.feed(update('10', 4, 'FILLED', '2', '9'));
    for (let i = 0; i < ENDED_COUNTED_KEPT; i++) {
      session.feed(update(`o${i}`, 1, 'NEW'));
      session.feed(update(`o${i}`, 2, 'FILLED', '1', '1'));
    }
    expect(row.keptOrders()).toEqual({ open: 0, ended: ENDED_COUNTED_KEPT });
    // Its lost fill turns up now (a late frame): counted, and the order is not kept as open.
    session.feed(update('10', 3, 'PARTIALLY_FILLED', '3', '7'));
    expect(row.keptOrders()).toEqual({ open: 0, ended: ENDED_COUNTED_KEPT });
    expect(row.points(START_MS + 10_000).countedVolumeUsdt).toBe(session.countedQuote.toFixed());
  });

  it('counts a fill reconciliation recovered into a hole (its frame lost), and the lost frame arriving later not again', () => {
    const row = new FleetRowState();
    const session = new Session(row);
    session.feed(update('10', 1, 'NEW'));
    session.feed(update('10', 2, 'PARTIALLY_FILLED', '1', '1'));
    session.feed(update('10', 3, 'PARTIALLY_FILLED', '2', '3'));
    // Fill 3 (3 to 6) lost; fill 4 ends the order at 10.
    session.feed(update('10', 5, 'FILLED', '4', '10'));
    expect(row.points(START_MS + 10).countedVolumeUsdt).toBe('7');
    // Reconciliation's backfill of fill 3, from the order's fills.
    session.feed({ ...update('10', 5, 'PARTIALLY_FILLED', '3', '6') }, 'backfill');
    expect(row.points(START_MS + 10)).toMatchObject({ countedVolumeUsdt: '10', volumePoints: 3 });
    session.feed(update('10', 4, 'PARTIALLY_FILLED', '3', '6'));
    expect(row.points(START_MS + 10).countedVolumeUsdt).toBe('10');
    expect(session.countedQuote.toFixed()).toBe('10');
  });
});

/** A batch of order views only (a mark, or a resend), with the statistics after it. */
function viewsBatch(orders: OrderView[], stats: Partial<SessionStatsView>) {
  return { accountId: 'a1', updates: [], orders, fills: [], stats: sampleSessionStats(stats) };
}

function byStatus(counts: Partial<SessionStatsView['ordersByStatus']>) {
  return { ...sampleSessionStats().ordersByStatus, ...counts };
}

describe('FleetRowState open orders', () => {
  it('counts NEW, PARTIALLY_FILLED and unrecognized statuses as open, not a pending OTO leg or an ended order', () => {
    const row = new FleetRowState();
    row.applyBatch(
      viewsBatch([], {
        ordersByStatus: byStatus({
          NEW: 2,
          PARTIALLY_FILLED: 1,
          UNRECOGNIZED: 1,
          PENDING: 3,
          FILLED: 5,
          CANCELED: 1,
          EXPIRED_IN_MATCH: 1,
        }),
      }),
    );
    expect(row.openOrders).toBe(4);
  });

  it('does not count as open an order shown as "status unknown", and counts it again once an update moves it', () => {
    const row = new FleetRowState();
    const open = byStatus({ NEW: 1, PARTIALLY_FILLED: 1 });
    row.applyBatch(viewsBatch([], { ordersByStatus: open }));
    expect(row.openOrders).toBe(2);
    const mark = { code: 'NOT_OPEN_ON_EXCHANGE' as const, sinceMs: START_MS };
    // Reconciliation marks order 7 (last known NEW): its view is sent again, marked.
    row.applyBatch(
      viewsBatch([sampleOrderView({ orderId: '7' }, { statusUnknown: mark })], {
        ordersByStatus: open,
        statusUnknown: 1,
      }),
    );
    expect({ open: row.openOrders, unknown: row.statusUnknown }).toEqual({ open: 1, unknown: 1 });
    // A later frame of it (a fill) clears the mark: open again.
    row.applyBatch(
      viewsBatch([sampleOrderView({ orderId: '7', status: 'PARTIALLY_FILLED', eventId: 2 })], {
        ordersByStatus: byStatus({ PARTIALLY_FILLED: 2 }),
        statusUnknown: 0,
      }),
    );
    expect({ open: row.openOrders, unknown: row.statusUnknown }).toEqual({ open: 2, unknown: 0 });
  });

  it("a restarted monitor's open orders are not reduced by the earlier session's marks", () => {
    const row = new FleetRowState();
    const mark = { code: 'NOT_OPEN_ON_EXCHANGE' as const, sinceMs: START_MS };
    row.applyConnection(sampleConnectionView({ sessionId: 's1' }), START_MS);
    row.applyBatch(
      viewsBatch([sampleOrderView({ orderId: '7' }, { statusUnknown: mark })], {
        ordersByStatus: byStatus({ NEW: 1 }),
        statusUnknown: 1,
      }),
    );
    expect(row.openOrders).toBe(0);
    // The next session's book never hears of order 7 again; it has another order open.
    row.applyConnection(sampleConnectionView({ sessionId: 's2' }), START_MS + 1);
    row.applyBatch(
      viewsBatch([sampleOrderView({ orderId: '9' }, { statusUnknown: mark })], {
        ordersByStatus: byStatus({ NEW: 2 }),
        statusUnknown: 1,
      }),
    );
    expect({ open: row.openOrders, unknown: row.statusUnknown }).toEqual({ open: 1, unknown: 1 });
  });

  it('a marked pending OTO leg is not taken off the open orders it was never in', () => {
    const row = new FleetRowState();
    const mark = { code: 'NOT_OPEN_ON_EXCHANGE' as const, sinceMs: START_MS };
    row.applyBatch(
      viewsBatch([sampleOrderView({ orderId: '8', status: 'PENDING' }, { statusUnknown: mark })], {
        ordersByStatus: byStatus({ NEW: 1, PENDING: 1 }),
        statusUnknown: 1,
      }),
    );
    expect({ open: row.openOrders, unknown: row.statusUnknown }).toEqual({ open: 1, unknown: 1 });
  });
});
