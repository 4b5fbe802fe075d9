import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { sampleFilledOrder, sampleOrderView } from '../../../test/fakes/order-updates.ts';
import { waitFor } from '../../../test/fakes/wait-for.ts';
import type { OrderUpdate } from '../../shared/domain/order-update.ts';
import type { MonitorSnapshot, OrderView } from '../../shared/ipc/views-monitor.ts';
import { nullLogger } from '../core/ports/logger.ts';
import type { LastAppliedUpdates } from '../core/journal/journal-last-updates.ts';
import { EndedRowReads, WHOLE_READ_INTERVAL_MS } from './ended-row-reads.ts';

/** The FILLED update of order `id`: what the journal holds as its last applied update. */
const filledOf = (id: string): OrderUpdate => sampleFilledOrder(id, 1)[1];

/**
 * An account whose journal holds each order's FILLED update (with no verdict for those in
 * `undecided`, which a whole read gives with 5 updates), or fails to be read (`failing`);
 * orders in `held` have their view held. Every read is counted.
 */
function harness(options: { undecided?: string[]; failing?: boolean; held?: string[] } = {}) {
  const clock = new FakeClock();
  const lastAppliedReads: string[][] = [];
  let wholeReads = 0;
  const sent: OrderView[][] = [];
  let gate: Promise<void> = Promise.resolve();
  const held = new Map((options.held ?? []).map((id) => [id, filledOf(id)]));
  const reads = new EndedRowReads(
    {
      viewOf: (id) => {
        const last = held.get(id);
        return last && sampleOrderView(last, { updateCount: 9 });
      },
      rowOf: (_id, last) => sampleOrderView(last, { updateCount: 4 }),
      readLastApplied: async (ids): Promise<LastAppliedUpdates> => {
        lastAppliedReads.push([...ids]);
        await gate;
        if (options.failing) throw new Error('EIO');
        const undecided = new Set(ids.filter((id) => options.undecided?.includes(id)));
        const found = new Map(
          ids.filter((id) => !undecided.has(id)).map((id) => [id, filledOf(id)]),
        );
        return { found, undecided, bytesRead: 0, linesParsed: 0 };
      },
      readWhole: async (): Promise<MonitorSnapshot> => {
        wholeReads++;
        return {
          orders: (options.undecided ?? []).map((id) =>
            sampleOrderView(filledOf(id), { updateCount: 5 }),
          ),
        } as MonitorSnapshot;
      },
      send: (views) => sent.push([...views]),
    },
    clock,
    nullLogger,
  );
  const rows = () => sent.map((views) => views.map((v) => [v.last.orderId, v.updateCount]));
  return {
    clock,
    reads,
    lastAppliedReads,
    wholeReads: () => wholeReads,
    rows,
    holdReads(): () => void {
      let open!: () => void;
      gate = new Promise((resolve) => (open = resolve));
      return open;
    },
  };
}

describe('rows of ended orders read back from the journal', () => {
  it('asks the journal for the last updates of all the orders of one batch at once, never for the whole session', async () => {
    const h = harness();
    for (const id of ['1', '2', '3']) h.reads.request(id);
    await h.reads.whenIdle();
    expect(h.lastAppliedReads).toEqual([['1', '2', '3']]);
    expect(h.wholeReads()).toBe(0);
    expect(h.rows()).toEqual([
      [
        ['1', 4],
        ['2', 4],
        ['3', 4],
      ],
    ]);
  });

  it('reads one at a time: orders asked for during a read wait for the next, together', async () => {
    const h = harness();
    const open = h.holdReads();
    h.reads.request('1');
    await waitFor(() => h.lastAppliedReads.length === 1, { what: 'the first read started' });
    h.reads.request('2');
    h.reads.request('3');
    open();
    await h.reads.whenIdle();
    expect(h.lastAppliedReads).toEqual([['1'], ['2', '3']]);
  });

  it('reads nothing for an order whose view is held again', async () => {
    const h = harness({ held: ['7'] });
    h.reads.request('7');
    await h.reads.whenIdle();
    expect(h.lastAppliedReads).toEqual([]);
    expect(h.rows()).toEqual([[['7', 9]]]);
  });

  it('reads the whole journal only for what nothing else can decide: once for all, at most once per interval', async () => {
    const h = harness({ undecided: ['1', '2', '3'] });
    h.reads.request('1');
    h.reads.request('2');
    await h.reads.whenIdle();
    expect(h.wholeReads()).toBe(1);
    expect(h.rows()).toEqual([
      [
        ['1', 5],
        ['2', 5],
      ],
    ]);
    // Another one soon after waits for the interval, then is read.
    h.reads.request('3');
    await waitFor(() => h.lastAppliedReads.length === 2, { what: 'the second read' });
    await h.clock.advance(WHOLE_READ_INTERVAL_MS - 1);
    expect(h.wholeReads()).toBe(1);
    await h.clock.advance(1);
    await h.reads.whenIdle();
    expect(h.wholeReads()).toBe(2);
    expect(h.rows().at(-1)).toEqual([['3', 5]]);
  });

  it('falls back to a whole read when the read of the last updates fails', async () => {
    const h = harness({ failing: true, undecided: ['4'] });
    h.reads.request('4');
    await h.reads.whenIdle();
    expect(h.wholeReads()).toBe(1);
    expect(h.rows().at(-1)).toEqual([['4', 5]]);
  });

  it('reads nothing more once disposed, even a whole read waiting for its interval', async () => {
    const h = harness({ undecided: ['1', '2'] });
    h.reads.request('1');
    await h.reads.whenIdle();
    h.reads.request('2');
    await waitFor(() => h.lastAppliedReads.length === 2, { what: 'the second read' });
    h.reads.dispose();
    await h.reads.whenIdle();
    await h.clock.advance(WHOLE_READ_INTERVAL_MS);
    expect(h.wholeReads()).toBe(1);
    expect(h.clock.pendingTimers).toBe(0);
  });
});
