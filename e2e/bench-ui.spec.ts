import { expect, test } from '@playwright/test';
import type { LoadMeasurement } from '../bench/ui/figures.ts';
import { runUiBench, type UiLoad } from '../bench/ui/ui-bench.ts';

/**
 * The UI bench's harness (npm run bench:ui) at a tiny size, so that it cannot rot: the
 * simulator, the host and the page start, the probe reports frames and rows, every update sent
 * is accounted for. No figure is judged here: that is the bench's job, on a quiet machine.
 */
test('bench:ui measures a tiny load and a tiny burst on an empty and a seeded table', async () => {
  test.setTimeout(600_000);
  const idle: Array<{ seeded: number; fps: number }> = [];
  const loads: Array<{ seeded: number; load: UiLoad; m: LoadMeasurement }> = [];
  await runUiBench(
    {
      idleMs: 2_000,
      tables: [0, 40],
      loads: [
        { label: '5/s', rate: 5, durationMs: 3_000 },
        { label: 'burst 60/s', rate: 60, durationMs: 1_000, burst: true },
      ],
    },
    {
      onTable: (seeded, fps) => idle.push({ seeded, fps }),
      onLoad: (seeded, load, m) => loads.push({ seeded, load, m }),
    },
  );

  expect(idle.map((t) => t.seeded)).toEqual([0, 40]);
  for (const { fps } of idle) expect(fps).toBeGreaterThan(0);
  expect(loads).toHaveLength(4);
  for (const { load, m } of loads) {
    expect(m.sent).toBe((load.rate * load.durationMs) / 1000);
    // Every update is either matched to the row showing it or counted as never shown.
    expect(m.latenciesMs.length + m.neverShown).toBe(m.sent);
    expect(m.latenciesMs.length).toBeGreaterThan(0);
    expect(m.pageMessages).toBeGreaterThan(0);
  }
  // Three whole seconds of sending: the page's frames were counted while it ran.
  for (const { m } of loads.filter((l) => !l.load.burst))
    expect(m.fpsPerSecond.length).toBeGreaterThan(0);
});
