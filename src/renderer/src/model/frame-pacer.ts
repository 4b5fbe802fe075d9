/** One refresh at 60 Hz. */
export const NOMINAL_FRAME_MS = 1000 / 60;
/** A frame that told the views and took this long (render and paint included) missed a refresh. */
export const SLOW_FRAME_MS = 2 * NOMINAL_FRAME_MS;
/** Slow frames in a row before the pacer holds the views back (one slow frame is a hiccup). */
export const SLOW_FRAMES_IN_A_ROW = 3;
/** The longest the views are held back at a time (a frame that long was a hidden page, or worse). */
export const MAX_HOLD_MS = 250;

/**
 * When the page cannot keep up, paces how often the views are told (see frame-publisher.ts).
 * Normally every animation frame with changes tells them. When frames that told them keep
 * taking more than two refreshes (a burst of thousands of updates a second on a slow machine:
 * render, style, layout and paint of every changed row each frame), the next one waits as long
 * as the last one took: the page then spends at most about half its time on them, so scrolling,
 * clicks and everything else still get frames, and each render carries everything that arrived
 * meanwhile (nothing is dropped, it shows a few frames later). A fast frame ends the pacing.
 */
export class FramePacer {
  /** Start of the last frame that told the views, until the next frame measures it. */
  private toldAtMs: number | null = null;
  private slowInARow = 0;
  private holdUntilMs = -Infinity;

  /** At the start of every animation frame (`frameMs`: its timestamp). */
  frameStarted(frameMs: number): void {
    if (this.toldAtMs === null) return;
    const tookMs = frameMs - this.toldAtMs;
    this.toldAtMs = null;
    this.slowInARow = tookMs >= SLOW_FRAME_MS ? this.slowInARow + 1 : 0;
    if (this.slowInARow >= SLOW_FRAMES_IN_A_ROW)
      this.holdUntilMs = frameMs + Math.min(tookMs, MAX_HOLD_MS);
  }

  /** Whether this frame may tell the views (false while holding back). */
  mayTell(frameMs: number): boolean {
    return frameMs >= this.holdUntilMs;
  }

  /** This frame tells the views: the next frame's start says how long it took. */
  told(frameMs: number): void {
    this.toldAtMs = frameMs;
  }
}
