import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCliContext } from '../../../../test/fakes/memory-cli-context.ts';
import { waitFor } from '../../../../test/fakes/wait-for.ts';
import { readJournal } from '../../core/journal/journal-reader.ts';
import { SessionJournals } from '../../core/journal/session-journals.ts';
import { createAcceleratedClock, systemClock } from '../../core/ports/clock.ts';
import { startSimulator, type Simulator } from '../../sim/index.ts';
import { command as watch } from './watch.ts';

let sim: Simulator;
let dir: string;
let credentialsFile: string;

beforeAll(async () => {
  sim = await startSimulator({ clock: createAcceleratedClock({ speed: 20 }), fillDelayMs: 200 });
  dir = await mkdtemp(join(tmpdir(), 'watch-journal-'));
  credentialsFile = join(dir, 'credentials.json');
  await writeFile(credentialsFile, JSON.stringify(sim.demoAccount.credentials));
  await chmod(credentialsFile, 0o600);
});

afterAll(async () => {
  await sim.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe('watch --journal', () => {
  it('keeps the app’s session journal: every printed update is in it, and the session lists as ended', async () => {
    const journalDir = join(dir, 'sessions');
    const io = createMemoryCliContext();
    const urls = ['--rest-url', sim.restUrl, '--ws-url', sim.wsUrl];
    const running = watch.run(
      ['--json', '--journal', journalDir, '--credentials-file', credentialsFile, ...urls],
      io.context,
    );
    const orderLines = () =>
      io.stdout
        .split('\n')
        .filter((l) => l.startsWith('{"type":"order"'))
        .map((l) => JSON.parse(l) as { orderId: string; eventId: number; source: string });
    await waitFor(() => io.stdout.includes('"state":"live"'), { what: 'live' });
    sim.demoActivity.start({ ordersPerMinute: 600 });
    await waitFor(() => orderLines().length >= 20, { what: '20 order lines' });
    io.interrupt();
    expect(await running).toBe(0);
    sim.demoActivity.stop();

    expect(io.stderr).toContain(`Session journal: ${journalDir}`);
    const [info] = await new SessionJournals('', systemClock, { dir: journalDir }).list();
    expect(info).toMatchObject({ ended: true });
    const journalled = new Set<string>();
    let updateRecords = 0;
    const { records, report } = readJournal(info!.path);
    for await (const r of records)
      if (r.k === 'update' && r.verdict?.outcome !== 'duplicate') {
        updateRecords++;
        journalled.add(`${r.update.orderId}|${r.update.eventId}|${r.source}`);
      }
    expect(report).toEqual({ tornTail: false, skippedLines: 0 });
    const printed = orderLines().map((o) => `${o.orderId}|${o.eventId}|${o.source}`);
    expect(printed.filter((k) => !journalled.has(k))).toEqual([]);
    expect(info!.updates).toBe(updateRecords);
  });
});
