import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_MS, setLongTimeout } from './long-timeout.ts';

const DAY_MS = 86_400_000;

describe('setLongTimeout', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('waits 30 days (beyond the 24.8-day timer limit) instead of firing at once', () => {
    const done = vi.fn();
    setLongTimeout(30 * DAY_MS, done);
    vi.advanceTimersByTime(1_000);
    expect(done).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MAX_TIMER_MS);
    expect(done).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30 * DAY_MS - MAX_TIMER_MS - 1_001);
    expect(done).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('a short delay fires once, and a cancelled one never', () => {
    const done = vi.fn();
    const cancelled = vi.fn();
    setLongTimeout(5_000, done);
    const cancel = setLongTimeout(40 * DAY_MS, cancelled);
    vi.advanceTimersByTime(5_000);
    expect(done).toHaveBeenCalledTimes(1);
    cancel();
    vi.advanceTimersByTime(60 * DAY_MS);
    expect(cancelled).not.toHaveBeenCalled();
    expect(done).toHaveBeenCalledTimes(1);
  });
});
