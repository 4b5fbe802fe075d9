import { describe, expect, it } from 'vitest';
import type { StrategyProgressView } from '../../shared/ipc/views-app.ts';
import type { FleetRowView } from '../../shared/ipc/views-fleet.ts';
import type { FillPoint, OrderUpdatesBatch } from '../../shared/ipc/views-monitor.ts';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import {
  sampleOrderUpdate,
  sampleOrderView,
  sampleSessionStats,
} from '../../../test/fakes/order-updates.ts';
import type { PageEvent } from './event-merge.ts';
import { coalescingEventSink, EventOutbox } from './event-outbox.ts';

/** Order `id` with `filled` units filled (one TRADE update each), and that fill. */
function trade(id: string, filled: number, accountId = 'a1'): OrderUpdatesBatch {
  const update = sampleOrderUpdate({ orderId: id, cumulativeFilledQty: String(filled) });
  const fill: FillPoint = {
    orderId: id,
    symbol: update.symbol,
    side: 'BUY',
    eventTimeMs: 1_000 + filled,
    qty: '1',
    price: '0.5',
    quoteQty: '0.5',
    status: 'PARTIALLY_FILLED',
  };
  return {
    accountId,
    updates: [
      {
        update,
        source: 'stream',
        receivedAtMs: 1_000 + filled,
        verdict: { outcome: 'applied', reason: 'APPLIED', counted: null } as never,
        accepted: true,
      },
    ],
    orders: [
      sampleOrderView(
        { orderId: id, cumulativeFilledQty: String(filled) },
        { accountId, updateCount: filled },
      ),
    ],
    fills: [fill],
    stats: sampleSessionStats({ updatesAccepted: filled, fills: filled }),
  };
}

function outbox(options: { ready?: () => boolean; maxPendingFills?: number } = {}) {
  const clock = new FakeClock();
  const sent: Array<{ seq: number; events: PageEvent[] }> = [];
  const droppedNotices: number[] = [];
  const box = new EventOutbox({
    onNoticesDropped: (count) => droppedNotices.push(count),
    clock,
    ready: options.ready ?? (() => true),
    send: (seq, events) => sent.push({ seq, events }),
    intervalMs: 16,
    maxPendingFills: options.maxPendingFills,
  });
  return { clock, sent, box, droppedNotices };
}

const filledOf = (events: PageEvent[]) =>
  events.flatMap((e) =>
    e.event === 'orderUpdates'
      ? (e.payload as OrderUpdatesBatch).orders.map((o) => [
          o.last.orderId,
          o.last.cumulativeFilledQty,
        ])
      : [],
  );

/** A strategy run's view after `trades` trades (as StrategyService publishes it). */
function progress(accountId: string, trades: number, placedOrderIds: string[] = []) {
  return {
    accountId,
    runId: `run-${accountId}`,
    state: 'running',
    trades,
    placedOrderIds,
    status: { code: 'TRADE_PLACED', trade: trades },
  } as unknown as StrategyProgressView;
}

/** The strategy progress events as [account, trades]. */
const progressOf = (events: PageEvent[]) =>
  events.flatMap((e) =>
    e.event === 'strategyProgress'
      ? [
          [
            (e.payload as StrategyProgressView).accountId,
            (e.payload as StrategyProgressView).trades,
          ],
        ]
      : [],
  );

