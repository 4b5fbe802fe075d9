/** The UI bench's printed lines. */
import { median, type LoadFigures, type LoadMeasurement } from './figures.ts';
import type { UiLoad } from './ui-bench.ts';

const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');
const frames = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');
const percent = (value: number) => `${(value * 100).toFixed(value > 0 && value < 0.01 ? 2 : 0)} %`;
const seconds = (ms: number | null) =>
  ms === null ? 'not within 20 s' : `${(ms / 1000).toFixed(2)} s`;

/**
 * `20/s for 20 s (400 sent, 20.0/s): fps 0.98 × idle (worst second 0.95), push → screen
 * p50 1.2 / p99 3.4 frames (20 / 57 ms), never shown 0 %` (a burst adds when all was shown).
 */
export function figuresLine(
  load: UiLoad,
  m: LoadMeasurement,
  f: LoadFigures,
  idleFps: number,
): string {
  const frameMs = 1000 / idleFps;
  const ms = (value: number) => (Number.isFinite(value) ? (value * frameMs).toFixed(0) : '–');
  const line =
    `${load.label} for ${load.durationMs / 1000} s (${m.sent} sent, ${m.achievedRate.toFixed(1)}/s): ` +
    `fps ${ratio(f.fpsMedian)} × idle (worst second ${ratio(f.fpsWorst)}), ` +
    `push → screen p50 ${frames(f.p50Frames)} / p99 ${frames(f.p99Frames)} frames ` +
    `(${ms(f.p50Frames)} / ${ms(f.p99Frames)} ms), never shown ${percent(f.neverShownFraction)}, ` +
    `page received ${m.pageMessages ?? 0} messages (${((m.pageChars ?? 0) / 1e6).toFixed(1)} MB)`;
  const behind = m.startedBehind ? ' (started with the page still behind the previous load)' : '';
  return load.burst
    ? `${line}, all on screen ${seconds(f.settleMs)} after the burst${behind}`
    : `${line}${behind}`;
}

const spread = (values: number[], format: (v: number) => string) => {
  const sorted = [...values].sort((a, b) => a - b);
  return [sorted[0]!, median(sorted), sorted.at(-1)!].map(format).join(' / ');
};

/** Min / median / max of each figure over the runs. */
export function summaryLine(runs: LoadFigures[]): string {
  const settled = runs.map((f) => f.settleMs ?? Infinity);
  return (
    `fps ${spread(
      runs.map((f) => f.fpsMedian),
      ratio,
    )} × idle ` +
    `(worst second ${spread(
      runs.map((f) => f.fpsWorst),
      ratio,
    )}), ` +
    `p50 ${spread(
      runs.map((f) => f.p50Frames),
      frames,
    )} frames, ` +
    `p99 ${spread(
      runs.map((f) => f.p99Frames),
      frames,
    )} frames, ` +
    `never shown ${spread(
      runs.map((f) => f.neverShownFraction),
      percent,
    )}` +
    (runs.some((f) => f.settleMs !== null) || settled.length > 0
      ? `, all on screen after ${spread(settled, (v) => (Number.isFinite(v) ? `${(v / 1000).toFixed(2)} s` : '–'))}`
      : '')
  );
}
