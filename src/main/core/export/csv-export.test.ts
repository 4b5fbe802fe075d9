import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  executionReportData,
  sampleFilledOrder,
  sampleOrderUpdate,
} from '../../../../test/fakes/order-updates.ts';
import { updateEntries } from '../journal/journal-record.ts';
import { parseFrame } from '../parser/index.ts';
import { systemClock } from '../ports/clock.ts';
import { SessionJournals } from '../journal/session-journals.ts';
import { csvField } from './csv-format.ts';
import { exportOrdersCsv, exportUpdatesCsv } from './csv-export.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'am-export-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Minimal RFC 4180 line parser for the assertions. */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

describe('CSV export', () => {
  it('quotes fields with commas, quotes and newlines', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField('0.00001000')).toBe('0.00001000');
    expect(csvField(null)).toBe('');
  });

  it('writes one row per accepted update with the raw decimal strings and the source', async () => {
    const journals = new SessionJournals(dataDir, systemClock);
    const { sessionId, writer } = journals.create({ accountId: 'a', accountLabel: 'A' });
    const [created, filled] = sampleFilledOrder('42', 10, {
      price: '0.00001000',
      quantity: '1000.00000000',
    });
    writer.append({ k: 'update', atMs: 111, source: 'stream', update: created });
    writer.append({ k: 'update', atMs: 112, source: 'stream', update: created }); // duplicate
    writer.append({
      k: 'update',
      atMs: 113,
      source: 'backfill',
      update: { ...filled, clientOrderId: 'odd,"id"' },
    });
    await writer.dispose();

    const outPath = join(dataDir, 'updates.csv');
    expect(await exportUpdatesCsv({ journalPath: journals.pathOf(sessionId), outPath })).toBe(2);
    const lines = (await readFile(outPath, 'utf8')).split('\r\n').filter(Boolean).map(parseCsvLine);
    const [header, first, second] = lines;
    expect(lines).toHaveLength(3);
    const col = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(header).toEqual([
      'event_time_ms',
      'event_time_utc',
      'receive_time_ms',
      'order_id',
      'client_order_id',
      'symbol',
      'side',
      'type',
      'status',
      'execution_type',
      'price',
      'quantity',
      'executed_qty',
      'last_fill_price',
      'last_fill_qty',
      'fee',
      'fee_asset',
      'oto_list_id',
      'oto_leg',
      'event_id',
      'source',
    ]);
    expect(col(first!, 'price')).toBe('0.00001000');
    expect(col(first!, 'quantity')).toBe('1000.00000000');
    expect(col(first!, 'receive_time_ms')).toBe('111');
    expect(col(first!, 'fee')).toBe('');
    expect(col(second!, 'status')).toBe('FILLED');
    expect(col(second!, 'fee')).toBe('0.01234');
    expect(col(second!, 'client_order_id')).toBe('odd,"id"');
    expect(col(second!, 'source')).toBe('backfill');

    const ordersPath = join(dataDir, 'orders.csv');
    expect(
      await exportOrdersCsv({ journalPath: journals.pathOf(sessionId), outPath: ordersPath }),
    ).toBe(1);
    const orders = (await readFile(ordersPath, 'utf8'))
      .split('\r\n')
      .filter(Boolean)
      .map(parseCsvLine);
    expect(orders[1]![orders[0]!.indexOf('status')]).toBe('FILLED');
    expect(orders[1]![orders[0]!.indexOf('updates')]).toBe('2');
  });

  it('writes a status and an execution type Alpha Monitor does not know as Binance sent them', async () => {
    const journals = new SessionJournals(dataDir, systemClock);
    const { sessionId, writer } = journals.create({ accountId: 'a', accountLabel: 'A' });
    const [created] = sampleFilledOrder('43', 10);
    const frameText = JSON.stringify({
      stream: 'alpha@ff950c2e0d...',
      data: { ...executionReportData(created), id: 11, X: 'HALTED', x: 'AMENDMENT' },
    });
    const parsed = parseFrame(frameText);
    if (parsed.kind !== 'order-update') throw new Error(`not read as an update: ${frameText}`);
    const verdict = { outcome: 'applied', reason: 'moves-forward', counted: null } as const;
    writer.append({ k: 'update', atMs: 111, source: 'stream', update: created });
    for (const entry of updateEntries({
      update: parsed.update,
      source: 'stream',
      verdict,
      receivedAtMs: 112,
      frameText,
    }))
      writer.append(entry);
    await writer.dispose();

    const outPath = join(dataDir, 'updates.csv');
    expect(await exportUpdatesCsv({ journalPath: journals.pathOf(sessionId), outPath })).toBe(2);
    const [header, , halted] = (await readFile(outPath, 'utf8'))
      .split('\r\n')
      .filter(Boolean)
      .map(parseCsvLine);
    expect(halted![header!.indexOf('status')]).toBe('HALTED');
    expect(halted![header!.indexOf('execution_type')]).toBe('AMENDMENT');
    const ordersPath = join(dataDir, 'orders.csv');
    await exportOrdersCsv({ journalPath: journals.pathOf(sessionId), outPath: ordersPath });
    const orders = (await readFile(ordersPath, 'utf8'))
      .split('\r\n')
      .filter(Boolean)
      .map(parseCsvLine);
    expect(orders[1]![orders[0]!.indexOf('status')]).toBe('HALTED');
  });

  it('streams 100,000 updates to disk without holding them in memory', async () => {
    const count = 100_000;
    const journalPath = join(dataDir, 'big.jsonl');
    // Build the journal in chunks so the test itself does not hold it either.
    const header = JSON.stringify({
      k: 'session',
      v: 1,
      sessionId: 'big',
      accountId: 'a',
      accountLabel: 'A',
      startedAtMs: 1,
    });
    await writeFile(journalPath, header + '\n');
    for (let start = 0; start < count; start += 10_000) {
      let chunk = '';
      for (let i = start; i < start + 10_000; i++) {
        const update = sampleOrderUpdate({
          orderId: String(i),
          eventId: i + 1,
          price: `0.${String(i).padStart(8, '0')}`,
        });
        const verdict = { outcome: 'applied', reason: 'first-seen', counted: null };
        chunk +=
          JSON.stringify({ k: 'update', atMs: 1_000 + i, source: 'stream', verdict, update }) +
          '\n';
      }
      await writeFile(journalPath, chunk, { flag: 'a' });
    }
    const journalBytes = (await stat(journalPath)).size;

    globalThis.gc?.();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const outPath = join(dataDir, 'big.csv');
    const rows = await exportUpdatesCsv({
      journalPath,
      outPath,
      progressEveryRows: 1000,
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      },
    });
    expect(rows).toBe(count);

    let lines = 0;
    let last = '';
    for await (const line of createInterface({ input: createReadStream(outPath) })) {
      if (!line) continue;
      lines++;
      last = line;
    }
    expect(lines).toBe(count + 1);
    expect(last).toContain('0.00099999');
    // Holding every update as objects would take several times the journal's size; a
    // streaming export stays far below the journal itself.
    expect(peak - baseline).toBeLessThan(journalBytes / 2);
  });

  it('leaves no half-written file behind when the destination cannot be written', async () => {
    const journals = new SessionJournals(dataDir, systemClock);
    const { sessionId, writer } = journals.create({ accountId: 'a', accountLabel: 'A' });
    await writer.dispose();
    const outPath = join(dataDir, 'no-such-dir', 'out.csv');
    await expect(
      exportUpdatesCsv({ journalPath: journals.pathOf(sessionId), outPath }),
    ).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
