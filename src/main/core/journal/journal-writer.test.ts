import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FailingJournalFileSystem } from '../../../../test/fakes/failing-journal-fs.ts';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import { executionReportData, sampleOrderUpdate } from '../../../../test/fakes/order-updates.ts';
import { frameUpdateEntries, type JournalEntry, type JournalRecord } from './journal-record.ts';
import { readJournal } from './journal-reader.ts';
import { nodeJournalFileSystem, type JournalFileSystem } from './journal-fs.ts';
import { JournalWriter } from './journal-writer.ts';

let dir: string;
let emergencyDir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'am-writer-'));
  emergencyDir = await mkdtemp(join(tmpdir(), 'am-emergency-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(emergencyDir, { recursive: true, force: true });
});

const header: JournalRecord = {
  k: 'session',
  v: 1,
  sessionId: 's1',
  accountId: 'a',
  accountLabel: 'A',
  startedAtMs: 1,
};
const update = (eventId: number): JournalRecord => ({
  k: 'update',
  atMs: eventId,
  source: 'stream',
  verdict: { outcome: 'applied', reason: 'first-seen', counted: null },
  update: sampleOrderUpdate({ orderId: String(eventId), eventId }),
});

/** A stream update with its frame (one `frame-update` line), the frame holding non-ASCII text. */
const frameUpdate = (eventId: number): JournalEntry => {
  const u = sampleOrderUpdate({ orderId: String(eventId), eventId });
  const frame = JSON.stringify({
    stream: 'alpha@ff950c2e0d...',
    data: { ...executionReportData(u), note: `币安·${eventId}` },
  });
  const verdict = { outcome: 'applied', reason: 'first-seen', counted: null } as const;
  return frameUpdateEntries({ update: u, verdict, receivedAtMs: eventId, frameText: frame })[0]!;
};

