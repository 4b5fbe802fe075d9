import { describe, expect, it } from 'vitest';
import { ConnectionTracker } from './connection-tracker.ts';

describe('ConnectionTracker timeline', () => {
  it('draws a clean stop as the end of the live period, not as a gap', () => {
    const tracker = new ConnectionTracker('a');
    tracker.begin('s1', 1_000);
    tracker.applyState({ state: 'live', atMs: 2_000, nextListenKeyRefreshAtMs: 1_802_000 });
    tracker.applyState({ state: 'stopping', atMs: 60_000 });
    tracker.applyState({ state: 'stopped', atMs: 60_050 });
    const view = tracker.snapshot();
    expect(view.timeline).toEqual([{ kind: 'live', fromMs: 2_000, toMs: 60_000 }]);
    // Nothing refreshes the key after a stop: no countdown to show.
    expect(view.nextListenKeyRefreshAtMs).toBeNull();
    expect(tracker.counters(70_000).liveMs).toBe(58_000);
  });

  it('still draws a dropped connection as a gap, closed when live again', () => {
    const tracker = new ConnectionTracker('a');
    tracker.begin('s1', 0);
    tracker.applyState({ state: 'live', atMs: 1_000 });
    tracker.applyState({ state: 'reconnecting', atMs: 5_000, reconnectAttempt: 1 });
    tracker.applyState({ state: 'live', atMs: 8_000 });
    tracker.applyState({ state: 'stopping', atMs: 9_000 });
    expect(tracker.snapshot().timeline).toEqual([
      { kind: 'live', fromMs: 1_000, toMs: 5_000 },
      { kind: 'gap', fromMs: 5_000, toMs: 8_000 },
      { kind: 'live', fromMs: 8_000, toMs: 9_000 },
    ]);
  });

  it('a session that failed for good counts down to no key refresh', () => {
    const tracker = new ConnectionTracker('a');
    tracker.begin('s1', 0);
    tracker.applyState({ state: 'live', atMs: 1_000, nextListenKeyRefreshAtMs: 1_801_000 });
    tracker.applyState({ state: 'failed', atMs: 5_000 });
    expect(tracker.snapshot().nextListenKeyRefreshAtMs).toBeNull();
  });
});
