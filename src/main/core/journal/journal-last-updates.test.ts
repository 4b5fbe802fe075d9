import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  executionReportData,
  sampleFilledOrder,
  sampleOrderUpdate,
} from '../../../../test/fakes/order-updates.ts';
import type { OrderUpdate } from '../../../shared/domain/order-update.ts';
import { OrderBook } from '../book/order-book.ts';
import { readLastAppliedUpdates } from './journal-last-updates.ts';
import { frameUpdateEntries, journalLine, type JournalEntry } from './journal-record.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'am-last-updates-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * A journal as a running session writes it: `orders` orders (ids 1000, 1001, …) created and
 * filled, every update judged by a real book, even orders as `frame-update` lines and odd ones
 * as `update` records; then `after` (late updates and the like) judged by the same book.
 */
async function writeJournal(orders: number, after: OrderUpdate[] = [], tail = '') {
  const book = new OrderBook();
  const lines: string[] = [
    journalLine({
      k: 'session',
      v: 2,
      sessionId: 's',
      accountId: 'a',
      accountLabel: 'A',
      startedAtMs: 0,
    }),
  ];
  let atMs = 1;
  const add = (update: OrderUpdate) => {
    const verdict = book.apply(update, 'stream', atMs);
    const entries: JournalEntry[] =
      Number(update.orderId) % 2 === 0
        ? frameUpdateEntries({
            update,
            verdict,
            receivedAtMs: atMs,
            frameText: JSON.stringify({ stream: 'alpha@x', data: executionReportData(update) }),
          })
        : [{ k: 'update', atMs, source: 'stream', verdict, update }];
    for (const entry of entries) lines.push(journalLine(entry));
    atMs++;
  };
  const filled = new Map<string, OrderUpdate>();
  for (let i = 0; i < orders; i++) {
    const [c, f] = sampleFilledOrder(String(1000 + i), 10 + 2 * i);
    add(c);
    add(f);
    filled.set(f.orderId, f);
  }
  for (const update of after) add(update);
  const path = join(dir, 'journal.jsonl');
  await writeFile(path, lines.join('') + tail);
  return { path, filled, size: (await stat(path)).size };
}

/** A fill of `filled`'s order that arrives after it ended (late: counted, never its state). */
function lateFillOf(filled: OrderUpdate, n: number): OrderUpdate {
  return { ...filled, eventId: filled.eventId + 1000 + n, status: 'PARTIALLY_FILLED' };
}

describe('the last applied update of a few orders, read back from a journal', () => {
  it('reads only the end of a long journal for an order that ended lately, parsing only its lines', async () => {
    const { path, filled, size } = await writeJournal(2000);
    const read = await readLastAppliedUpdates(path, ['2998', '2999']);
    expect(read.found.get('2999')).toEqual(filled.get('2999'));
    expect(read.found.get('2998')).toEqual(filled.get('2998'));
    expect(read.undecided.size).toBe(0);
    // One 64 KiB chunk of a journal of several hundred: not the session.
    expect(read.bytesRead).toBe(64 * 1024);
    expect(size).toBeGreaterThan(10 * read.bytesRead);
    // Each id's FILLED line is the first line from the end that mentions it.
    expect(read.linesParsed).toBe(2);
  });

  it('reads back only as far as the oldest wanted order, whatever came after it', async () => {
    const { path, filled, size } = await writeJournal(2000);
    const read = await readLastAppliedUpdates(path, ['2500']);
    expect(read.found.get('2500')).toEqual(filled.get('2500'));
    expect(read.bytesRead).toBeLessThan(size);
    expect(read.bytesRead).toBeGreaterThan(size / 4);
  });

  it('passes over late updates: the state is the last applied one, as a full read has it', async () => {
    const [, f] = sampleFilledOrder('1003', 10 + 2 * 3);
    const { path, filled } = await writeJournal(5, [lateFillOf(f, 1), lateFillOf(f, 2)]);
    const read = await readLastAppliedUpdates(path, ['1003']);
    expect(read.found.get('1003')).toEqual(filled.get('1003'));
    expect(read.found.get('1003')!.status).toBe('FILLED');
    expect(read.linesParsed).toBe(3);
  });

  it('finds orders in lines longer than a chunk, and tolerates a torn last line', async () => {
    const torn = '{"k":"update","atMs":99,"source":"stream","update":{"orderId":"1004"';
    const { path, filled } = await writeJournal(5, [], torn);
    const read = await readLastAppliedUpdates(path, ['1000', '1003', '1004'], 16);
    expect([...read.found.keys()].sort()).toEqual(['1000', '1003', '1004']);
    for (const id of ['1000', '1003', '1004']) expect(read.found.get(id)).toEqual(filled.get(id));
  });

  it('says which orders only a replay can decide (an update without a verdict) and which it never saw', async () => {
    const { path: base } = await writeJournal(3);
    const old = sampleOrderUpdate({ orderId: '1001', eventId: 99, status: 'CANCELED' });
    const path = join(dir, 'older.jsonl');
    await writeFile(
      path,
      (await readFile(base, 'utf8')) +
        journalLine({ k: 'update', atMs: 50, source: 'stream', update: old }),
    );
    const read = await readLastAppliedUpdates(path, ['1001', '1002', '777']);
    expect([...read.undecided]).toEqual(['1001']);
    expect([...read.found.keys()]).toEqual(['1002']);
    // An order not in the journal: the whole file was read, and nothing found.
    expect(read.bytesRead).toBe((await stat(path)).size);
  });
});
