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

/** One round's order book, fed chunk by chunk (the same work as one pass over all frames). */
function ingestInto(book: OrderBook, frames: readonly string[]): number {
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

function ingest(frames: readonly string[]): number {
  return ingestInto(new OrderBook(), frames);
}

/** CPU time (this process, all threads: GC included), so other load on the machine counts less. */
function timeMs(frames: readonly string[], fn: (f: readonly string[]) => number): number {
  const started = process.cpuUsage();
  fn(frames);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const frames = buildReplay(LIFE_CYCLES);
const CHUNK = 6_000; // 1,000 life cycles, about 30-60 ms of CPU each
console.log(
  `replay: ${frames.length} frames (${LIFE_CYCLES} OTO life cycles from the captured frames), ${ROUNDS} rounds`,
);
// Warm the paths up so the JIT treats them alike.
floor(frames.slice(0, 60_000));
ingest(frames.slice(0, 60_000));
ccxtPath(frames.slice(0, 6_000));
// The machine is shared (2 cores, other work, a VM whose speed drifts), so each ratio is paired:
// every round feeds all frames to one order book in chunks, and each chunk is timed through the
// floor and through ingest back to back (their order alternating), so a chunk's two times see the
// same machine. The ratio printed is the median over all chunks of all rounds; the µs are the
// medians of the per-chunk times. ccxt is slow: it gets a tenth of the frames, paired per round.
const ccxtFrames = frames.slice(0, Math.ceil(frames.length / 10));
const floorUsPerFrame: number[] = [];
const ingestUsPerFrame: number[] = [];
const ingestOverFloor: number[] = [];
const ccxtOverIngest: number[] = [];
const ccxtUsPerFrame: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const book = new OrderBook();
  for (let start = 0, k = 0; start < frames.length; start += CHUNK, k++) {
    const chunk = frames.slice(start, start + CHUNK);
    let floorMs: number;
    let ingestMs: number;
    if ((round + k) % 2 === 0) {
      floorMs = timeMs(chunk, floor);
      ingestMs = timeMs(chunk, (f) => ingestInto(book, f));
    } else {
      ingestMs = timeMs(chunk, (f) => ingestInto(book, f));
      floorMs = timeMs(chunk, floor);
    }
    floorUsPerFrame.push((floorMs * 1000) / chunk.length);
    ingestUsPerFrame.push((ingestMs * 1000) / chunk.length);
    ingestOverFloor.push(floorMs / ingestMs);
  }
  const ccxtMs = timeMs(ccxtFrames, ccxtPath);
  const ingestSameMs = timeMs(ccxtFrames, ingest);
  ccxtUsPerFrame.push((ccxtMs * 1000) / ccxtFrames.length);
  ccxtOverIngest.push(ccxtMs / ingestSameMs);
}
const floorUs = median(floorUsPerFrame);
const ingestUs = median(ingestUsPerFrame);
const APP_FRAMES = Number(process.env.BENCH_APP_FRAMES ?? 30_000);
const APP_ROUNDS = Number(process.env.BENCH_APP_ROUNDS ?? 11);
// The app path paired the same way: each round times ingest on the same frames right before or
// after the app path (alternating), and the ratio printed is the median of the rounds' ratios.
const appFrames = frames.slice(0, APP_FRAMES);
const appUsPerFrame: number[] = [];
const appOverIngest: number[] = [];
for (let round = 0; round < APP_ROUNDS; round++) {
  let appUs: number;
  let ingestMs: number;
  if (round % 2 === 0) {
    ingestMs = timeMs(appFrames, ingest);
    appUs = await measureAppPath(appFrames);
  } else {
    appUs = await measureAppPath(appFrames);
    ingestMs = timeMs(appFrames, ingest);
  }
  appUsPerFrame.push(appUs);
  appOverIngest.push(appUs / ((ingestMs * 1000) / appFrames.length));
}
const us = (v: number) => `${v.toFixed(2)} µs`;
const spread = (values: readonly number[], digits = 2) =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
console.log(
  `CPU per frame, medians (${ROUNDS} rounds × ${Math.ceil(frames.length / CHUNK)} chunks paired; app path ${APP_ROUNDS} rounds × ${APP_FRAMES} frames paired with ingest):`,
);
console.log(`  floor (bare JSON.parse):            ${us(floorUs)}`);
console.log(
  `  ingest (parse + validate + book):   ${us(ingestUs)}  = ${median(ingestOverFloor).toFixed(2)} of the floor's speed (chunks ${spread(ingestOverFloor)})`,
);
console.log(
  `  app path (+ mask, journal, batches): ${us(median(appUsPerFrame))}  = ${median(appOverIngest).toFixed(2)}× ingest (rounds ${spread(appOverIngest)})`,
);
console.log(
  `  ccxt pro binance (executionReport): ${us(median(ccxtUsPerFrame))}  = ingest is ${median(ccxtOverIngest).toFixed(1)}× faster (rounds ${spread(ccxtOverIngest, 1)})`,
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
