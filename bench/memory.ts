/**
 * Memory mode of npm run bench: one host process (a child, run with --expose-gc, so its heap is
 * its own) monitoring N simulator accounts through the app's full path, fed OTO life cycles as
 * fast as it takes them, every order of which ends. Measured after a full GC: MB per account
 * (live, no orders yet), then the heap every 100,000 updates; the growth is what the app keeps
 * per ended update (the journal on disk is the record; the goal is ≤ 100 bytes).
 */
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../src/main/sim/index.ts';
import { FRAMES_PER_LIFE_CYCLE, LifeCycleFrames } from './memory-frames.ts';
import type {
  HeapSample,
  MemoryHostMessage,
  MemoryHostTask,
  SampleRequest,
} from './memory-host.ts';
import { forkBenchChild, nextMessage, stopChild } from './ui/child-ipc.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const HOST = fileURLToPath(new URL('./memory-host.ts', import.meta.url));

/**
 * BENCH_MEMORY_ACCOUNTS (default 20), BENCH_MEMORY_UPDATES (default 200,000), sampled 4 times;
 * BENCH_MEMORY_FEED_PER_S: send at most this many updates a second (default: as fast as the
 * host takes them), to see that the figure does not depend on the feed rate.
 */
export function memoryOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): MemoryBenchOptions {
  const updates = Number(env.BENCH_MEMORY_UPDATES ?? 200_000);
  // Whole life cycles between samples.
  const sampleEvery = Math.max(
    FRAMES_PER_LIFE_CYCLE,
    Math.round(updates / 4 / FRAMES_PER_LIFE_CYCLE) * FRAMES_PER_LIFE_CYCLE,
  );
  // Four samples, the last at the end: the run is whole sampling periods long.
  const periods = Math.max(1, Math.round(updates / sampleEvery));
  return {
    accounts: Number(env.BENCH_MEMORY_ACCOUNTS ?? 20),
    updates: periods * sampleEvery,
    sampleEvery,
    feedPerS: env.BENCH_MEMORY_FEED_PER_S ? Number(env.BENCH_MEMORY_FEED_PER_S) : null,
  };
}

/** `memory mode: ...`: what the run does, printed before it. */
export function memoryHeading(o: MemoryBenchOptions): string {
  return (
    `memory mode: ${o.accounts} accounts through the app's full path (browser host, monitors, journals), ` +
    `${o.updates.toLocaleString('en')} updates of OTO life cycles that all end` +
    (o.feedPerS ? ` (at most ${o.feedPerS.toLocaleString('en')}/s)` : '') +
    `, heap after a full GC every ${o.sampleEvery.toLocaleString('en')}`
  );
}

export interface MemoryBenchOptions {
  accounts: number;
  /** Updates sent in all (spread over the accounts), measured every `sampleEvery`. */
  updates: number;
  sampleEvery: number;
  /** At most this many updates sent a second; null: as fast as the host takes them. */
  feedPerS: number | null;
}

export interface MemoryFigures {
  accounts: number;
  base: HeapSample;
  live: HeapSample;
  samples: HeapSample[];
  /** How fast the updates were taken, from the first sent to the last sample (updates/s). */
  feedPerS: number;
}

