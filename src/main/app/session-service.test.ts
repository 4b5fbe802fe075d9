import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { SessionJournals } from '../core/journal/session-journals.ts';
import { createHostExportTarget } from '../host/host-export-target.ts';
import { DownloadTickets } from '../host/download-tickets.ts';
import { ExportService } from './export-service.ts';
import { SessionService } from './session-service.ts';

let dataDir: string;
let clock: FakeClock;
let journals: SessionJournals;
const live = new Set<string>();

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'am-sessions-'));
  clock = new FakeClock();
  journals = new SessionJournals(dataDir, clock);
  live.clear();
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** A session journal as a monitor leaves it: header, then a clean end. */
async function endedSession(accountId: string): Promise<string> {
  const { sessionId, writer } = journals.create({ accountId, accountLabel: accountId });
  await clock.advance(60_000);
  writer.append({ k: 'end', atMs: clock.now(), updates: 0, orders: 0 });
  await writer.close();
  return sessionId;
}

describe('SessionService.delete', () => {
  it('deletes the journal and the exports the browser host keeps of it, and no other', async () => {
    const exportsDir = join(dataDir, 'exports');
    const target = createHostExportTarget(exportsDir, new DownloadTickets(clock));
    const sessions = new SessionService(
      journals,
      (id) => live.has(id),
      async () => {},
      (id) => target.discardSession!(id),
    );
    const exportsOf = new ExportService(sessions, target, () => {});
    const doomed = await endedSession('a');
    const kept = await endedSession('b');
    await exportsOf.orders(doomed);
    await exportsOf.updates(doomed);
    await exportsOf.orders(kept);

    expect(await sessions.delete(doomed)).toEqual({ sessionId: doomed, exportsDeleted: 2 });

    expect((await sessions.list()).map((s) => s.sessionId)).toEqual([kept]);
    expect(await readdir(exportsDir)).toEqual([kept]);
    // Deleting it again: it is gone, and says so by code.
    await expect(sessions.delete(doomed)).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
  });

  it('refuses a running session (stop the account first) and keeps its journal', async () => {
    const sessions = new SessionService(
      journals,
      (id) => live.has(id),
      async () => {},
    );
    const { sessionId, writer } = journals.create({ accountId: 'a', accountLabel: 'A' });
    await writer.flush();
    live.add(sessionId);
    await expect(sessions.delete(sessionId)).rejects.toMatchObject({ code: 'SESSION_LIVE' });
    const [summary] = await sessions.list();
    expect(summary).toMatchObject({ sessionId, status: 'live', endedAtMs: null });
    await writer.close();
  });

  it('refuses an id that cannot be a session file, touching nothing', async () => {
    const sessions = new SessionService(
      journals,
      () => false,
      async () => {},
    );
    await writeFile(join(dataDir, 'settings.json'), '{}');
    await expect(sessions.delete('../settings')).rejects.toMatchObject({
      code: 'SESSION_NOT_FOUND',
    });
    expect(await readdir(dataDir)).toContain('settings.json');
  });

  it('without a target that keeps exports (the desktop), deletes the journal only', async () => {
    const sessions = new SessionService(
      journals,
      () => false,
      async () => {},
    );
    const id = await endedSession('a');
    expect(await sessions.delete(id)).toEqual({ sessionId: id, exportsDeleted: 0 });
    expect(await sessions.list()).toEqual([]);
  });
});
