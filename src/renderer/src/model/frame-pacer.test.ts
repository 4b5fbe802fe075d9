import { describe, expect, it } from 'vitest';
import { FramePacer, MAX_HOLD_MS, NOMINAL_FRAME_MS } from './frame-pacer.ts';

/**
 * A page whose frames that tell the views take `tellMs` and the others one refresh; returns,
 * over `frames` animation frames with changes waiting in each, which of them told the views
 * and the frame timestamps.
 */
function run(pacer: FramePacer, frames: number, tellMs: (i: number) => number) {
  const told: boolean[] = [];
  const at: number[] = [];
  let nowMs = 1_000;
  for (let i = 0; i < frames; i++) {
    pacer.frameStarted(nowMs);
    const tells = pacer.mayTell(nowMs);
    if (tells) pacer.told(nowMs);
    told.push(tells);
    at.push(nowMs);
    nowMs += tells ? tellMs(i) : NOMINAL_FRAME_MS;
  }
  return { told, at };
}

describe('FramePacer', () => {
  it('tells the views every frame while frames keep up, and after one slow frame', () => {
    const { told } = run(new FramePacer(), 60, (i) => (i === 10 || i === 30 ? 80 : 10));
    expect(told.every(Boolean)).toBe(true);
  });

  it('when frames that tell the views keep running long, leaves the page about half its time', () => {
    const { told, at } = run(new FramePacer(), 200, () => 45);
    const busyMs = told.filter(Boolean).length * 45;
    const elapsedMs = at.at(-1)! - at[0]!;
    expect(busyMs / elapsedMs).toBeLessThan(0.6);
    // Frames per second: more than the 22 of telling the views every frame.
    expect(told.length / (elapsedMs / 1000)).toBeGreaterThan(35);
    // It still tells them: never more than one hold (its length) between two renders.
    let gap = 0;
    for (const t of told) {
      gap = t ? 0 : gap + 1;
      expect(gap * NOMINAL_FRAME_MS).toBeLessThanOrEqual(45 + NOMINAL_FRAME_MS);
    }
  });

  it('stops holding back after a fast frame', () => {
    const { told } = run(new FramePacer(), 40, (i) => (i < 12 ? 45 : 10));
    expect(told.slice(-20).every(Boolean)).toBe(true);
  });

  it('holds back for at most a quarter of a second, however long the frames', () => {
    const { told } = run(new FramePacer(), 200, () => 2_000);
    let gap = 0;
    for (const t of told) {
      gap = t ? 0 : gap + 1;
      expect(gap * NOMINAL_FRAME_MS).toBeLessThanOrEqual(MAX_HOLD_MS + NOMINAL_FRAME_MS);
    }
  });
});