export async function measureMemory(options: MemoryBenchOptions): Promise<MemoryFigures> {
  const sim = await startSimulator({ port: 0, demoPointsHistory: false });
  const child = forkBenchChild(HOST);
  let applied = 0;
  child.on('message', (m: MemoryHostMessage) => {
    if (m.kind === 'progress') applied = m.updates;
  });
  try {
    const users = Array.from({ length: options.accounts }, () => sim.createAccount());
    const task: MemoryHostTask = {
      restUrl: sim.restUrl,
      wsUrl: sim.wsUrl,
      accounts: users.map((u, i) => ({ id: `bench-${i + 1}`, credentials: u.credentials })),
    };
    const base = nextMessage<MemoryHostMessage, 'base'>(child, 'base');
    const live = nextMessage<MemoryHostMessage, 'live'>(child, 'live');
    child.send({ kind: 'task', task });
    const figures: MemoryFigures = {
      accounts: options.accounts,
      base: (await base).sample,
      live: (await live).sample,
      samples: [],
      feedPerS: 0,
    };
    const startedAtMs = performance.now();
    const frames = users.map(() => new LifeCycleFrames());
    let sent = 0;
    while (sent < options.updates) {
      const stopAt = Math.min(options.updates, (figures.samples.length + 1) * options.sampleEvery);
      // Whole life cycles, round the accounts, never far ahead of what the host has applied.
      const allowed = (ms: number) =>
        options.feedPerS === null ? Infinity : ((ms - startedAtMs) / 1000) * options.feedPerS;
      while (sent < stopAt && sent - applied < 3_000 && sent < allowed(performance.now())) {
        const account = (sent / FRAMES_PER_LIFE_CYCLE) % users.length;
        for (const data of frames[account]!.next(Date.now()))
          sim.pushToAccount(users[account]!.userId, data);
        sent += FRAMES_PER_LIFE_CYCLE;
      }
      if (sent < stopAt) {
        if (sent - applied < 3_000) await sleep(20);
        else await nextMessage<MemoryHostMessage, 'progress'>(child, 'progress');
        continue;
      }
      const sample = nextMessage<MemoryHostMessage, 'sample'>(child, 'sample');
      child.send({ kind: 'sample', afterUpdates: sent } satisfies SampleRequest);
      figures.samples.push((await sample).sample);
    }
    figures.feedPerS = options.updates / ((performance.now() - startedAtMs) / 1000);
    return figures;
  } finally {
    await stopChild(child);
    await sim.dispose();
  }
}

const mb = (value: number) => value.toFixed(1);

/** The memory mode's printed lines. */
export function memoryLines(f: MemoryFigures): string[] {
  const perAccountMb = (f.live.heapMb - f.base.heapMb) / f.accounts;
  const perAccountRssMb = (f.live.rssMb - f.base.rssMb) / f.accounts;
  const lines = [
    `memory: ${f.accounts} accounts live, ${mb(f.live.heapMb)} MB heap after GC ` +
      `(${perAccountMb.toFixed(2)} MB/account heap, ${perAccountRssMb.toFixed(2)} MB/account RSS), ` +
      `fed at ${Math.round(f.feedPerS).toLocaleString('en')} updates/s`,
  ];
  let previous = f.live;
  for (const s of f.samples) {
    const growthMb = s.heapMb - previous.heapMb;
    const per100k = (growthMb * 100_000) / Math.max(1, s.updates - previous.updates);
    lines.push(
      `  after ${s.updates.toLocaleString('en')} updates: ${mb(s.heapMb)} MB heap, ${mb(s.rssMb)} MB RSS, ` +
        `${per100k >= 0 ? '+' : ''}${mb(per100k)} MB heap per 100,000 updates`,
    );
    previous = s;
  }
  // Growth from the first sample on (the first 100,000 include one-off warm-up: JIT, caches).
  const first = f.samples[0];
  const last = f.samples.at(-1);
  if (first && last && last.updates > first.updates) {
    const bytesPerUpdate =
      ((last.heapMb - first.heapMb) * 2 ** 20) / (last.updates - first.updates);
    lines.push(
      `  growth per 100,000 updates: ${mb((bytesPerUpdate * 100_000) / 2 ** 20)} MB heap ` +
        `(from ${first.updates.toLocaleString('en')} to ${last.updates.toLocaleString('en')} updates)`,
      `  retained per ended update: ${Math.round(bytesPerUpdate)} bytes (the same growth; goal ≤ 100)`,
    );
  }
  return lines;
}

/** Runs the memory mode and prints its heading and lines (npm run bench, bench/memory-main.ts). */
export async function printMemoryMode(options = memoryOptionsFromEnv()): Promise<void> {
  console.log(memoryHeading(options));
  for (const line of memoryLines(await measureMemory(options))) console.log(line);
}
