import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildCurl } from '../../../e2e/support/sim-client.ts';
import { createAcceleratedClock } from '../core/ports/clock.ts';
import { readJournal } from '../core/journal/journal-reader.ts';
import { startSimulator, type Simulator } from '../sim/index.ts';
import { parseServerFrame, HOST_TOKEN_PARAM } from '../../shared/ipc/wire.ts';
import type { OrderUpdate } from '../../shared/domain/order-update.ts';
import type { OrderUpdatesBatch } from '../../shared/ipc/views-monitor.ts';
import { startCli } from '../../../test/fakes/cli-process.ts';
import { waitFor } from '../../../test/fakes/wait-for.ts';

// Shown means journalled: `alpha-monitor serve` (the browser host, as shipped) monitors an
// account on a simulator with fast demo activity; a contract client records every update the
// page was sent; the host is killed with SIGKILL at a seeded random moment; every update the
// page was shown must be in the journal on disk.

const KILLS = [
  { seed: 11, killAfterUpdates: 0 },
  { seed: 23, killAfterUpdates: 0 },
  { seed: 37, killAfterUpdates: 0 },
  { seed: 41, killAfterUpdates: 0 },
].map((k) => ({ ...k, killAfterUpdates: 5 + Math.floor(mulberry32(k.seed)() * 300) }));

/** A small seeded PRNG (the moment of each kill is reproducible). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const keyOf = (u: OrderUpdate, source: string) =>
  `${u.orderId}|${u.eventId}|${source}|${u.status}|${u.cumulativeFilledQty}`;

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
  cleanup = [];
});

async function startServe(home: string, rendererDir: string) {
  const cli = startCli(['serve', '--json'], {
    ALPHA_MONITOR_HOME: home,
    ALPHA_MONITOR_RENDERER_DIR: rendererDir,
    ALPHA_MONITOR_KEYCHAIN_SERVICE: `alpha-monitor-kill-test-${process.pid}`,
  });
  const { url } = await cli.jsonLine<{ url: string }>((json) => typeof json === 'object');
  return { cli, url };
}

/** A Node client of the contract over the host's socket, as the page is. */
async function connectClient(pageUrl: string) {
  const page = new URL(pageUrl);
  const token = page.searchParams.get(HOST_TOKEN_PARAM)!;
  // A program, not a page: the token goes in a header (a page gets a session cookie instead).
  const ws = new WebSocket(`ws://${page.host}/api/ws`, {
    origin: page.origin,
    headers: { authorization: `Bearer ${token}` },
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  const shown: string[] = [];
  ws.on('message', (data: Buffer) => {
    const frame = parseServerFrame(data.toString());
    if (frame?.t === 'res') pending.get(frame.id)?.(frame.result);
    for (const { event, payload } of frame?.t === 'evts' ? frame.events : [])
      if (event === 'orderUpdates')
        for (const u of (payload as OrderUpdatesBatch).updates)
          shown.push(keyOf(u.update, u.source));
  });
  const call = (channel: string, payload: unknown) =>
    new Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>(
      (resolve) => {
        const id = nextId++;
        pending.set(id, resolve as (r: unknown) => void);
        ws.send(JSON.stringify({ t: 'req', id, channel, payload }));
      },
    );
  return { ws, shown, call };
}

/** Every update in the journals on disk (a torn last line, the kill mid-write, is tolerated). */
async function journalledKeys(home: string): Promise<Set<string>> {
  const dir = join(home, 'sessions');
  const keys = new Set<string>();
  for (const name of await readdir(dir)) {
    const { records } = readJournal(join(dir, name));
    for await (const r of records) if (r.k === 'update') keys.add(keyOf(r.update, r.source));
  }
  return keys;
}

describe('kill -9 of the browser host', () => {
  it.each(KILLS)(
    'every update the page was shown is in the journal (seed $seed, kill after $killAfterUpdates)',
    async ({ killAfterUpdates }) => {
      const sim: Simulator = await startSimulator({
        port: 0,
        clock: createAcceleratedClock({ speed: 20 }),
        fillDelayMs: 200,
      });
      cleanup.push(() => sim.dispose());
      const home = await mkdtemp(join(tmpdir(), 'am-kill-'));
      cleanup.push(() => rm(home, { recursive: true, force: true }));
      const rendererDir = join(home, 'renderer');
      await mkdir(rendererDir, { recursive: true });
      await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');

      const serve = await startServe(home, rendererDir);
      cleanup.push(async () => {
        serve.cli.kill('SIGKILL');
        await serve.cli.exited;
      });
      const client = await connectClient(serve.url);
      cleanup.push(async () => void client.ws.terminate());

      const added = await client.call('addAccountFromCurl', {
        curl: buildCurl(sim.demoAccount.credentials),
        label: 'kill-test',
        restUrl: sim.restUrl,
        wsUrl: sim.wsUrl,
      });
      expect(added.error).toBeUndefined();
      const accountId = (added.value as { account: { id: string } }).account.id;
      const started = await client.call('startMonitor', { accountId });
      expect(started.error).toBeUndefined();
      sim.demoActivity.start({ ordersPerMinute: 600 });

      await waitFor(() => client.shown.length >= killAfterUpdates, {
        intervalMs: 10,
        timeoutMs: 110_000,
        what: () => `${killAfterUpdates} updates shown\n${serve.cli.stderr}`,
      });
      serve.cli.kill('SIGKILL');
      await serve.cli.exited;
      const shownAtKill = [...client.shown];
      sim.demoActivity.stop();

      const keys = await journalledKeys(home);
      const missing = shownAtKill.filter((k) => !keys.has(k));
      expect(shownAtKill.length).toBeGreaterThanOrEqual(killAfterUpdates);
      expect(missing).toEqual([]);
    },
    120_000,
  );
});
