import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executionReportData, sampleOrderUpdate } from '../../../../test/fakes/order-updates.ts';
import { systemClock } from '../ports/clock.ts';
import { frameUpdateEntries, journalLine, type JournalRecord } from './journal-record.ts';
import { countJournalUpdates, readJournal } from './journal-reader.ts';
import { SessionJournals } from './session-journals.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'am-journal-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function collect(path: string) {
  const { records, report } = readJournal(path);
  const out: JournalRecord[] = [];
  for await (const record of records) out.push(record);
  return { out, report };
}

describe('session journal', () => {
  it('writes header, frames, updates and states, and reads them back in order', async () => {
    const journals = new SessionJournals(dataDir, systemClock);
    const { sessionId, writer } = journals.create({ accountId: 'acc-1', accountLabel: 'Main' });
    writer.append({ k: 'state', atMs: 1, state: 'connecting' });
    writer.append({ k: 'frame', atMs: 2, text: '{"e":"executionReport"}' });
    writer.append({ k: 'update', atMs: 2, source: 'stream', update: sampleOrderUpdate() });
    writer.append({ k: 'end', atMs: 3 });
    await writer.dispose();

    const { out, report } = await collect(journals.pathOf(sessionId));
    expect(out.map((r) => r.k)).toEqual(['session', 'state', 'frame', 'update', 'end']);
    // Every order of the account is in there: owner-only folder and file.
    expect((await stat(dirname(journals.pathOf(sessionId)))).mode & 0o777).toBe(0o700);
    expect((await stat(journals.pathOf(sessionId))).mode & 0o777).toBe(0o600);
    expect(report).toEqual({ tornTail: false, skippedLines: 0 });
    const [info] = await journals.list();
    expect(info).toMatchObject({
      sessionId,
      accountId: 'acc-1',
      accountLabel: 'Main',
      ended: true,
      lastRecordAtMs: 3,
    });
  });

  it('tolerates a torn last line after a crash and keeps everything before it', async () => {
    const journals = new SessionJournals(dataDir, systemClock);
    const { sessionId, writer } = journals.create({ accountId: 'acc-1', accountLabel: 'Main' });
    writer.append({ k: 'update', atMs: 2, source: 'stream', update: sampleOrderUpdate() });
    await writer.dispose();
    const path = journals.pathOf(sessionId);
    await appendFile(path, '{"k":"update","atMs":3,"source":"str');

    const { out, report } = await collect(path);
    expect(out.map((r) => r.k)).toEqual(['session', 'update']);
    expect(report.tornTail).toBe(true);
    expect(report.skippedLines).toBe(0);
    expect((await journals.list())[0]).toMatchObject({
      sessionId,
      ended: false,
      lastRecordAtMs: 2,
    });
  });

  it('counts a garbage line in the middle as skipped, not as a torn tail', async () => {
    const journals = new SessionJournals(dataDir, systemClock);
    const { sessionId, writer } = journals.create({ accountId: 'a', accountLabel: 'A' });
    await writer.flush();
    const path = journals.pathOf(sessionId);
    await appendFile(path, 'not json\n{"k":"end","atMs":9}\n');
    await writer.dispose();
    const { out, report } = await collect(path);
    expect(out.map((r) => r.k)).toEqual(['session', 'end']);
    expect(report).toEqual({ tornTail: false, skippedLines: 1 });
  });

  it('writes a stream update and its frame as one line, the frame as it came, and reads both back', async () => {
    const journals = new SessionJournals(dataDir, systemClock);
    const { sessionId, writer } = journals.create({ accountId: 'a', accountLabel: 'A' });
    const update = sampleOrderUpdate();
    const frame = JSON.stringify({
      stream: 'alpha@ff950c2e0d...',
      data: executionReportData(update),
    });
    const verdict = { outcome: 'applied', reason: 'first-seen', counted: null } as const;
    for (const entry of frameUpdateEntries({ update, verdict, receivedAtMs: 5, frameText: frame }))
      writer.append(entry);
    await writer.dispose();
    const path = journals.pathOf(sessionId);
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    // One record: the frame embedded as it is (not escaped into a string), no update written.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      `{"k":"frame-update","atMs":5,"verdict":{"outcome":"applied","reason":"first-seen","counted":null},"frame":${frame}}`,
    );
    const { out, report } = await collect(path);
    expect(out.slice(1)).toEqual([
      { k: 'frame', atMs: 5, text: frame },
      { k: 'update', atMs: 5, source: 'stream', verdict, update },
    ]);
    expect(report).toEqual({ tornTail: false, skippedLines: 0 });
    expect(await countJournalUpdates(path)).toBe(1);
    expect((await journals.list())[0]).toMatchObject({ lastRecordAtMs: 5, ended: false });
  });

  it('still reads a version 1 journal (a frame line and an update line each), and a frame with a line break stays two records', async () => {
    const update = sampleOrderUpdate();
    const frame = JSON.stringify({ stream: 'alpha@x', data: executionReportData(update) });
    const verdict = { outcome: 'applied', reason: 'first-seen', counted: null } as const;
    const path = join(dataDir, 'v1.jsonl');
    const v1 = [
      { k: 'session', v: 1, sessionId: 'v1', accountId: 'a', accountLabel: 'A', startedAtMs: 1 },
      { k: 'frame', atMs: 2, text: frame },
      { k: 'update', atMs: 2, source: 'stream', verdict, update },
    ];
    await appendFile(path, v1.map((r) => JSON.stringify(r) + '\n').join(''));
    expect((await collect(path)).out).toEqual(v1);
    expect(await countJournalUpdates(path)).toBe(1);
    const pretty = JSON.stringify(JSON.parse(frame), null, 1);
    expect(
      frameUpdateEntries({ update, verdict, receivedAtMs: 2, frameText: pretty }).map((e) => e.k),
    ).toEqual(['frame', 'update']);
  });

  it('treats a torn frame-update line at the end as a torn tail', async () => {
    const journals = new SessionJournals(dataDir, systemClock);
    const { sessionId, writer } = journals.create({ accountId: 'a', accountLabel: 'A' });
    await writer.dispose();
    const path = journals.pathOf(sessionId);
    const update = sampleOrderUpdate();
    const frame = JSON.stringify({ stream: 'alpha@x', data: executionReportData(update) });
    const line = journalLine({
      k: 'frame-update',
      atMs: 3,
      verdict: { outcome: 'applied', reason: 'first-seen', counted: null },
      frame,
    });
    await appendFile(path, line.slice(0, line.length - 40));
    const { out, report } = await collect(path);
    expect(out.map((r) => r.k)).toEqual(['session']);
    expect(report).toEqual({ tornTail: true, skippedLines: 0 });
  });

  it('reports a write failure and keeps the records for a later flush', async () => {
    const journals = new SessionJournals(join(dataDir, 'file-not-dir'), systemClock);
    await appendFile(join(dataDir, 'file-not-dir'), 'x'); // a file where the folder should be
    const { writer } = journals.create({ accountId: 'a', accountLabel: 'A' });
    const failures: string[] = [];
    writer.onDidFail((f) => failures.push(`${f.code}:${f.pendingRecords}`));
    await writer.flush();
    expect(failures).toEqual(['ENOTDIR:1']);
    await writer.dispose();
  });

  it('refuses a session id that is not a plain file name', () => {
    const journals = new SessionJournals(dataDir, systemClock);
    expect(() => journals.pathOf('../../etc/passwd')).toThrow(
      expect.objectContaining({ code: 'SESSION_NOT_FOUND' }),
    );
  });
});
