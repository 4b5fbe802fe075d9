/**
 * What the UI bench measures: the simulator (in this process, with the sender), the browser
 * host with the app's services monitoring one simulator account as `serve --credentials-file`
 * runs them (a child process: bench/ui/ui-host.ts), and the built page in Debian's Chromium
 * (headless, software rendering) with the probe installed. Pushes go out through the
 * simulator's socket.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSimulator } from '../../src/main/sim/index.ts';
import { forkBenchChild, nextMessage, stopChild } from './child-ipc.ts';
import { benchOrder, fillFrame } from './frames.ts';
import { installProbe, type ProbeWindow } from './probe.ts';
import type { UiHostMessage, UiHostRequest, UiHostTask } from './ui-host.ts';

const HOST = fileURLToPath(new URL('./ui-host.ts', import.meta.url));
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
/** Seeded orders are numbered from here; the bench's live orders from LIVE_ORDER_ID_BASE. */
const SEED_ORDER_ID_BASE = 4_000_000_000;

export interface UiRig {
  readonly page: Page;
  /** Sends one executionReport to the monitored account, as the exchange pushes. */
  push(data: Record<string, unknown>): void;
  /** The page's JavaScript heap in use after a full collection, MB. */
  pageHeapMb(): Promise<number>;
  dispose(): Promise<void>;
}

export interface UiRigOptions {
  /** Ended orders put in the table before the page opens. */
  seedOrders: number;
  rendererDir?: string;
  /** Longest wait for the page (and the seeded table) to be ready. */
  readyTimeoutMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(what: string, timeoutMs: number, check: () => Promise<boolean>) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`bench:ui: timed out waiting for ${what}`);
    await sleep(200);
  }
}

export async function startRig(options: UiRigOptions): Promise<UiRig> {
  const cleanups: Array<() => Promise<unknown>> = [];
  const dispose = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const sim = await startSimulator({ port: 0, demoPointsHistory: false });
    cleanups.push(() => sim.dispose());
    const account = sim.createAccount();
    // BENCH_UI_PROFILE_DIR: the host's CPU profile too, for its whole life (<dir>/host/).
    const profileDir = process.env.BENCH_UI_PROFILE_DIR;
    const child = forkBenchChild(
      HOST,
      profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, 'host')}`] : [],
    );
    cleanups.push(() => stopChild(child));
    const live = nextMessage<UiHostMessage, 'live'>(child, 'live');
    const task: UiHostTask = {
      restUrl: sim.restUrl,
      wsUrl: sim.wsUrl,
      credentials: account.credentials,
      rendererDir: options.rendererDir,
    };
    child.send({ kind: 'task', task } satisfies UiHostRequest);
    const { url } = await live;
    const accepted = async () => {
      const answer = nextMessage<UiHostMessage, 'accepted'>(child, 'accepted');
      child.send({ kind: 'accepted' } satisfies UiHostRequest);
      return (await answer).updates;
    };
    const push = (data: Record<string, unknown>) => {
      if (!sim.pushToAccount(account.userId, data))
        throw new Error('bench:ui: the account has no live listen key');
    };
    await seed(push, options.seedOrders);
    await waitUntil('the seeded orders in the monitor', options.readyTimeoutMs, async () => {
      await sleep(800);
      return (await accepted()) >= options.seedOrders;
    });

    const browser: Browser = await chromium.launch({
      executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    cleanups.push(() => browser.close());
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: 'dark',
    });
    // As source text: tsx (esbuild) names functions through a `__name` helper the page lacks.
    await context.addInitScript({ content: `var __name = (f) => f; (${String(installProbe)})();` });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`bench:ui: page error: ${error.message}`));
    await page.goto(url);
    await page.getByTestId('monitor').waitFor({ timeout: options.readyTimeoutMs });
    await waitUntil('the seeded orders on the page', options.readyTimeoutMs, async () => {
      const total = await page.evaluate(() =>
        (globalThis as unknown as ProbeWindow).document
          .querySelector('[data-testid="orders-count"]')
          ?.getAttribute('data-total'),
      );
      return Number(total ?? -1) >= options.seedOrders;
    });
    const pageHeapMb = async () => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      await cdp.detach();
      return usedSize / 1e6;
    };
    return { page, push, pageHeapMb, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** `count` orders that ended (one fill each), created before the bench started, oldest first. */
async function seed(push: (data: Record<string, unknown>) => void, count: number) {
  const startMs = Date.now() - count * 1000 - 3_600_000;
  for (let i = 0; i < count; i++) {
    const createdMs = startMs + i * 1000;
    push(fillFrame(benchOrder(String(SEED_ORDER_ID_BASE + i), 1, createdMs), 1, createdMs + 500));
    // Let the host read what was sent (one socket, in this process) before sending more.
    if (i % 500 === 499) await new Promise((r) => setImmediate(r));
  }
}
