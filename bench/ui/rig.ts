/**
 * What the UI bench measures, started in this process as `alpha-monitor serve` runs it: the
 * simulator, the browser host with the app's services monitoring one simulator account (as
 * `serve --credentials-file`), and the built page in Debian's Chromium (headless, software
 * rendering) with the probe installed. Pushes go out through the simulator's socket.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { nullLogger } from '../../src/main/core/ports/logger.ts';
import { runHost, type RunningHost } from '../../src/main/host/run-host.ts';
import { startSimulator } from '../../src/main/sim/index.ts';
import { MemorySecretStore } from '../../test/fakes/memory-secret-store.ts';
import { benchOrder, fillFrame } from './frames.ts';
import { installProbe } from './probe.ts';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const ACCOUNT_ID = 'bench-ui';
/** Seeded orders are numbered from here; the bench's live orders from LIVE_ORDER_ID_BASE. */
const SEED_ORDER_ID_BASE = 4_000_000_000;

export interface UiRig {
  readonly page: Page;
  /** Sends one executionReport to the monitored account, as the exchange pushes. */
  push(data: Record<string, unknown>): void;
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
    const home = await mkdtemp(join(tmpdir(), 'alpha-monitor-bench-ui-'));
    cleanups.push(() => rm(home, { recursive: true, force: true }));
    // The bench's orders exist only in its pushes: the clock reconciliation (every 60 s by
    // default) would find them unknown to the exchange. The longest interval a user can set.
    await writeFile(join(home, 'settings.json'), JSON.stringify({ reconcileIntervalS: 3600 }));
    const running: RunningHost = await runHost({
      port: 0,
      restUrl: sim.restUrl,
      wsUrl: sim.wsUrl,
      rendererDir: options.rendererDir,
      env: {
        ...process.env,
        ALPHA_MONITOR_HOME: home,
        ALPHA_MONITOR_KEYCHAIN_SERVICE: 'alpha-monitor-bench-ui',
      },
      logger: nullLogger,
      secrets: new MemorySecretStore(),
      credentialsFile: { accountId: ACCOUNT_ID, label: 'Bench', credentials: account.credentials },
    });
    cleanups.push(() => running.dispose());
    const { handlers } = running.app;
    const accepted = async () =>
      (await handlers.getMonitorSnapshot({ accountId: ACCOUNT_ID })).stats.updatesAccepted;
    await waitUntil('the monitor to be live', options.readyTimeoutMs, async () =>
      (await handlers.listConnections(undefined)).some(
        (c) => c.accountId === ACCOUNT_ID && c.state === 'live',
      ),
    );
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
    await page.goto(running.host.url);
    await page.getByTestId('monitor').waitFor({ timeout: options.readyTimeoutMs });
    await waitUntil('the seeded orders on the page', options.readyTimeoutMs, async () => {
      const total = await page.getByTestId('orders-count').getAttribute('data-total');
      return Number(total) >= options.seedOrders;
    });
    return { page, push, dispose };
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
