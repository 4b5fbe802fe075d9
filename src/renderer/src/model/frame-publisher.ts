import { FramePacer } from './frame-pacer.ts';

/** Runs `callback` before the next paint (an animation frame). */
export type ScheduleFrame = (callback: () => void) => void;

let queued: (() => void)[] = [];
let frameRequested = false;
const pacer = new FramePacer();

function runQueued(): void {
  const callbacks = queued;
  queued = [];
  for (const callback of callbacks) {
    try {
      callback();
    } catch (error) {
      // One failing store must not keep the others from publishing: report it on its own.
      setTimeout(() => {
        throw error;
      });
    }
  }
}

function requestFrame(): void {
  if (frameRequested) return;
  frameRequested = true;
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(onAnimationFrame);
  else
    setTimeout(() => {
      frameRequested = false;
      runQueued();
    }, 16);
}

function onAnimationFrame(frameMs: number): void {
  frameRequested = false;
  pacer.frameStarted(frameMs);
  if (queued.length === 0) return;
  if (!pacer.mayTell(frameMs)) return requestFrame();
  pacer.told(frameMs);
  runQueued();
  // The next frame says how long this one took (and tells what arrived meanwhile).
  requestFrame();
}

/**
 * Before the next paint in a page; every 16 ms where there is no page (tests, a worker).
 * Everything scheduled for one frame runs in one callback, so every store that changed tells
 * its views in the same task and React renders them together, once. A hidden window paints
 * nothing, so it publishes nothing until it is shown again. When such frames keep running
 * long, FramePacer spaces them out (frame-pacer.ts).
 */
export const scheduleAnimationFrame: ScheduleFrame = (callback) => {
  queued.push(callback);
  requestFrame();
};

/**
 * A store's change notifications, at most one per animation frame: however many batches
 * arrive between two paints, the views render once, with everything that arrived. Views read
 * `getVersion` (for useSyncExternalStore), which only moves when they are told.
 */
export class FramePublisher {
  private versionValue = 0;
  private scheduled = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly scheduleFrame: ScheduleFrame = scheduleAnimationFrame) {}

  /** Something changed: tell the views before the next paint (once, however often called). */
  changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.scheduleFrame(() => {
      this.scheduled = false;
      this.versionValue += 1;
      for (const listener of [...this.listeners]) listener();
    });
  }

  /** The published version: moves once per frame that had changes. */
  get version(): number {
    return this.versionValue;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.versionValue;
}
