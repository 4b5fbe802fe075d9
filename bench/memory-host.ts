/**
 * The host side of the memory mode (a child of bench/memory.ts, run with --expose-gc so its
 * heap after a full GC is what it retains): the browser host and the app's services as
 * `alpha-monitor serve` wires them, monitoring N simulator accounts. Reports the heap on request.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { nullLogger } from '../src/main/core/ports/logger.ts';
import type { SessionCredentials } from '../src/main/core/credentials/session-credentials.ts';
import { startBrowserHost } from '../src/main/host/browser-host.ts';
import { createHeadlessAppRoot, DEFAULT_RENDERER_DIR } from '../src/main/host/run-host.ts';
import type { OrderUpdatesBatch } from '../src/shared/ipc/views-monitor.ts';
import { MemorySecretStore } from '../test/fakes/memory-secret-store.ts';
import { serveAsChild } from './ui/child-ipc.ts';

export interface MemoryHostTask {
  restUrl: string;
  wsUrl: string;
  accounts: Array<{ id: string; credentials: SessionCredentials }>;
}
/** Heap and RSS after a full GC, MB. */
export interface HeapSample {
  heapMb: number;
  rssMb: number;
  /** Order updates the app has handed on to its pages so far. */
  updates: number;
}
export type MemoryHostMessage =
  | { kind: 'base'; sample: HeapSample }
  | { kind: 'live'; sample: HeapSample }
  | { kind: 'progress'; updates: number }
  | { kind: 'sample'; sample: HeapSample };
/** Besides `task` and `stop`: sample once this many updates have been handed on. */
export interface SampleRequest {
  kind: 'sample';
  afterUpdates: number;
}

const send = (message: MemoryHostMessage) => process.send!(message);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let updates = 0;
let reported = 0;

async function sample(): Promise<HeapSample> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the memory host needs node --expose-gc');
  // Twice, with a turn of the event loop between: weak references and finalisers settle.
  gc();
  await sleep(50);
  gc();
  const usage = process.memoryUsage();
  return { heapMb: usage.heapUsed / 2 ** 20, rssMb: usage.rss / 2 ** 20, updates };
}

async function run(task: MemoryHostTask, stopped: Promise<void>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'alpha-monitor-bench-memory-'));
  // The orders exist only in the pushes: no clock reconciliation during the run.
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ reconcileIntervalS: 3600 }));
  const host = await startBrowserHost({
    rendererDir: DEFAULT_RENDERER_DIR,
    exportsDir: join(dataDir, 'exports'),
    token: 'bench-memory',
    port: 0,
    logger: nullLogger,
  });
  const app = await createHeadlessAppRoot({
    restUrl: task.restUrl,
    wsUrl: task.wsUrl,
    logger: nullLogger,
    secrets: new MemorySecretStore(),
    env: { ...process.env, ALPHA_MONITOR_KEYCHAIN_SERVICE: 'alpha-monitor-bench-memory' },
    dataDir,
    exportTarget: { choose: async () => null },
    events: {
      emit(name, payload) {
        if (name === 'orderUpdates') {
          updates += (payload as OrderUpdatesBatch).updates.length;
          if (updates - reported >= 1000) send({ kind: 'progress', updates: (reported = updates) });
        }
        host.events.emit(name, payload);
      },
    },
  });
  host.setHandlers(app.handlers);
  try {
    send({ kind: 'base', sample: await sample() });
    for (const [i, account] of task.accounts.entries())
      await app.handlers.addAccountFromCurl({
        curl: curlOf(account.credentials),
        label: `Bench ${i + 1}`,
        restUrl: task.restUrl,
        wsUrl: task.wsUrl,
      });
    const accounts = await app.handlers.listAccounts(undefined);
    await app.handlers.startMonitors({ accountIds: accounts.map((a) => a.id) });
    for (;;) {
      const { rows } = await app.handlers.getFleet(undefined);
      if (rows.length === task.accounts.length && rows.every((r) => r.state === 'live')) break;
      await sleep(250);
    }
    send({ kind: 'live', sample: await sample() });
    await stopped;
  } finally {
    await app.dispose();
    await host.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The request a trader copies from the browser's dev tools, as the app's add dialog takes it. */
function curlOf(credentials: SessionCredentials): string {
  const headers = Object.entries(credentials.headers).map(([k, v]) => `-H '${k}: ${v}'`);
  return [
    `curl 'https://www.binance.com/bapi/accounts/v1/private/account/get-user-base-info'`,
    ...headers,
    `-b '${credentials.cookies}'`,
  ].join(' ');
}

serveAsChild(run);
process.on('message', (request: SampleRequest | { kind: string }) => {
  if (request.kind !== 'sample') return;
  const { afterUpdates } = request as SampleRequest;
  void (async () => {
    while (updates < afterUpdates) await sleep(50);
    const heap = await sample();
    // BENCH_MEMORY_HEAP_SNAPSHOT=<dir>: a heap snapshot at each sample, to see what is retained.
    const dir = process.env.BENCH_MEMORY_HEAP_SNAPSHOT;
    if (dir) writeHeapSnapshot(join(dir, `memory-${afterUpdates}.heapsnapshot`));
    send({ kind: 'sample', sample: heap });
  })();
});
