import { describe, expect, it } from 'vitest';
import {
  barPath,
  formatTick,
  labelEvery,
  monotonePath,
  niceTicks,
  tooltipPlace,
} from './chart-scale.ts';

describe('niceTicks', () => {
  it('covers the maximum in steps of 1, 2 or 5 × 10^k from zero', () => {
    expect(niceTicks(37, 4, true)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(0.0072, 4, false)).toEqual([0, 0.002, 0.004, 0.006, 0.008]);
    expect(niceTicks(100, 4, false)).toEqual([0, 50, 100]);
  });

  it('uses whole steps for counts, however small the maximum', () => {
    expect(niceTicks(3, 4, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1, 4, true)).toEqual([0, 1]);
  });

  it('still draws an axis when there is nothing to show', () => {
    expect(niceTicks(0, 4, true)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN, 4, false)).toEqual([0, 0.5, 1]);
  });
});

describe('formatTick', () => {
  it('prints as many decimals as the step needs, without float noise', () => {
    expect(formatTick(0.30000000000000004, 0.1)).toBe('0.3');
    expect(formatTick(0.006, 0.002)).toBe('0.006');
    expect(formatTick(40, 10)).toBe('40');
    expect(formatTick(0.75, 0.25)).toBe('0.75');
  });

  it('says large ticks in thousands or millions so that they fit the axis', () => {
    expect(formatTick(5_000, 5_000)).toBe('5000');
    expect(formatTick(20_000, 10_000)).toBe('20k');
    expect(formatTick(15_000, 5_000)).toBe('15k');
    expect(formatTick(1_500_000, 500_000)).toBe('1.5M');
  });
});

describe('labelEvery', () => {
  it('skips bars so that time labels do not overlap', () => {
    // 8-character labels at 6 px plus a 24 px gap need 72 px: every 4th 20 px bar.
    expect(labelEvery(20, 8, 6, 24)).toBe(4);
    expect(labelEvery(100, 5, 6, 24)).toBe(1);
    expect(labelEvery(0, 5, 6, 24)).toBe(1);
  });
});

describe('monotonePath', () => {
  const controlYs = (d: string) =>
    [...d.matchAll(/C([^C]+)/g)].flatMap((m) => {
      const n = m[1]!.split(',').map(Number);
      return [n[1]!, n[3]!];
    });

  it('never overshoots the points it joins (a volume line stays within its values)', () => {
    const d = monotonePath([
      [0, 100],
      [10, 0],
      [20, 0],
      [30, 100],
      [40, 90],
    ]);
    expect(d.startsWith('M0,100C')).toBe(true);
    for (const y of controlYs(d)) {
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(100);
    }
  });

  it('draws a single point as a move and nothing as nothing', () => {
    expect(monotonePath([[5, 7]])).toBe('M5,7');
    expect(monotonePath([])).toBe('');
  });
});

describe('barPath', () => {
  it('rounds the top corners of a column and the right end of a row', () => {
    expect(barPath(0, 10, 8, 20, 2, 'top')).toBe('M0,30V12Q0,10 2,10H6Q8,10 8,12V30Z');
    expect(barPath(0, 0, 50, 10, 3, 'right')).toBe('M0,0H47Q50,0 50,3V7Q50,10 47,10H0Z');
  });

  it('rounds a bar smaller than the radius only as far as it reaches', () => {
    expect(barPath(0, 9, 8, 1, 2, 'top')).toBe('M0,10V10Q0,9 1,9H7Q8,9 8,10V10Z');
  });
});

describe('tooltipPlace', () => {
  it('puts the tooltip on the side with more room', () => {
    expect(tooltipPlace(100, 600)).toEqual({ left: 112, top: 8 });
    expect(tooltipPlace(500, 600)).toEqual({ right: 112, top: 8 });
  });
});
