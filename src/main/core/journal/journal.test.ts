import { appendFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleOrderUpdate } from '../../../../test/fakes/order-updates.ts';
import { systemClock } from '../ports/clock.ts';
import type { JournalRecord } from './journal-record.ts';
import { readJournal } from './journal-reader.ts';
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

  it('masks the listen key of a frame that reaches it unmasked', async () => {
    const journals = new SessionJournals(dataDir, systemClock);
    const { sessionId, writer } = journals.create({ accountId: 'a', accountLabel: 'A' });
    const listenKey = 'ff950c2e0d3da25cb0f320669c3f986f';
    writer.append({ k: 'frame', atMs: 1, text: `{"stream":"alpha@${listenKey}","data":{}}` });
    await writer.dispose();
    const text = await readFile(journals.pathOf(sessionId), 'utf8');
    expect(text).not.toContain(listenKey);
    expect(text).toContain('ff950c2e0d...');
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
