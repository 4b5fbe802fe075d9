import { describe, expect, it } from 'vitest';
import { RowFlashes } from './row-flashes.ts';

const HOLD_MS = 2000;
const WINDOW_MS = 5000;

describe('RowFlashes', () => {
  it('highlights a changed row for the hold after it is first drawn, then not', () => {
    const flashes = new RowFlashes(HOLD_MS, WINDOW_MS);
    expect(flashes.isFlashing('1', 10_000, 10_000)).toBe(true);
    expect(flashes.isFlashing('1', 10_000, 11_000)).toBe(true);
    expect(flashes.isFlashing('1', 10_000, 12_000)).toBe(false);
    expect(flashes.isFlashing('1', 10_000, 13_000)).toBe(false);
  });

  it('never highlights a row that did not change while watched', () => {
    expect(new RowFlashes(HOLD_MS, WINDOW_MS).isFlashing('1', null, 10_000)).toBe(false);
  });

  it('keeps a row that changes on every draw highlighted, and ends the hold after its last change', () => {
    const flashes = new RowFlashes(HOLD_MS, WINDOW_MS);
    for (let nowMs = 10_000; nowMs <= 20_000; nowMs += 1000)
      expect(flashes.isFlashing('1', nowMs - 300, nowMs)).toBe(true);
    expect(flashes.isFlashing('1', 19_700, 21_000)).toBe(true);
    expect(flashes.isFlashing('1', 19_700, 22_000)).toBe(false);
  });

  it('counts the hold from the first draw, so a change drawn late is still shown', () => {
    const flashes = new RowFlashes(HOLD_MS, WINDOW_MS);
    // Changed at 10 s, first drawn at 13 s (past the hold counted from the change).
    expect(flashes.isFlashing('1', 10_000, 13_000)).toBe(true);
    expect(flashes.isFlashing('1', 10_000, 14_000)).toBe(true);
    expect(flashes.isFlashing('1', 10_000, 15_000)).toBe(false);
  });

  it('does not highlight a change first drawn after the window, nor again once it is forgotten', () => {
    const flashes = new RowFlashes(HOLD_MS, WINDOW_MS);
    expect(flashes.isFlashing('1', 10_000, 15_000)).toBe(false);
    expect(flashes.isFlashing('2', 10_000, 10_500)).toBe(true);
    // Row 2 scrolled away, its change forgotten past the window; drawn again, it stays plain.
    expect(flashes.isFlashing('3', 16_000, 16_000)).toBe(true);
    expect(flashes.isFlashing('2', 10_000, 16_000)).toBe(false);
  });

  it('highlights each row on its own', () => {
    const flashes = new RowFlashes(HOLD_MS, WINDOW_MS);
    expect(flashes.isFlashing('1', 10_000, 10_000)).toBe(true);
    expect(flashes.isFlashing('2', null, 10_000)).toBe(false);
    expect(flashes.isFlashing('3', 11_500, 12_000)).toBe(true);
    expect(flashes.isFlashing('1', 10_000, 12_000)).toBe(false);
    expect(flashes.isFlashing('3', 11_500, 13_000)).toBe(true);
  });
});
