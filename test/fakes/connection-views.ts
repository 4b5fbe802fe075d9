import type { ConnectionView } from '../../src/shared/ipc/views-monitor.ts';

// Pure TypeScript importing only src/shared, like order-updates.ts: the renderer's tests
// (tsconfig.web.json) and main's build their connection views here.

/**
 * A live connection of account `a1` in session `s1` with a masked listen key and nothing
 * received yet, with any field overridden.
 */
export function sampleConnectionView(overrides: Partial<ConnectionView> = {}): ConnectionView {
  return {
    accountId: 'a1',
    state: 'live',
    problem: null,
    maskedListenKey: 'ff950c2e0d...',
    listenKeyObtainedAtMs: 0,
    nextListenKeyRefreshAtMs: null,
    reconnectAttempts: 0,
    lastEventAtMs: null,
    lastReceiveLatencyMs: null,
    timeline: [],
    sessionId: 's1',
    startedAtMs: 0,
    ...overrides,
  };
}
