/**
 * npm run bench: CPU time per frame through parse + validate + order-book apply (ingest), beside
 * the floor (bare JSON.parse of the same frames), ccxt pro binance's executionReport path and
 * the app's whole path per frame (journal, batches; bench/app-path.ts), all measured in the
 * same run; then the fleet mode:
 * one host process monitoring 50 and 200 simulator accounts beside one account (bench/fleet.ts).
 * Last the memory mode (bench/memory.ts): heap retained per ended update over a long run.
 * A benchmark, not a test. BENCH_FLEET=0 skips the fleet mode, BENCH_MEMORY=0 the memory mode.
 */
import { OrderBook } from '../src/main/core/book/order-book.ts';
import { parseFrame } from '../src/main/core/parser/parse-frame.ts';
import { buildReplay } from './replay.ts';
import { fleetLine, measureFleet } from './fleet.ts';
import { ccxtPath, measureAppPath } from './app-path.ts';
import { printMemoryMode } from './memory.ts';

const LIFE_CYCLES = Number(process.env.BENCH_LIFE_CYCLES ?? 30_000); // × 6 frames
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

function floor(frames: readonly string[]): number {
  let sink = 0;
  for (const text of frames) {
    const value = JSON.parse(text) as { data?: { id?: number } };
    sink += value.data?.id ?? 0;
  }
  return sink;
}

function ingest(frames: readonly string[]): number {
  const book = new OrderBook();
  let applied = 0;
  for (const text of frames) {
    const parsed = parseFrame(text);
    if (parsed.kind === 'order-update' && book.apply(parsed.update).outcome === 'applied')
      applied++;
  }
  if (applied !== frames.length)
    throw new Error(`expected every frame applied, got ${applied}/${frames.length}`);
  return applied;
}

/** CPU time (this process, all threads: GC included), so other load on the machine counts less. */
function timeMs(frames: readonly string[], fn: (f: readonly string[]) => number): number {
  const started = process.cpuUsage();
  fn(frames);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

const frames = buildReplay(LIFE_CYCLES);
console.log(
  `replay: ${frames.length} frames (${LIFE_CYCLES} OTO life cycles from the captured frames), best of ${ROUNDS} rounds`,
);
// Warm the paths up so the JIT treats them alike.
floor(frames.slice(0, 60_000));
ingest(frames.slice(0, 60_000));
ccxtPath(frames.slice(0, 6_000));
// Alternate them in every round so machine load (2 shared cores) hits all alike; keep the best
// (least disturbed) time of each. ccxt is slow: it gets a tenth of the frames.
const ccxtFrames = frames.slice(0, Math.ceil(frames.length / 10));
let floorBestMs = Infinity;
let ingestBestMs = Infinity;
let ccxtBestMs = Infinity;
for (let round = 0; round < ROUNDS; round++) {
  floorBestMs = Math.min(floorBestMs, timeMs(frames, floor));
  ingestBestMs = Math.min(ingestBestMs, timeMs(frames, ingest));
  ccxtBestMs = Math.min(ccxtBestMs, timeMs(ccxtFrames, ccxtPath));
}
const perFrameUs = (ms: number, n = frames.length) => (ms * 1000) / n;
const floorUs = perFrameUs(floorBestMs);
const ingestUs = perFrameUs(ingestBestMs);
const ccxtUs = perFrameUs(ccxtBestMs, ccxtFrames.length);
const APP_FRAMES = Number(process.env.BENCH_APP_FRAMES ?? 30_000);
const APP_ROUNDS = Number(process.env.BENCH_APP_ROUNDS ?? 3);
let appUs = Infinity;
for (let round = 0; round < APP_ROUNDS; round++)
  appUs = Math.min(appUs, await measureAppPath(frames.slice(0, APP_FRAMES)));
const us = (v: number) => `${v.toFixed(2)} µs`;
console.log(
  `CPU per frame (best of ${ROUNDS} rounds; app path best of ${APP_ROUNDS} × ${APP_FRAMES} frames):`,
);
console.log(`  floor (bare JSON.parse):            ${us(floorUs)}`);
console.log(
  `  ingest (parse + validate + book):   ${us(ingestUs)}  = ${(floorUs / ingestUs).toFixed(2)} of the floor's speed`,
);
console.log(
  `  app path (+ mask, journal, batches): ${us(appUs)}  = ${(appUs / ingestUs).toFixed(2)}× ingest`,
);
console.log(
  `  ccxt pro binance (executionReport): ${us(ccxtUs)}  = ingest is ${(ccxtUs / ingestUs).toFixed(1)}× faster`,
);

// --- fleet mode ----------------------------------------------------------------------------
const FLEET_SIZES = (process.env.BENCH_FLEET_SIZES ?? '50,200').split(',').map(Number);
const fleetOptions = {
  ordersPerMinute: Number(process.env.BENCH_FLEET_ORDERS_PER_MINUTE ?? 12),
  warmupMs: Number(process.env.BENCH_FLEET_WARMUP_MS ?? 5_000),
  measureMs: Number(process.env.BENCH_FLEET_MEASURE_MS ?? 20_000),
};
if (process.env.BENCH_FLEET !== '0') {
  console.log(
    `fleet mode: each account trades by itself (${fleetOptions.ordersPerMinute} orders/min), measured for ${fleetOptions.measureMs / 1000} s after all are live`,
  );
  const single = await measureFleet(1, fleetOptions);
  for (const n of FLEET_SIZES) console.log(fleetLine(await measureFleet(n, fleetOptions), single));
}

// --- memory mode (bench/memory.ts) ---------------------------------------------------------
if (process.env.BENCH_MEMORY !== '0') await printMemoryMode();
