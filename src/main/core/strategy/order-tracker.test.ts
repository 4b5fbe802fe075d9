import Big from 'big.js';
import { describe, expect, it } from 'vitest';
import type { OrderUpdate } from '../../../shared/domain/order-update.ts';
import { Emitter } from '../../../shared/event/emitter.ts';
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
    const updates = new Emitter<OrderUpdate>({ name: 'test.updates' });
    const tracker = new OrderTracker(updates.event, clock);
    updates.fire(update({ eventId: 1 }));
    updates.fire(fill({ eventId: 2 }));
    const outcome = await tracker.waitForStatus('1', TERMINAL, 60_000);
    expect(outcome.kind).toBe('reached');
    expect(totalsOf(tracker.get('1')).feeQuote.eq(new Big('0.001'))).toBe(true);
    tracker.dispose();
  });

  it('ignores repeated and late frames, and takes a REST backfill that carries the last event id', async () => {
    const updates = new Emitter<OrderUpdate>({ name: 'test.updates' });
    const tracker = new OrderTracker(updates.event, clock);
    updates.fire(update({ eventId: 5 }));
    updates.fire(update({ eventId: 5 }));
    updates.fire(update({ eventId: 3, status: 'CANCELED', executionType: 'CANCELED' }));
    expect(tracker.get('1')!.latest.status).toBe('NEW');
    // Backfill after a reconnect: same event id as the last stream frame, but filled.
    updates.fire(fill({ eventId: 5 }));
    const outcome = await tracker.waitForStatus('1', TERMINAL, 60_000);
    expect(outcome.kind).toBe('reached');
    expect(tracker.get('1')!.fills).toHaveLength(1);
    tracker.dispose();
  });

  it('times out on clock time, and an abort ends the wait at once', async () => {
    const updates = new Emitter<OrderUpdate>({ name: 'test.updates' });
    const tracker = new OrderTracker(updates.event, clock);
    expect((await tracker.waitForStatus('7', TERMINAL, 50)).kind).toBe('timeout');
    const abort = new AbortController();
    const waiting = tracker.waitForStatus('7', TERMINAL, 3_600_000, abort.signal);
    abort.abort();
    expect((await waiting).kind).toBe('aborted');
    tracker.dispose();
  });
});
