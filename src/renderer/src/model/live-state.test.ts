import { describe, expect, it } from 'vitest';
import { LiveStateStore, type LiveReducer } from './live-state.ts';

/** A count loaded once, then moved by +n events. */
const COUNT: LiveReducer<number, number, number> = {
  loaded: (value, held) => held.reduce((sum, n) => sum + n, value),
  event: (current, n) => (current ?? 0) + n,
};

describe('LiveStateStore', () => {
  it('a burst of events between two frames renders once, with the last state', () => {
    const frames: (() => void)[] = [];
    const store = new LiveStateStore(COUNT, (publish) => frames.push(publish));
    let renders = 0;
    store.subscribe(() => renders++);
    store.loaded(10, [1, 2]);
    for (let i = 0; i < 100; i++) store.event(1);
    // Nothing shows before the frame; then one render with everything.
    expect(store.getSnapshot().value).toBeNull();
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(renders).toBe(1);
    expect(store.getSnapshot()).toEqual({ value: 113, error: null });
  });

  it('a failed load shows its error until a load succeeds', () => {
    const store = new LiveStateStore(COUNT, (publish) => publish());
    store.failed({ code: 'DISCONNECTED', params: {}, message: 'gone' });
    expect(store.getSnapshot().error?.code).toBe('DISCONNECTED');
    store.loaded(5, []);
    expect(store.getSnapshot()).toEqual({ value: 5, error: null });
  });
});
