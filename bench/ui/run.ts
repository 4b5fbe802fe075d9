/**
 * npm run bench:ui: push → screen in the real page. For each run and each table (empty, and
 * with 100,000 ended orders already in it), the page's idle fps, then each load:
 * fps as a fraction of idle, push → screen p50/p99 as a multiple of the idle frame time, the
 * share of updates never shown within 20 s, and after a burst how long until all was on screen.
 * A benchmark, not a test. BENCH_UI_RUNS (default 3) repeats it; BENCH_UI_TABLES (default
 * `0,100000`) and BENCH_UI_LOADS (rates, e.g. `200,2000`) narrow it; BENCH_UI_RENDERER_DIR
 * serves another build than out/renderer; BENCH_UI_PROFILE_DIR and BENCH_UI_TRACE_DIR write a
 * CPU profile and a trace of the page per load (bench/ui/loads.ts); BENCH_UI_QUICK=1 is a
 * one-minute smoke of the harness.
 */
import { cpus, loadavg } from 'node:os';
import { relativeFigures, type LoadFigures } from './figures.ts';
import { figuresLine, summaryLine } from './report.ts';
import { runUiBench, type UiBenchPlan, type UiLoad } from './ui-bench.ts';

const env = process.env;
const quick = env.BENCH_UI_QUICK === '1';
const FULL_LOADS: UiLoad[] = [
  { label: '20/s', rate: 20, durationMs: 20_000 },
  { label: '50/s', rate: 50, durationMs: 20_000 },
  { label: '200/s', rate: 200, durationMs: 20_000 },
  { label: 'burst 2,000/s', rate: 2_000, durationMs: 10_000, burst: true },
];
const onlyRates = env.BENCH_UI_LOADS?.split(',').map(Number);
const plan: UiBenchPlan = quick
  ? {
      idleMs: 2_000,
      tables: [0, 200],
      loads: [
        { label: '20/s', rate: 20, durationMs: 2_000 },
        { label: 'burst 200/s', rate: 200, durationMs: 1_000, burst: true },
      ],
    }
  : {
      idleMs: 10_000,
      tables: (env.BENCH_UI_TABLES ?? '0,100000').split(',').map(Number),
      loads: FULL_LOADS.filter((l) => !onlyRates || onlyRates.includes(l.rate)),
    };
const runs = Number(env.BENCH_UI_RUNS ?? (quick ? 1 : 3));

const load = () => loadavg()[0]!.toFixed(1);
console.log(
  `bench:ui: headless Chromium, software rendering, 1440x900, ${cpus().length} cores (load average ${load()}); ` +
    `each load advances 15 orders at the top of the table; ${runs} run(s)`,
);
const all = new Map<string, LoadFigures[]>();
for (let run = 1; run <= runs; run++) {
  await runUiBench(plan, {
    rendererDir: env.BENCH_UI_RENDERER_DIR,
    onTable: (seeded, idle, loaded) =>
      console.log(
        `run ${run}/${runs}, table with ${seeded.toLocaleString('en')} orders: idle ${idle.toFixed(1)} fps ` +
          `(frame ${(1000 / idle).toFixed(1)} ms), load average ${load()}; the page's load received ` +
          `${(loaded.socketChars / 1e6).toFixed(1)} MB, its heap after it ${loaded.heapMb.toFixed(0)} MB`,
      ),
    onLoad: (seeded, load, measurement, idle) => {
      const figures = relativeFigures(measurement, idle);
      const key = `${seeded.toLocaleString('en')} orders, ${load.label}`;
      all.set(key, [...(all.get(key) ?? []), figures]);
      console.log(`  ${figuresLine(load, measurement, figures, idle)}`);
    },
  });
}
if (runs > 1) {
  console.log(`over ${runs} runs (min / median / max):`);
  for (const [key, figures] of all) console.log(`  ${key}: ${summaryLine(figures)}`);
}