async function linesOf(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

async function eventIdsIn(path: string): Promise<number[]> {
  const { records, report } = readJournal(path);
  const ids: number[] = [];
  for await (const r of records) if (r.k === 'update') ids.push(r.update.eventId);
  expect(report).toEqual({ tornTail: false, skippedLines: 0 });
  return ids;
}

/** Waits for a write the clock started (real file I/O settles outside the fake clock). */
const settle = (writer: JournalWriter) => writer.whenIdle();

describe('JournalWriter on a full disk', () => {
  it('says so once, keeps monitoring, writes everything once when space returns', async () => {
    const clock = new FakeClock();
    const fs = new FailingJournalFileSystem(dir);
    const path = join(dir, 's1.jsonl');
    const writer = new JournalWriter({ path, clock, fs, flushBatchSize: 5, emergencyDir });
    const failures: string[] = [];
    const recoveries: number[] = [];
    const written: number[] = [];
    writer.onDidFail((f) => failures.push(`${f.code}:${f.pendingUpdates}`));
    writer.onDidRecover((r) => recoveries.push(r.writtenUpdates));
    writer.onDidWrite((w) => written.push(w.writtenSeq));
    writer.append(header);
    for (let id = 1; id <= 3; id++) writer.append(update(id));
    await writer.flush();
    // The disk fills up in the middle of a batch: part of a line reaches it, then ENOSPC.
    fs.fill(150);
    for (let id = 4; id <= 40; id++) writer.append(update(id));
    for (let i = 0; i < 20; i++) {
      await clock.advance(1000);
      await settle(writer);
    }
    for (let id = 41; id <= 60; id++) writer.append(update(id));
    for (let i = 0; i < 6; i++) {
      await clock.advance(10_000);
      await settle(writer);
    }
    expect(failures).toEqual(['ENOSPC:37']);
    expect(writer.isFailing).toBe(true);
    // Retries back off on the clock: a handful of attempts over 80 s, not one per update.
    expect(fs.writeAttempts).toBeLessThan(20);
    expect(writer.writtenSeq).toBe(4);

    fs.free();
    await clock.advance(10_000); // the next retry is due within the longest backoff
    await settle(writer);
    expect(recoveries).toEqual([57]);
    expect(writer.isFailing).toBe(false);
    expect(written.at(-1)).toBe(61);
    const ids = await eventIdsIn(path);
    expect(ids).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(await linesOf(path)).toHaveLength(61);
    expect((await writer.close()).unwrittenRecords).toBe(0);
  });

  it('when only some room comes back, writes and shows what fits instead of waiting until everything fits', async () => {
    const clock = new FakeClock();
    const fs = new FailingJournalFileSystem(dir);
    const path = join(dir, 's1.jsonl');
    const writer = new JournalWriter({ path, clock, fs, emergencyDir });
    writer.append(header);
    await writer.flush();
    fs.fill(0);
    // About 1 KB each: 400 of them wait, some 400 KB.
    for (let id = 1; id <= 400; id++) writer.append(id % 2 ? frameUpdate(id) : update(id));
    await clock.advance(1000);
    await settle(writer);
    expect(writer.isFailing).toBe(true);
    expect(writer.writtenSeq).toBe(1);
    // 160 KB come back: not enough for everything waiting.
    fs.fill(160 << 10);
    for (let i = 0; i < 4; i++) {
      await clock.advance(10_000);
      await settle(writer);
    }
    expect(writer.writtenSeq).toBeGreaterThan(100);
    expect(writer.writtenSeq).toBeLessThan(401);
    // What was shown is on disk, whole, in order.
    const ids = await eventIdsIn(path);
    expect(ids).toEqual(Array.from({ length: writer.writtenSeq - 1 }, (_, i) => i + 1));
    fs.free();
    await clock.advance(10_000);
    await settle(writer);
    expect(writer.isFailing).toBe(false);
    expect(writer.writtenSeq).toBe(401);
    expect(await eventIdsIn(path)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
  });

  it('on close after a last write that failed part-way, no record is both in the journal and in the emergency file', async () => {
    const clock = new FakeClock();
    const fs = new FailingJournalFileSystem(dir);
    const path = join(dir, 's1.jsonl');
    const writer = new JournalWriter({ path, clock, fs, emergencyDir });
    writer.append(header);
    writer.append(update(1));
    await writer.flush();
    const line = (await linesOf(path))[1]!.length + 1;
    fs.fill(0);
    for (let id = 2; id <= 6; id++) writer.append(update(id));
    await clock.advance(1000);
    await settle(writer);
    expect(writer.isFailing).toBe(true);
    // The last attempt, on close, finds room for a line and a half: update 2 reaches the file
    // whole, update 3 in part, then ENOSPC.
    fs.fill(Math.floor(line * 1.5));
    const report = await writer.close();
    expect(report).toMatchObject({ unwrittenRecords: 5, unwrittenUpdates: 5 });
    expect(await eventIdsIn(path)).toEqual([1]);
    const { records } = readJournal(report.savedTo!);
    const saved: number[] = [];
    for await (const r of records) if (r.k === 'update') saved.push(r.update.eventId);
    expect(saved).toEqual([2, 3, 4, 5, 6]);
  });

  it('on close while the disk is still full, saves the unwritten records elsewhere and counts them', async () => {
    const clock = new FakeClock();
    const fs = new FailingJournalFileSystem(dir);
    const path = join(dir, 's1.jsonl');
    const writer = new JournalWriter({ path, clock, fs, emergencyDir });
    writer.append(header);
    writer.append(update(1));
    await writer.flush();
    fs.fill(0);
    for (let id = 2; id <= 8; id++) writer.append(id % 2 ? frameUpdate(id) : update(id));
    writer.append({ k: 'end', atMs: 9 });
    const report = await writer.close();
    expect(report).toMatchObject({ unwrittenRecords: 8, unwrittenUpdates: 7, saveError: null });
    expect(report.savedTo?.startsWith(emergencyDir)).toBe(true);
    // The emergency file is a journal of its own: header first, then what the disk refused.
    const { records } = readJournal(report.savedTo!);
    const kinds: string[] = [];
    for await (const r of records) kinds.push(r.k);
    // ids 2…8: a frame-update line reads back as its frame and its update.
    const odd = ['frame', 'update'];
    expect(kinds).toEqual([
      'session',
      'update',
      ...odd,
      'update',
      ...odd,
      'update',
      ...odd,
      'update',
      'end',
    ]);
    expect(await eventIdsIn(path)).toEqual([1]);
    // Nothing after close is taken (and nothing is lost silently: it is refused with 0).
    expect(writer.append(update(99))).toBe(0);
  });

  it('cuts a torn last line of an existing file before appending', async () => {
    const path = join(dir, 's1.jsonl');
    const whole = JSON.stringify(header) + '\n' + JSON.stringify(update(1)) + '\n';
    await writeFile(path, whole + '{"k":"update","atMs":2,"sou');
    const writer = new JournalWriter({ path, clock: new FakeClock() });
    writer.append(update(3));
    await writer.close();
    expect(await eventIdsIn(path)).toEqual([1, 3]);
    expect(await linesOf(path)).toHaveLength(3);
  });

  it('numbers records so callers can tell which are on disk', async () => {
    const clock = new FakeClock();
    const writer = new JournalWriter({ path: join(dir, 's1.jsonl'), clock, flushIntervalMs: 16 });
    expect(writer.append(header)).toBe(1);
    expect(writer.append(update(1))).toBe(2);
    expect(writer.writtenSeq).toBe(0);
    await writer.flush();
    expect(writer.writtenSeq).toBe(2);
    await writer.close();
  });

  it('writes every record once, in order, when records arrive during a write and another journal writes meanwhile', async () => {
    const clock = new FakeClock();
    // Journal A's write waits at this gate (a slow disk) while journal B writes.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slowFs: JournalFileSystem = {
      ...nodeJournalFileSystem,
      async open(path) {
        const file = await nodeJournalFileSystem.open(path);
        return { ...file, write: async (...args) => (await gate, file.write(...args)) };
      },
    };
    const a = new JournalWriter({ path: join(dir, 'a.jsonl'), clock, fs: slowFs });
    const b = new JournalWriter({ path: join(dir, 'b.jsonl'), clock });
    for (let id = 1; id <= 10; id++) a.append(id % 2 ? frameUpdate(id) : update(id));
    const writingA = a.flush();
    for (let id = 101; id <= 105; id++) b.append(frameUpdate(id));
    await b.flush();
    // A's batch is still being written: these wait for its next one.
    for (let id = 11; id <= 20; id++) a.append(id % 2 ? frameUpdate(id) : update(id));
    open();
    await writingA;
    await Promise.all([a.close(), b.close()]);
    const ids = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_, i) => from + i);
    expect(await eventIdsIn(join(dir, 'a.jsonl'))).toEqual(ids(1, 20));
    expect(await eventIdsIn(join(dir, 'b.jsonl'))).toEqual(ids(101, 105));
    const { records } = readJournal(join(dir, 'a.jsonl'));
    const notes: unknown[] = [];
    for await (const r of records)
      if (r.k === 'frame') notes.push((JSON.parse(r.text) as { data: { note: string } }).data.note);
    expect(notes).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19].map((id) => `币安·${id}`));
  });

  it('keeps every record whole when records far bigger than its buffer arrive while a write is in flight', async () => {
    const clock = new FakeClock();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const slowFs: JournalFileSystem = {
      ...nodeJournalFileSystem,
      async open(path) {
        const file = await nodeJournalFileSystem.open(path);
        return { ...file, write: async (...args) => (await gate, file.write(...args)) };
      },
    };
    const path = join(dir, 'big.jsonl');
    const writer = new JournalWriter({ path, clock, fs: slowFs });
    const big = (id: number): JournalEntry => {
      const entry = frameUpdate(id);
      if (entry.k !== 'frame-update') throw new Error('expected a frame-update');
      // A frame of ~40 KB (non-ASCII too): more than the writer's first buffer.
      const frame = JSON.parse(entry.frame) as { data: Record<string, unknown> };
      frame.data.pad = '币'.repeat(10_000) + 'x'.repeat(id * 1000);
      return { ...entry, frame: JSON.stringify(frame) };
    };
    writer.append(big(1));
    const writing = writer.flush();
    // The first write waits at the gate: these grow the buffer under it.
    for (let id = 2; id <= 12; id++) writer.append(id % 3 ? big(id) : update(id));
    open();
    await writing;
    await writer.close();
    expect(await eventIdsIn(path)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const lines = await linesOf(path);
    expect(lines).toHaveLength(12);
    expect((JSON.parse(lines[3]!) as { frame: { data: { pad: string } } }).frame.data.pad).toBe(
      '币'.repeat(10_000) + 'x'.repeat(4000),
    );
  });
});
