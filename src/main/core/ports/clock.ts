import type { Disposable } from '../../../shared/lifecycle/disposable.ts';

/**
 * Time, injected. Backoff, heartbeats, listen-key renewal, the simulator's market and demo
 * activity all read time and schedule work through a Clock, so tests can use a fake clock
 * and long runs can use an accelerated one.
 */
export interface Clock {
  /** Milliseconds since the epoch, as this clock sees it. */
  now(): number;
  /** Runs `callback` once after `delayMs` of this clock's time. */
  setTimeout(callback: () => void, delayMs: number): Disposable;
  /** Runs `callback` every `intervalMs` of this clock's time. */
  setInterval(callback: () => void, intervalMs: number): Disposable;
}

/** The wall clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    const handle = setTimeout(callback, delayMs);
    return { dispose: () => clearTimeout(handle) };
  },
  setInterval(callback, intervalMs) {
    const handle = setInterval(callback, intervalMs);
    return { dispose: () => clearInterval(handle) };
  },
};

/**
 * A clock that runs `speed` times faster than the wall clock, starting at `startMs`.
 * Share one instance between the simulator and the engine so a 24-hour run takes seconds
 * while both sides agree on the time.
 */
export function createAcceleratedClock(options: { speed: number; startMs?: number }): Clock & {
  readonly speed: number;
} {
  const { speed } = options;
  if (!(speed > 0)) throw new RangeError(`speed must be > 0, got ${speed}`);
  const realStart = Date.now();
  const virtualStart = options.startMs ?? realStart;
  const toReal = (ms: number) => Math.max(0, ms / speed);
  return {
    speed,
    now: () => virtualStart + (Date.now() - realStart) * speed,
    setTimeout(callback, delayMs) {
      const handle = setTimeout(callback, toReal(delayMs));
      return { dispose: () => clearTimeout(handle) };
    },
    setInterval(callback, intervalMs) {
      const handle = setInterval(callback, Math.max(1, toReal(intervalMs)));
      return { dispose: () => clearInterval(handle) };
    },
  };
}
