import type { Clock } from '../../src/main/core/ports/clock.ts';
import type { Disposable } from '../../src/shared/lifecycle/disposable.ts';

interface Timer {
  id: number;
  dueMs: number;
  callback: () => void;
  intervalMs: number | null;
}

/**
 * A manual clock: time moves only when a test calls `advance`. Timers due within the step
 * run in order of their due time, each seeing `now()` equal to its due time.
 */
export class FakeClock implements Clock {
  private nowMs: number;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();

  constructor(startMs = 1_750_000_000_000) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  setTimeout(callback: () => void, delayMs: number): Disposable {
    return this.add(callback, delayMs, null);
  }

  setInterval(callback: () => void, intervalMs: number): Disposable {
    return this.add(callback, intervalMs, Math.max(1, intervalMs));
  }

  /** Timers still pending. */
  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, running every timer that falls due; lets promises settle between timers. */
  async advance(ms: number): Promise<void> {
    const targetMs = this.nowMs + ms;
    for (;;) {
      await flushMicrotasks();
      const next = [...this.timers.values()].sort((a, b) => a.dueMs - b.dueMs || a.id - b.id)[0];
      if (!next || next.dueMs > targetMs) break;
      this.nowMs = Math.max(this.nowMs, next.dueMs);
      if (next.intervalMs === null) this.timers.delete(next.id);
      else next.dueMs += next.intervalMs;
      next.callback();
    }
    this.nowMs = targetMs;
    await flushMicrotasks();
  }

  private add(callback: () => void, delayMs: number, intervalMs: number | null): Disposable {
    const id = this.nextId++;
    this.timers.set(id, { id, dueMs: this.nowMs + Math.max(0, delayMs), callback, intervalMs });
    return { dispose: () => void this.timers.delete(id) };
  }
}

/** Lets pending promise callbacks run (a few macrotask turns, so chained awaits finish too). */
export async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
