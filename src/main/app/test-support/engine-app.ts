import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi, type ContractApi } from '../../../shared/ipc/create-api.ts';
import type { ContractHandlers } from '../../../shared/ipc/dispatch.ts';
import { createInMemoryTransportPair } from '../../../shared/ipc/in-memory.ts';
import type { EventSink } from '../../../shared/ipc/transport.ts';
import { createAcceleratedClock } from '../../core/ports/clock.ts';
import { nullLogger } from '../../core/ports/logger.ts';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../sim/index.ts';
import { createAppRoot, type AppRoot } from '../app-root.ts';
import { createEngineMonitorFactory } from '../engine-adapters.ts';
import { FakeAccounts } from './fake-engine.ts';

/** The real app (engine adapters, journals, services) over an in-memory transport, against a simulator. */
export interface EngineApp {
  sim: Simulator;
  api: ContractApi;
  root: AppRoot;
  dataDir: string;
  /** Every event pushed to the renderer, as JSON text (to look for secrets). */
  seen: string[];
  dispose(): Promise<void>;
}

/**
 * Starts a simulator on 127.0.0.1:0 and an app root whose demo exchange is that simulator
 * (without demo activity), sharing one accelerated clock. `api.startDemo({ activity: false })`
 * then adds the demo account and starts its real AccountMonitor.
 */
export async function startEngineApp(
  options: { speed?: number; sim?: SimulatorOptions; notificationGroupWindowMs?: number } = {},
): Promise<EngineApp> {
  const clock = createAcceleratedClock({ speed: options.speed ?? 10 });
  const sim = await startSimulator({ port: 0, clock, ...options.sim });
  const dataDir = await mkdtemp(join(tmpdir(), 'am-engine-app-'));
  const seen: string[] = [];
  const ref: { handlers?: ContractHandlers } = {};
  const lazy = new Proxy(
    {},
    {
      get: (_t, key: string) => (p: never) =>
        (ref.handlers![key as keyof ContractHandlers] as (p: never) => unknown)(p),
    },
  );
  const pair = createInMemoryTransportPair(lazy as ContractHandlers);
  const events: EventSink = {
    emit(name, payload) {
      seen.push(JSON.stringify({ name, payload }));
      pair.sink.emit(name, payload);
    },
  };
  const root = await createAppRoot({
    host: 'browser',
    version: '0.0.0-test',
    dataDir,
    clock,
    logger: nullLogger,
    accounts: new FakeAccounts(),
    createMonitor: createEngineMonitorFactory({ clock, logger: nullLogger }),
    createDemoExchange: async () => ({
      restUrl: sim.restUrl,
      wsUrl: sim.wsUrl,
      credentials: sim.demoAccount.credentials,
      addAccount: () => sim.createAccount().credentials,
      startActivity: () => sim.demoActivity.start(),
      stopActivity: () => sim.demoActivity.stop(),
      // The simulator itself is disposed by this harness, after the app.
      dispose: async () => {},
    }),
    exportTarget: {
      async choose(name) {
        const path = join(dataDir, name);
        return { path, finish: (rows) => ({ kind: 'saved', path, rows }) };
      },
    },
    events,
    notificationGroupWindowMs: options.notificationGroupWindowMs,
  });
  ref.handlers = root.handlers;
  return {
    sim,
    api: createApi(pair.client),
    root,
    dataDir,
    seen,
    async dispose() {
      await root.dispose();
      await sim.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` (real time, no threshold asserted) until it holds; throws with `what` if it never does. */
export async function waitUntil(
  check: () => boolean,
  what: string,
  attempts = 1000,
): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never happened: ${what}`);
}
