/** Runs `callback` before the next paint (an animation frame). */
export type ScheduleFrame = (callback: () => void) => void;

/**
 * Before the next paint in a page; every 16 ms where there is no page (tests, a worker).
 * A hidden window paints nothing, so it publishes nothing until it is shown again.
 */
export const scheduleAnimationFrame: ScheduleFrame = (callback) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
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
