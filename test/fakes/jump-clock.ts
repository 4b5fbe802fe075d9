import type { Clock } from '../../src/main/core/ports/clock.ts';

/**
 * A clock whose time a test sets, and whose timers never run: for days-long jumps (the
 * points window, the UTC day boundary) where a FakeClock would run every price tick and
 * heartbeat in between. Only for code paths that need no timer.
 */
export class JumpClock implements Clock {
  constructor(private nowMs: number) {}

  now(): number {
    return this.nowMs;
  }

  /** Moves time to `ms` (never backwards). */
  set(ms: number): void {
    this.nowMs = Math.max(this.nowMs, ms);
  }

  advance(ms: number): void {
    this.nowMs += ms;
  }

  setTimeout(): { dispose(): void } {
    return { dispose: () => {} };
  }

  setInterval(): { dispose(): void } {
    return { dispose: () => {} };
  }
}
