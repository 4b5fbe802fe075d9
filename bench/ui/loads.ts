/**
 * One load of the UI bench: a fresh set of orders at the top of the table, advanced at a fixed
 * rate (each update one more unit filled, the last one FILLED), every push stamped with the
 * time it left the simulator; then the page's records are matched to the sends.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { measureLoad, type LoadMeasurement, type SentUpdate } from './figures.ts';
import { benchOrder, fillFrame, newFrame } from './frames.ts';
import type { ProbeDrain, ProbeWindow } from './probe.ts';
import type { UiRig } from './rig.ts';

/** How many orders each load moves: they stay at the top of the table, all visible. */
export const LIVE_ORDERS = 15;
/** An update not on screen this long after its send counts as never shown. */
export const SHOWN_LIMIT_MS = 20_000;
const TICK_MS = 5;
const CATCH_UP_TIMEOUT_MS = 120_000;
let nextLiveOrderId = 6_000_000_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Collects the probe's records across drains: fps seconds and, per order, [qty, ms] shown. */
export class ProbeRecords {
  readonly fps: Array<[number, number]> = [];
  readonly shown = new Map<string, Array<[number, number]>>();
  socketMessages = 0;
  socketChars = 0;

  constructor(private readonly page: Page) {}

  async drain(): Promise<void> {
    const drained: ProbeDrain = await this.page.evaluate(() =>
      (globalThis as unknown as ProbeWindow).__benchProbe!.drain(),
    );
    this.fps.push(...drained.fps);
    this.socketMessages += drained.socketMessages;
    this.socketChars += drained.socketChars;
    for (const [id, qty, ms] of drained.shown) {
      let list = this.shown.get(id);
      if (!list) this.shown.set(id, (list = []));
      list.push([qty, ms]);
    }
  }

  /** Drains every `everyMs` while `during` runs. */
  async collectWhile<T>(during: Promise<T>, everyMs = 500): Promise<T> {
    let done = false;
    const result = during.finally(() => (done = true));
    while (!done) {
      await Promise.race([result.catch(() => undefined), sleep(everyMs)]);
      await this.drain();
    }
    return result;
  }
}

/** The page's fps over `durationMs` with nothing sent. */
export async function measureIdle(records: ProbeRecords, durationMs: number) {
  const startMs = Date.now();
  await records.collectWhile(sleep(durationMs));
  return records.fps.filter(([s]) => s >= startMs && s + 1000 <= Date.now());
}

/** Sends `rate` updates per second for `durationMs`, paced on a short tick. */
async function drive(
  rig: UiRig,
  orders: ReturnType<typeof benchOrder>[],
  rate: number,
  durationMs: number,
): Promise<SentUpdate[]> {
  const sent: SentUpdate[] = [];
  const total = Math.round((rate * durationMs) / 1000);
  const startMs = Date.now();
  while (sent.length < total) {
    const due = Math.min(total, Math.floor(((Date.now() - startMs) * rate) / 1000) + 1);
    while (sent.length < due) {
      const order = orders[sent.length % orders.length]!;
      const sentMs = Date.now();
      rig.push(fillFrame(order, 1, sentMs));
      sent.push({ orderId: order.orderId, qty: order.executedQty.toNumber(), sentMs });
    }
    await sleep(TICK_MS);
  }
  return sent;
}

/**
 * BENCH_UI_PROFILE_DIR=dir: a Chromium CPU profile of the page while a load is sent
 * (`<dir>/<table>-<rate>-per-s.cpuprofile`, for DevTools' Performance panel).
 */
async function startPageProfile(page: Page, name: string) {
  const dir = process.env.BENCH_UI_PROFILE_DIR;
  if (!dir) return null;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      await mkdir(dir, { recursive: true });
      const table = await shownTotal(page);
      await writeFile(join(dir, `${table ?? 'table'}-${name}.cpuprofile`), JSON.stringify(profile));
      await cdp.detach();
    },
  };
}

/**
 * BENCH_UI_TRACE_DIR=dir: a Chromium trace of the page while a load is sent
 * (`<dir>/<table>-<rate>-per-s.json`, the Performance panel's categories: where the main
 * thread's time goes besides JavaScript: style, layout, paint).
 */
async function startPageTrace(page: Page, name: string) {
  const dir = process.env.BENCH_UI_TRACE_DIR;
  const browser = page.context().browser();
  if (!dir || !browser) return null;
  await mkdir(dir, { recursive: true });
  const table = await shownTotal(page);
  await browser.startTracing(page, {
    path: join(dir, `${table ?? 'table'}-${name}.json`),
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
  });
  return { stop: () => browser.stopTracing() };
}

/** The table's order count as the page shows it. */
function shownTotal(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() =>
    (globalThis as unknown as ProbeWindow).document
      .querySelector('[data-testid="orders-count"]')
      ?.getAttribute('data-total'),
  );
}

export async function runLoad(
  rig: UiRig,
  records: ProbeRecords,
  rate: number,
  durationMs: number,
): Promise<LoadMeasurement> {
  const total = Math.round((rate * durationMs) / 1000);
  const createdMs = Date.now();
  // Each order's quantity is the number of updates it gets, so every one ends FILLED.
  const orders = Array.from({ length: LIVE_ORDERS }, (_, i) =>
    benchOrder(
      String(nextLiveOrderId++),
      Math.floor(total / LIVE_ORDERS) + (i < total % LIVE_ORDERS ? 1 : 0),
      createdMs,
    ),
  );
  for (const order of orders) rig.push(newFrame(order, Date.now()));
  // Start from a page that shows the new orders and has caught up with them (a page still
  // behind from the previous load starts behind: said in the figures).
  const caughtUp = await rig.page
    .waitForFunction(
      (ids) => {
        const shown = new Set(
          [
            ...(globalThis as unknown as ProbeWindow).document.querySelectorAll(
              '[data-testid="order-row"]',
            ),
          ].map((row) => row.getAttribute('data-order-id')),
        );
        return ids.every((id) => shown.has(id));
      },
      orders.map((o) => o.orderId),
      { timeout: CATCH_UP_TIMEOUT_MS, polling: 250 },
    )
    .then(
      () => true,
      () => false,
    );
  await records.collectWhile(sleep(1000));
  const [messagesBefore, charsBefore] = [records.socketMessages, records.socketChars];
  const profile = await startPageProfile(rig.page, `${rate}-per-s`);
  const trace = await startPageTrace(rig.page, `${rate}-per-s`);
  const sent = await records.collectWhile(drive(rig, orders, rate, durationMs));
  await profile?.stop();
  await trace?.stop();
  // Then until every order shows its last update, or the limit has passed for the last send.
  const lastOf = new Map(sent.map((u) => [u.orderId, u.qty]));
  const allShown = () =>
    [...lastOf].every(([id, qty]) => (records.shown.get(id)?.at(-1)?.[0] ?? 0) >= qty);
  const deadlineMs = (sent.at(-1)?.sentMs ?? Date.now()) + SHOWN_LIMIT_MS;
  while (!allShown() && Date.now() < deadlineMs) {
    await sleep(250);
    await records.drain();
  }
  return {
    ...measureLoad({ rate, sent, shown: records.shown, fps: records.fps, limitMs: SHOWN_LIMIT_MS }),
    pageMessages: records.socketMessages - messagesBefore,
    pageChars: records.socketChars - charsBefore,
    startedBehind: !caughtUp,
  };
}