describe('EventOutbox', () => {
  it('sends everything that changed within a frame as one batch: each order once, in its latest state, every fill', async () => {
    const { clock, sent, box } = outbox();
    box.push('orderUpdates', trade('1', 1));
    box.push('orderUpdates', trade('2', 1));
    box.push('pointsChanged', { accountId: 'a1', state: 'loading' });
    box.push('orderUpdates', trade('1', 2));
    box.push('pointsChanged', { accountId: 'a1', state: 'ready' });
    box.push('notice', { id: 'n1' });
    box.push('notice', { id: 'n2' });
    expect(sent).toEqual([]);
    await clock.advance(0);
    expect(sent).toHaveLength(1);
    const [{ seq, events }] = sent as [{ seq: number; events: PageEvent[] }];
    expect(seq).toBe(1);
    expect(events.map((e) => e.event)).toEqual([
      'orderUpdates',
      'pointsChanged',
      'notice',
      'notice',
    ]);
    expect(filledOf(events)).toEqual([
      ['1', '2'],
      ['2', '1'],
    ]);
    const batch = events[0]!.payload as OrderUpdatesBatch;
    expect(batch.fills.map((f) => [f.orderId, f.eventTimeMs])).toEqual([
      ['1', 1_001],
      ['2', 1_001],
      ['1', 1_002],
    ]);
    expect(batch.updates.map((u) => u.update.cumulativeFilledQty)).toEqual(['1', '2']);
    expect(batch.stats.updatesAccepted).toBe(2);
    expect(events[1]!.payload).toEqual({ accountId: 'a1', state: 'ready' });
  });

  it('keeps accounts apart, and sends at most one batch per interval', async () => {
    const { clock, sent, box } = outbox();
    box.push('orderUpdates', trade('1', 1, 'a1'));
    await clock.advance(0);
    box.push('orderUpdates', trade('1', 2, 'a1'));
    box.push('orderUpdates', trade('9', 1, 'a2'));
    await clock.advance(15);
    expect(sent).toHaveLength(1);
    await clock.advance(1);
    expect(sent.map((s) => s.seq)).toEqual([1, 2]);
    expect(sent[1]!.events.map((e) => (e.payload as OrderUpdatesBatch).accountId)).toEqual([
      'a1',
      'a2',
    ]);
  });

  it('merges fleet changes: later rows replace, a removal wins until the row comes back', async () => {
    const { clock, sent, box } = outbox();
    const row = (accountId: string, openOrders: number) =>
      ({ accountId, openOrders }) as unknown as FleetRowView;
    box.push('fleetChanged', { atMs: 1, rows: [row('a', 1), row('b', 1)], removedAccountIds: [] });
    box.push('fleetChanged', { atMs: 2, rows: [row('a', 2)], removedAccountIds: ['b', 'c'] });
    box.push('fleetChanged', { atMs: 3, rows: [row('c', 5)], removedAccountIds: [] });
    await clock.advance(0);
    expect(sent[0]!.events).toEqual([
      {
        event: 'fleetChanged',
        payload: { atMs: 3, rows: [row('a', 2), row('c', 5)], removedAccountIds: ['b'] },
      },
    ]);
  });

  it('holds while the page has not read what was sent, then sends the state of now in one batch', async () => {
    let reading = true;
    const { clock, sent, box } = outbox({ ready: () => reading });
    box.push('orderUpdates', trade('1', 1));
    await clock.advance(0);
    reading = false;
    for (let n = 2; n <= 500; n++) {
      box.push('orderUpdates', trade('1', n));
      await clock.advance(4);
    }
    expect(sent).toHaveLength(1);
    reading = true;
    await clock.advance(16);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.seq).toBe(2);
    expect(filledOf(sent[1]!.events)).toEqual([['1', '500']]);
    expect((sent[1]!.events[0]!.payload as OrderUpdatesBatch).fills).toHaveLength(499);
  });

  it('drops what a page that never reads would pile up, and skips a seq so the page reloads', async () => {
    let reading = false;
    const { clock, sent, box } = outbox({ ready: () => reading, maxPendingFills: 100 });
    for (let n = 1; n <= 150; n++) box.push('orderUpdates', trade('1', n));
    box.push('connectionChanged', { accountId: 'a1', state: 'live' });
    await clock.advance(100);
    expect(sent).toEqual([]);
    reading = true;
    await clock.advance(16);
    // seq 1 was what got dropped: the first batch the page sees is 2.
    expect(sent.map((s) => s.seq)).toEqual([2]);
    const fills = sent[0]!.events.flatMap((e) =>
      e.event === 'orderUpdates' ? (e.payload as OrderUpdatesBatch).fills : [],
    );
    expect(fills.length).toBeLessThanOrEqual(100);
    expect(sent[0]!.events.map((e) => e.event)).toContain('connectionChanged');
  });

  it("never drops a notice past 10,000 waiting events a reload restores; a run's progress comes as its latest", async () => {
    let reading = false;
    const { clock, sent, box } = outbox({ ready: () => reading, maxPendingFills: 100 });
    const expected: string[] = [];
    for (let n = 1; n <= 12_000; n++) {
      if (n % 13 === 0) {
        box.push('notice', { id: `n${n}` });
        expected.push(`notice n${n}`);
      } else {
        box.push('strategyProgress', progress('a1', n));
      }
      // Fills and progress of an export pile up meanwhile: those a reload restores may go.
      box.push('orderUpdates', trade('1', n));
      box.push('exportProgress', { exportId: 'e1', rows: n, done: n === 12_000 });
    }
    await clock.advance(100);
    expect(sent).toEqual([]);
    reading = true;
    await clock.advance(16);
    const events = sent.flatMap((s) => s.events);
    const notices = events.flatMap((e) =>
      e.event === 'notice' ? [`notice ${(e.payload as { id: string }).id}`] : [],
    );
    expect(notices).toEqual(expected);
    // The run's view and the export's progress are coalesced to their latest (each says where
    // the run or the export is; the page shows the latest).
    expect(progressOf(events)).toEqual([['a1', 12_000]]);
    expect(events.filter((e) => e.event === 'exportProgress').map((e) => e.payload)).toEqual([
      { exportId: 'e1', rows: 12_000, done: true },
    ]);
    // The fills were dropped: the page is told to reload by the skipped seq.
    expect(sent[0]!.seq).toBeGreaterThan(1);
  });

  it("holds one progress view per account for a page that stops reading, however long the run (not a copy of the run's order ids per line)", async () => {
    let reading = false;
    const { clock, sent, box } = outbox({ ready: () => reading });
    // The review's scenario: a line per trade placed and per fill, each with every id so far.
    const ids: string[] = [];
    for (let t = 1; t <= 1_500; t++) {
      ids.push(String(9_000_000_000 + 2 * t), String(9_000_000_001 + 2 * t));
      for (let k = 0; k < 2; k++) box.push('strategyProgress', progress('a1', t, [...ids]));
      if (t % 500 === 0) box.push('strategyProgress', progress('a2', t / 500));
      await clock.advance(4);
    }
    expect(sent).toEqual([]);
    reading = true;
    await clock.advance(16);
    const events = sent.flatMap((s) => s.events);
    expect(progressOf(events)).toEqual([
      ['a1', 1_500],
      ['a2', 3],
    ]);
    // What waited is the latest view's 3,000 ids, not the 4.5 million of every line's copy.
    const heldIds = events.flatMap((e) =>
      e.event === 'strategyProgress' ? (e.payload as StrategyProgressView).placedOrderIds : [],
    );
    expect(heldIds).toHaveLength(3_000);
    expect(heldIds).toEqual(ids);
  });

  it('keeps the newest 1,000 notices for a page that does not read, and skips a seq so it reloads', async () => {
    let reading = false;
    const { clock, sent, box, droppedNotices } = outbox({ ready: () => reading });
    for (let n = 1; n <= 5_000; n++) {
      box.push('notice', { id: `n${n}` });
      if (n % 1_000 === 0) box.push('openOrder', { accountId: 'a1', orderId: String(n) });
    }
    await clock.advance(100);
    expect(sent).toEqual([]);
    expect(droppedNotices).toEqual([]);
    reading = true;
    await clock.advance(16);
    expect(sent.map((s) => s.seq)).toEqual([2]);
    // Said once, with the batch, for the host's log.
    expect(droppedNotices).toEqual([4_000]);
    const events = sent[0]!.events;
    expect(
      events.filter((e) => e.event === 'notice').map((e) => (e.payload as { id: string }).id),
    ).toEqual(Array.from({ length: 1_000 }, (_, i) => `n${4_001 + i}`));
    // "Show this order": the page would end on the latest request.
    expect(events.filter((e) => e.event === 'openOrder').map((e) => e.payload)).toEqual([
      { accountId: 'a1', orderId: '5000' },
    ]);
  });

  it("gives a reading page every notice in order and each frame's latest progress", async () => {
    const { clock, sent, box } = outbox();
    const expected: string[] = [];
    for (let frame = 1; frame <= 50; frame++) {
      for (let k = 1; k <= 2; k++) {
        box.push('notice', { id: `n${frame}.${k}` });
        expected.push(`n${frame}.${k}`);
        box.push('strategyProgress', progress('a1', 2 * frame - 2 + k));
      }
      await clock.advance(16);
    }
    expect(sent.map((s) => s.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const notices = sent.flatMap((s) =>
      s.events.filter((e) => e.event === 'notice').map((e) => (e.payload as { id: string }).id),
    );
    expect(notices).toEqual(expected);
    expect(sent.map((s) => progressOf(s.events))).toEqual(
      Array.from({ length: 50 }, (_, i) => [['a1', 2 * i + 2]]),
    );
  });

  it("brings a page that reloads on the gap to the run's latest progress when the outbox dropped it", async () => {
    let reading = false;
    const { clock, sent, box } = outbox({ ready: () => reading });
    // What getStrategyProgress answers: the service's latest view of the account's run.
    let latest: StrategyProgressView | null = null;
    const publish = (view: StrategyProgressView) => {
      latest = view;
      box.push('strategyProgress', view);
    };
    for (let t = 1; t <= 100; t++) publish(progress('a1', t));
    // Past 10,000 waiting values (a connection per account): what a reload restores goes.
    for (let n = 1; n <= 10_001; n++)
      box.push('connectionChanged', { accountId: `x${n}`, state: 'live' });
    await clock.advance(100);
    reading = true;
    await clock.advance(16);
    // The page's side, as use-strategy-progress and the transport do it: on a skipped seq it
    // loads the value again; events of the batch that arrive meanwhile win over the load.
    let shown: StrategyProgressView | null = null;
    let lastSeq = 0;
    for (const { seq, events } of sent) {
      if (seq !== lastSeq + 1) shown = latest;
      lastSeq = seq;
      for (const e of events)
        if (e.event === 'strategyProgress') shown = e.payload as StrategyProgressView;
    }
    expect(sent.map((s) => s.seq)).toEqual([2]);
    // Nothing of the run waited for the page: the reload brought its latest view.
    expect(progressOf(sent[0]!.events)).toEqual([]);
    expect(shown).toEqual(progress('a1', 100));
  });

  it('sends what is waiting at once on flushNow, even while the page reads slowly (before a reply)', async () => {
    const { clock, sent, box } = outbox({ ready: () => false });
    box.push('orderUpdates', trade('1', 1));
    box.push('orderUpdates', trade('1', 2));
    box.flushNow();
    expect(sent).toHaveLength(1);
    expect(filledOf(sent[0]!.events)).toEqual([['1', '2']]);
    // Nothing is sent twice when the frame's timer would have fired.
    await clock.advance(100);
    expect(sent).toHaveLength(1);
    box.flushNow();
    expect(sent).toHaveLength(1);
  });

  it('sends nothing after dispose', async () => {
    const { clock, sent, box } = outbox();
    box.push('orderUpdates', trade('1', 1));
    box.dispose();
    await clock.advance(100);
    expect(sent).toEqual([]);
  });
});

describe('coalescingEventSink', () => {
  it('drops nothing for the window (no seq to reload on) and flushes before a reply', async () => {
    const clock = new FakeClock();
    const fills: unknown[] = [];
    const sink = coalescingEventSink(
      {
        emit: (name, payload) => {
          if (name === 'orderUpdates') fills.push(...(payload as OrderUpdatesBatch).fills);
        },
      },
      clock,
    );
    for (let n = 1; n <= 100_001; n++) sink.emit('orderUpdates', trade('1', n));
    sink.flush();
    expect(fills).toHaveLength(100_001);
    await clock.advance(100);
    expect(fills).toHaveLength(100_001);
  });

  it("hands each frame's coalesced events to the inner sink one by one", async () => {
    const clock = new FakeClock();
    const got: Array<[string, unknown]> = [];
    const sink = coalescingEventSink(
      { emit: (name, payload) => void got.push([name, payload]) },
      clock,
    );
    sink.emit('settingsChanged', 'old' as never);
    sink.emit('notice', 'n' as never);
    sink.emit('settingsChanged', 'new' as never);
    await clock.advance(0);
    expect(got).toEqual([
      ['settingsChanged', 'new'],
      ['notice', 'n'],
    ]);
    sink.dispose();
  });
});
