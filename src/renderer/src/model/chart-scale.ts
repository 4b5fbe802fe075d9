/**
 * The arithmetic of the monitor's small SVG charts: axis ticks, the volume line's curve and
 * how many time labels fit. Everything is computed from numbers and fixed sizes (the chart's
 * box, a font's fixed average glyph width), never by measuring text in the page, so drawing a
 * chart forces no layout.
 */

/** Ticks from 0 to at least `max`: about `count` steps of 1, 2 or 5 × 10^k (whole steps if `integer`). */
export function niceTicks(max: number, count: number, integer: boolean): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const raw = top / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  let step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
  if (integer) step = Math.max(1, Math.ceil(step));
  const ticks: number[] = [];
  const steps = Math.ceil(top / step - 1e-9);
  for (let i = 0; i <= steps; i++) ticks.push(roundTo(i * step, step));
  return ticks;
}

/** Decimal places a tick of this step needs (0.25 → 2, 5 → 0). */
export function stepDecimals(step: number): number {
  if (!(step > 0)) return 0;
  return Math.max(0, Math.min(12, -Math.floor(Math.log10(step) + 1e-9) + (isRound(step) ? 0 : 1)));
}

/**
 * A tick's label: as many decimals as its step needs, no float noise (0.30000000000000004);
 * from 10,000 on in thousands or millions (20k, 1.5M), so it fits a fixed-width axis.
 */
export function formatTick(value: number, step: number): string {
  for (const [unit, suffix] of [
    [1_000_000, 'M'],
    [1_000, 'k'],
  ] as const) {
    if (Math.abs(value) >= 10 * unit || (unit === 1_000_000 && Math.abs(value) >= unit))
      return `${(value / unit).toFixed(stepDecimals(step / unit))}${suffix}`;
  }
  return value.toFixed(stepDecimals(step));
}

function isRound(step: number): boolean {
  const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
  const lead = step / power;
  return Math.abs(lead - Math.round(lead)) < 1e-9;
}

function roundTo(value: number, step: number): number {
  return Number(value.toFixed(stepDecimals(step)));
}

/**
 * Every how many bars a time label goes, so that labels of `labelChars` characters at
 * `charWidthPx` each stay at least `minGapPx` apart on bars `bandPx` wide.
 */
export function labelEvery(
  bandPx: number,
  labelChars: number,
  charWidthPx: number,
  minGapPx: number,
): number {
  if (!(bandPx > 0)) return 1;
  return Math.max(1, Math.ceil((labelChars * charWidthPx + minGapPx) / bandPx));
}

/**
 * An SVG path through `points` (x increasing) with a monotone cubic curve: it never overshoots
 * between two points (Fritsch–Carlson tangents, as d3's curveMonotoneX), so a volume line does
 * not dip below zero or above a peak.
 */
export function monotonePath(points: ReadonlyArray<readonly [number, number]>): string {
  const n = points.length;
  if (n === 0) return '';
  const p = (i: number) => points[i]!;
  if (n === 1) return `M${fmt(p(0)[0])},${fmt(p(0)[1])}`;
  const slopes: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    const dx = p(i + 1)[0] - p(i)[0];
    slopes.push(dx === 0 ? 0 : (p(i + 1)[1] - p(i)[1]) / dx);
  }
  const tangents: number[] = [slopes[0]!];
  for (let i = 1; i < n - 1; i++) {
    const a = slopes[i - 1]!;
    const b = slopes[i]!;
    tangents.push(a * b <= 0 ? 0 : (3 * a * b) / (Math.max(a, b) * 2 + Math.min(a, b)));
  }
  tangents.push(slopes[n - 2]!);
  let d = `M${fmt(p(0)[0])},${fmt(p(0)[1])}`;
  for (let i = 0; i < n - 1; i++) {
    const [x0, y0] = p(i);
    const [x1, y1] = p(i + 1);
    const h = (x1 - x0) / 3;
    d += `C${fmt(x0 + h)},${fmt(y0 + h * tangents[i]!)},${fmt(x1 - h)},${fmt(y1 - h * tangents[i + 1]!)},${fmt(x1)},${fmt(y1)}`;
  }
  return d;
}

const fmt = (value: number) => String(Math.round(value * 100) / 100);

/** Where a chart's tooltip goes for a point at `x` in a box `width` wide: beside it, on the side with more room. */
export function tooltipPlace(
  x: number,
  width: number,
): { left: number; top: number } | { right: number; top: number } {
  return x < width / 2 ? { left: x + 12, top: 8 } : { right: width - x + 12, top: 8 };
}

/**
 * A bar's outline with the two corners at its `rounded` end (its top, or its right end for a
 * horizontal bar) rounded by `r`, less when the bar is smaller than that.
 */
export function barPath(
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
  rounded: 'top' | 'right',
): string {
  const k = Math.max(0, Math.min(r, rounded === 'top' ? w / 2 : h / 2, rounded === 'top' ? h : w));
  const [l, t, rr, b] = [x, y, x + w, y + h].map(fmt);
  if (rounded === 'top')
    return `M${l},${b}V${fmt(y + k)}Q${l},${t} ${fmt(x + k)},${t}H${fmt(x + w - k)}Q${rr},${t} ${rr},${fmt(y + k)}V${b}Z`;
  return `M${l},${t}H${fmt(x + w - k)}Q${rr},${t} ${rr},${fmt(y + k)}V${fmt(y + h - k)}Q${rr},${b} ${fmt(x + w - k)},${b}H${l}Z`;
}
