/**
 * The host side of the fleet bench (a child process of bench/fleet.ts): the app's real
 * services (monitors, journals, points, fleet) for N simulator accounts, measured from inside.
 * Told what to watch over the IPC channel; answers with its figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionCredentials } from '../src/main/core/credentials/session-credentials.ts';
import type { OrderUpdatesBatch } from '../src/shared/ipc/views-monitor.ts';
import type { EventSink } from '../src/shared/ipc/transport.ts';
import { createAppRoot } from '../src/main/app/app-root.ts';
import {
  createEngineMonitorFactory,
  createSimulatorDemoFactory,
} from '../src/main/app/engine-adapters.ts';
import { FakeAccounts } from '../src/main/app/test-support/fake-engine.ts';
import { systemClock } from '../src/main/core/ports/clock.ts';
import { nullLogger } from '../src/main/core/ports/logger.ts';

export interface FleetHostTask {
  restUrl: string;
  wsUrl: string;
  accounts: Array<{ id: string; credentials: SessionCredentials }>;
}
export interface FleetHostFigures {
  accounts: number;
  rssMb: number;
  /** RSS of the same process with the app built and no monitor started. */
  baseRssMb: number;
  updatesPerS: number;
  /** Receive (frame in the host) → journalled, applied and in the window's batch, p99. */
  p99ApplyMs: number;
  cpuMsPerUpdate: number;
}
type Message =
  { kind: 'task'; task: FleetHostTask } | { kind: 'measure'; warmupMs: number; measureMs: number };

const send = (message: unknown) => process.send!(message);
const rssMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 2 ** 20;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let measuring = false;
let updates = 0;
const latencies: number[] = [];
const events: EventSink = {
  emit(name, payload) {
    if (!measuring || name !== 'orderUpdates') return;
    const now = Date.now();
    for (const u of (payload as OrderUpdatesBatch).updates) {
      updates++;
      latencies.push(now - u.receivedAtMs);
    }
  },
};

async function run(
  task: FleetHostTask,
  measure: () => Promise<{ warmupMs: number; measureMs: number }>,
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'alpha-monitor-bench-fleet-'));
  const accounts = new FakeAccounts();
  const app = await createAppRoot({
    host: 'browser',
    version: 'bench',
    dataDir,
    clock: systemClock,
    logger: nullLogger,
    accounts,
    createMonitor: createEngineMonitorFactory({ clock: systemClock, logger: nullLogger }),
    createDemoExchange: createSimulatorDemoFactory(),
    exportTarget: { choose: async () => null },
    events,
  });
  try {
    const baseRssMb = rssMb();
    for (const [i, a] of task.accounts.entries())
      await accounts.addDirect({
        id: a.id,
        label: `Bench ${i + 1}`,
        environment: 'custom',
        connection: {
          accountId: a.id,
          credentials: a.credentials,
          restUrl: task.restUrl,
          wsUrl: task.wsUrl,
        },
      });
    await app.handlers.startMonitors({ accountIds: task.accounts.map((a) => a.id) });
    for (;;) {
      const { rows } = await app.handlers.getFleet(undefined);
      if (rows.length === task.accounts.length && rows.every((r) => r.state === 'live')) break;
      await sleep(250);
    }
    send({ kind: 'live' });
    const { warmupMs, measureMs } = await measure();
    await sleep(warmupMs);
    measuring = true;
    const cpuStart = process.cpuUsage();
    const startedMs = Date.now();
    await sleep(measureMs);
    measuring = false;
    const elapsedS = (Date.now() - startedMs) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    latencies.sort((a, b) => a - b);
    const figures: FleetHostFigures = {
      accounts: task.accounts.length,
      rssMb: rssMb(),
      baseRssMb,
      updatesPerS: updates / elapsedS,
      p99ApplyMs:
        latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0,
      cpuMsPerUpdate: updates > 0 ? (cpu.user + cpu.system) / 1000 / updates : 0,
    };
    send({ kind: 'figures', figures });
  } finally {
    await app.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

let resolveMeasure: (m: { warmupMs: number; measureMs: number }) => void = () => {};
const measured = new Promise<{ warmupMs: number; measureMs: number }>((r) => (resolveMeasure = r));
process.on('message', (message: Message) => {
  if (message.kind === 'measure') resolveMeasure(message);
  else
    void run(message.task, () => measured).then(
      () => process.disconnect(),
      (error: unknown) => {
        send({ kind: 'error', message: String(error) });
        process.disconnect();
      },
    );
});
