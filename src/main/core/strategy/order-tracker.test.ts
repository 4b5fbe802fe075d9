import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import type { OrderUpdate } from '../../../shared/domain/order-update.ts';
import { BookedUpdates } from '../../../../test/fakes/booked-updates.ts';
import { sampleOrderUpdate } from '../../../../test/fakes/order-updates.ts';
import { createAcceleratedClock } from '../ports/clock.ts';
import { OrderTracker, TERMINAL, totalsOf } from './order-tracker.ts';

/** Order 1: a KOGE BUY of 1 at 10 USDT. */
const update = (fields: Partial<OrderUpdate> = {}) =>
  sampleOrderUpdate({
    symbol: 'ALPHA_22USDT',
    baseAsset: 'ALPHA_22',
    orderId: '1',
    quantity: '1',
    price: '10',
    ...fields,
  });

const fill = (fields: Partial<OrderUpdate> = {}) =>
  update({
    executionType: 'TRADE',
    status: 'FILLED',
    lastFilledQty: '1',
    cumulativeFilledQty: '1',
    lastFilledPrice: '10',
    cumulativeQuoteQty: '10',
    commission: '0.0001',
    commissionAsset: 'ALPHA_22',
    ...fields,
  });

describe('OrderTracker', () => {
  const clock = createAcceleratedClock({ speed: 1000 });

  it('sees a fill that came before the wait was registered', async () => {
    const updates = new BookedUpdates();
    const tracker = new OrderTracker(updates.event, clock);
    updates.push(update({ eventId: 1 }));
    updates.push(fill({ eventId: 2 }));
    const outcome = await tracker.waitForStatus('1', TERMINAL, 60_000);
    expect(outcome.kind).toBe('reached');
    expect(totalsOf(tracker.get('1')).feeQuote.eq(new Big('0.001'))).toBe(true);
    tracker.dispose();
  });

  it('ignores repeated and late frames, and takes a REST backfill that carries the last event id', async () => {
    const updates = new BookedUpdates();
    const tracker = new OrderTracker(updates.event, clock);
    updates.push(update({ eventId: 5 }));
    updates.push(update({ eventId: 5 }));
    updates.push(update({ eventId: 3, status: 'CANCELED', executionType: 'CANCELED' }));
    expect(tracker.get('1')!.latest.status).toBe('NEW');
    // Backfill after a reconnect: same event id as the last stream frame, but filled.
    updates.push(fill({ eventId: 5 }), 'backfill');
    const outcome = await tracker.waitForStatus('1', TERMINAL, 60_000);
    expect(outcome.kind).toBe('reached');
    expect(tracker.get('1')!.fills).toHaveLength(1);
    tracker.dispose();
  });

  it('counts a fill recovered into a hole below a later fill once (its fee too), and a late repeat not', async () => {
    const updates = new BookedUpdates();
    const tracker = new OrderTracker(updates.event, clock);
    const counted: string[] = [];
    tracker.onDidCountFill(({ fill }) => counted.push(fill.counted.base));
    // A BUY of 4 in four fills of 1 at 10, each paying its fee in the token.
    const nth = (n: number, fields: Partial<OrderUpdate> = {}) =>
      fill({
        eventId: 1 + n,
        quantity: '4',
        status: n === 4 ? 'FILLED' : 'PARTIALLY_FILLED',
        cumulativeFilledQty: String(n),
        cumulativeQuoteQty: String(10 * n),
        lastQuoteQty: '10',
        commission: `0.000${n}`,
        ...fields,
      });
    updates.push(update({ eventId: 1, quantity: '4' }));
    updates.push(nth(1));
    updates.push(nth(2));
    // Fill 3's frame is lost; fill 4 arrives live and ends the order.
    updates.push(nth(4));
    const outcome = await tracker.waitForStatus('1', TERMINAL, 60_000);
    expect(outcome.kind).toBe('reached');
    expect(totalsOf(tracker.get('1')).feeQuote.toFixed()).toBe('0.007');
    // Reconciliation reads the order's fills and backfills fill 3 into the hole (it carries the
    // order's last event id): the book counts it, late.
    const recovered = nth(3, { eventId: 5 });
    expect(updates.push(recovered, 'backfill').counted).not.toBeNull();
    // Fill 4's frame again, and the same backfill again: counted already.
    expect(updates.push(nth(4)).outcome).toBe('duplicate');
    expect(updates.push(recovered, 'backfill').outcome).toBe('duplicate');
    const order = tracker.get('1')!;
    expect(order.latest.status).toBe('FILLED');
    expect(order.fills.map((f) => f.update.cumulativeFilledQty)).toEqual(['1', '2', '4', '3']);
    expect(counted).toEqual(['1', '1', '1', '1']);
    const totals = totalsOf(order);
    expect(totals.quantity.toFixed()).toBe('4');
    expect(totals.quote.toFixed()).toBe('40');
    // (0.0001 + 0.0002 + 0.0003 + 0.0004) ALPHA_22 at 10 USDT each.
    expect(totals.feeQuote.toFixed()).toBe('0.01');
    tracker.dispose();
  });

  it('times out on clock time, and an abort ends the wait at once', async () => {
    const updates = new BookedUpdates();
    const tracker = new OrderTracker(updates.event, clock);
    expect((await tracker.waitForStatus('7', TERMINAL, 50)).kind).toBe('timeout');
    const abort = new AbortController();
    const waiting = tracker.waitForStatus('7', TERMINAL, 3_600_000, abort.signal);
    abort.abort();
    expect((await waiting).kind).toBe('aborted');
    tracker.dispose();
  });
});
