import type { ConnectionView, TimelineSegment } from '../../shared/ipc/views-monitor.ts';
import { ConnectionCounter } from '../core/book/index.ts';
import type { ConnectionStats } from './order-views.ts';
import type { MonitorStateChange } from './ports.ts';

/**
 * Folds state changes into the connection panel's view: masked key, key age, reconnect
 * attempts, live/gap timeline, latency. The full listen key is never stored here.
 */
export class ConnectionTracker {
  private view: ConnectionView;
  /** Reconnects and gaps by the engine's one rule (as `watch` counts them). */
  private counter = new ConnectionCounter();
  private malformedFrames = 0;

  constructor(accountId: string) {
    this.view = {
      accountId,
      state: 'idle',
      problem: null,
      maskedListenKey: null,
      listenKeyObtainedAtMs: null,
      nextListenKeyRefreshAtMs: null,
      reconnectAttempts: 0,
      lastEventAtMs: null,
      lastReceiveLatencyMs: null,
      timeline: [],
      sessionId: null,
      startedAtMs: null,
    };
  }

  /** Resets for a new session. */
  begin(sessionId: string, atMs: number): void {
    this.view = {
      ...this.view,
      sessionId,
      startedAtMs: atMs,
      timeline: [],
      reconnectAttempts: 0,
      problem: null,
    };
    this.counter = new ConnectionCounter();
    this.malformedFrames = 0;
  }

  applyState(change: MonitorStateChange): void {
    const v = this.view;
    this.counter.onState(change.state);
    v.state = change.state;
    if (change.problem !== undefined) v.problem = change.problem;
    if (change.maskedListenKey) v.maskedListenKey = change.maskedListenKey;
    if (change.listenKeyObtainedAtMs !== undefined)
      v.listenKeyObtainedAtMs = change.listenKeyObtainedAtMs;
    if (change.nextListenKeyRefreshAtMs !== undefined)
      v.nextListenKeyRefreshAtMs = change.nextListenKeyRefreshAtMs;
    if (change.state === 'reconnecting') {
      v.reconnectAttempts = change.reconnectAttempt ?? v.reconnectAttempts + 1;
    }
    if (change.state === 'live') {
      v.reconnectAttempts = 0;
      v.problem = null;
    }
    // A session that ends refreshes no key any more: no countdown to a refresh that will not come.
    if (endsSession(change.state)) v.nextListenKeyRefreshAtMs = null;
    this.extendTimeline(change.state === 'live' ? 'live' : 'gap', change.atMs, change.state);
  }

  private extendTimeline(kind: TimelineSegment['kind'], atMs: number, state: string): void {
    const timeline = this.view.timeline;
    const current = timeline[timeline.length - 1];
    const ended = state === 'stopping' || state === 'stopped' || state === 'idle';
    if (current && current.toMs === null) {
      if (current.kind === kind && !ended) return;
      current.toMs = atMs;
    }
    // Before the first live moment there is no gap to show, and a stop ends the timeline: the
    // moments a clean stop takes to close are not a gap in the stream (a failure still is one).
    if (ended || (kind === 'gap' && timeline.length === 0)) return;
    timeline.push({ kind, fromMs: atMs, toMs: null });
  }

  noteFrame(receivedAtMs: number): void {
    this.view.lastEventAtMs = receivedAtMs;
  }

  noteMalformedFrame(): void {
    this.malformedFrames++;
  }

  noteLatency(receivedAtMs: number, eventTimeMs: number): void {
    this.view.lastReceiveLatencyMs = receivedAtMs - eventTimeMs;
  }

  /** A copy safe to send. */
  snapshot(): ConnectionView {
    return {
      ...this.view,
      timeline: this.view.timeline.map((s) => ({ ...s })),
      problem: this.view.problem ? { ...this.view.problem } : null,
    };
  }

  counters(nowMs: number): ConnectionStats {
    const liveMs = this.view.timeline
      .filter((s) => s.kind === 'live')
      .reduce((sum, s) => sum + ((s.toMs ?? nowMs) - s.fromMs), 0);
    return {
      ...this.counter.counts(),
      malformedFrames: this.malformedFrames,
      liveMs,
      startedAtMs: this.view.startedAtMs,
    };
  }
}

/** States after which the session runs no more: stopping (asked for), stopped, failed for good. */
function endsSession(state: string): boolean {
  return state === 'stopping' || state === 'stopped' || state === 'failed';
}
