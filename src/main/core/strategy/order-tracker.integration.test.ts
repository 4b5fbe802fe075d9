import Big from 'big.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fillWithFrameLostBelowLater,
  placeRestingOto,
  startMonitorHarness,
  type MonitorHarness,
} from '../../../../test/fakes/monitor-harness.ts';
import { OrderTracker, TERMINAL, totalsOf } from './order-tracker.ts';
import { orderUpdatesOf } from './order-updates-of.ts';

// Real engine against the real simulator on 127.0.0.1. No timing thresholds: every wait polls
// for a condition with a generous timeout, so a machine with both cores busy only runs slower.
const PATIENCE_MS = 90_000;
const SYMBOL = 'ALPHA_373USDT';

let h: MonitorHarness | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

describe("the strategy's order totals on a real monitor", () => {
  it('count the fee of a fill whose frame was lost below a later fill once reconciliation recovers it, as the book does', async () => {
    // As the reconciliation test of the same loss: no clock reconciliation while the fills
    // happen, only the start's and the one after the drop.
    h = await startMonitorHarness({
      monitor: { reconcileIntervalMs: 30 * 60_000, backoff: { baseMs: 50, capMs: 200 } },
    });
    const harness = h;
    const tracker = new OrderTracker(orderUpdatesOf(harness.monitor), harness.sim.clock);
    let gapReconciled = false;
    harness.monitor.onDidReconcile((e) => (gapReconciled ||= e.trigger === 'gap'));
    let started = false;
    harness.monitor.onDidReconcile((e) => (started ||= e.trigger === 'start'));
    harness.monitor.start();
    await harness.until(() => started, 'start reconciled', PATIENCE_MS);
    const { workingOrderId: id } = await placeRestingOto(harness);
    await harness.until(() => tracker.get(id) !== undefined, 'the order seen', PATIENCE_MS);
    await fillWithFrameLostBelowLater(harness, id, PATIENCE_MS);
    const end = await tracker.waitForStatus(id, TERMINAL, 3_600_000);
    expect(end.kind).toBe('reached');
    const whenFilled = totalsOf(tracker.get(id)).feeQuote;
    harness.sim.faults.dropAllConnections();
    await harness.until(() => gapReconciled, 'reconciled after the drop', PATIENCE_MS);

    // The exchange's fills: the BUY pays its fee in the token, valued at each fill's price.
    const trades = await harness.rest.getUserTrades({ orderId: id, symbol: SYMBOL });
    expect(trades).toHaveLength(4);
    const fees = trades.reduce((s, t) => s.plus(new Big(t.commission).times(t.price)), new Big(0));
    const quote = trades.reduce((s, t) => s.plus(t.quoteQty), new Big(0));
    expect(whenFilled.lt(fees)).toBe(true);
    const order = tracker.get(id)!;
    expect(order.latest.status).toBe('FILLED');
    expect(order.fills).toHaveLength(4);
    const totals = totalsOf(order);
    expect(totals.feeQuote.toFixed()).toBe(fees.toFixed());
    expect(totals.quantity.toFixed()).toBe('100');
    expect(totals.quote.toFixed()).toBe(quote.toFixed());
    tracker.dispose();
  });
});
