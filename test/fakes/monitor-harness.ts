import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/main/sim/index.ts';
import { placeRestingOto as placeRestingOtoOnSim } from '../../src/main/sim/testing/demo-session.ts';
import { AlphaRestClient } from '../../src/main/core/rest/index.ts';
import {
  createAccountMonitor,
  type AccountMonitor,
  type AccountMonitorSettings,
  type MonitorOrderUpdate,
} from '../../src/main/core/monitor/index.ts';
import type { SessionState } from '../../src/main/core/stream/index.ts';
import type { Clock } from '../../src/main/core/ports/clock.ts';
import { createStreamLogger } from '../../src/main/core/ports/logger.ts';
import type { SessionCredentials } from '../../src/main/core/credentials/session-credentials.ts';
import { waitFor } from './wait-for.ts';

/**
 * A real simulator on 127.0.0.1 plus a real AccountMonitor for its demo account, with
 * everything the monitor emits recorded. For engine integration tests.
 */
export interface MonitorHarness {
  sim: Simulator;
  rest: AlphaRestClient;
  monitor: AccountMonitor;
  states: SessionState[];
  updates: MonitorOrderUpdate[];
  frames: string[];
  listenKeysRequested: () => number;
  /** Every line the monitor logged (for secret checks). */
  logLines: string[];
  /** Every listen key the monitor obtained (full, secret: for leak checks only). */
  issuedKeys: string[];
  /** Resolves when `predicate` holds (checked every 20 ms; a generous timeout, never a measurement). */
  until(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  dispose(): Promise<void>;
}

export async function startMonitorHarness(
  options: {
    sim?: SimulatorOptions;
    monitor?: AccountMonitorSettings;
    clock?: Clock;
    /** Changes the demo account's session before the monitor uses it (e.g. to spoil it). */
    credentials?: (demo: SessionCredentials) => SessionCredentials;
  } = {},
): Promise<MonitorHarness> {
  const sim = await startSimulator({
    priceStepFraction: 0,
    splitFillProbability: 0,
    partialFillProbability: 0,
    ...options.sim,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const credentials =
    options.credentials?.(sim.demoAccount.credentials) ?? sim.demoAccount.credentials;
  const rest = new AlphaRestClient({ baseUrl: sim.restUrl, credentials, timeoutMs: 5_000 });
  // The harness keeps every key it handed out, so tests can check none leaked.
  const issuedKeys: string[] = [];
  let keyRequests = 0;
  const countingRest = Object.assign(Object.create(rest) as AlphaRestClient, {
    getListenKey: (o?: { signal?: AbortSignal }) => {
      keyRequests++;
      return rest.getListenKey(o).then((key) => {
        issuedKeys.push(key);
        return key;
      });
    },
  });
  const logLines: string[] = [];
  const logger = createStreamLogger({ minLevel: 'debug', write: (line) => logLines.push(line) });
  const monitor = createAccountMonitor({
    accountId: sim.demoAccount.userId,
    rest: countingRest,
    wsUrl: sim.wsUrl,
    clock: options.clock ?? sim.clock,
    logger,
    options: { backoff: { baseMs: 50, capMs: 200 }, ...options.monitor },
  });
  const states: SessionState[] = [];
  const updates: MonitorOrderUpdate[] = [];
  const frames: string[] = [];
  monitor.onDidChangeState(({ state }) => states.push(state));
  monitor.onDidReceiveOrderUpdate((e) => updates.push(e));
  monitor.onDidReceiveFrame((f) => frames.push(f.text));
  return {
    sim,
    rest,
    monitor,
    states,
    updates,
    frames,
    listenKeysRequested: () => keyRequests,
    logLines,
    issuedKeys,
    until: (predicate, what, timeoutMs) =>
      waitFor(predicate, {
        timeoutMs,
        intervalMs: 20,
        what: () => `${what}; states: ${states.map((s) => s.name).join(' → ')}`,
      }),
    async dispose() {
      await monitor.dispose();
      await sim.dispose();
    },
  };
}

/**
 * Places the simulator's resting OTO for the demo account (working BUY 100 ALEO below the
 * market, NEW until filled; the pending SELL is priced to fill once activated). Ids come back
 * as strings, as the stream's `i`.
 */
export async function placeRestingOto(
  harness: MonitorHarness,
): Promise<{ workingOrderId: string; pendingOrderId: string }> {
  const ids = await placeRestingOtoOnSim(harness.sim);
  return { workingOrderId: String(ids.workingOrderId), pendingOrderId: String(ids.pendingOrderId) };
}

/**
 * Fills the resting OTO's working BUY (100, seen by the monitor, nothing filled yet) in four
 * fills, 10, 20, 30 and the rest, with fill 3's frame lost: the stream delivers fill 4 above a
 * hole the book keeps until reconciliation recovers fill 3 from the order's fills. Resolves once
 * fills 1 and 2 are in the book and fills 3 and 4 are made (fill 4's frame may still be on its way).
 */
export async function fillWithFrameLostBelowLater(
  harness: MonitorHarness,
  orderId: string,
  timeoutMs: number,
): Promise<void> {
  const filledInBook = () => harness.monitor.book.get(orderId)?.current.cumulativeFilledQty;
  harness.sim.orders.fillNow(orderId, '10');
  harness.sim.orders.fillNow(orderId, '20');
  await harness.until(() => filledInBook() === '30', 'fills 1 and 2', timeoutMs);
  // Fill 3's frame is lost; fill 4 (the rest) arrives: the book's filled quantity is the
  // exchange's, so only the order's own fills can show that 30 of it were never counted.
  harness.sim.faults.loseNextPushes(1);
  harness.sim.orders.fillNow(orderId, '30');
  harness.sim.orders.fillNow(orderId);
}
