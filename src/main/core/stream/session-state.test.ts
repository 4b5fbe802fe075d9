import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff.ts';
import {
  MAX_RECONNECTS_CODE,
  transition,
  type SessionEvent,
  type SessionState,
} from './session-state.ts';

function run(
  events: SessionEvent[],
  context = {},
  from: SessionState = { name: 'idle' },
): SessionState[] {
  const states: SessionState[] = [];
  let state = from;
  for (const event of events) {
    state = transition(state, event, context);
    states.push(state);
  }
  return states;
}

const lost = (delayMs = 5): SessionEvent => ({
  type: 'connection-lost',
  reason: { code: 'SOCKET_CLOSED', closeCode: 1006 },
  delayMs,
});

describe('session state machine', () => {
  it('goes idle → connecting → subscribing → live', () => {
    expect(
      run([{ type: 'start' }, { type: 'socket-open' }, { type: 'subscribed', atMs: 42 }]).map(
        (s) => s.name,
      ),
    ).toEqual(['connecting', 'subscribing', 'live']);
  });

  it('reconnects after a loss, counting attempts until live again', () => {
    const states = run([
      { type: 'start' },
      { type: 'socket-open' },
      { type: 'subscribed', atMs: 1 },
      lost(100),
      { type: 'retry-due' },
      lost(200),
      { type: 'retry-due' },
      { type: 'socket-open' },
      { type: 'subscribed', atMs: 2 },
      lost(300),
    ]);
    expect(states[3]).toEqual({
      name: 'reconnecting',
      attempt: 1,
      delayMs: 100,
      reason: { code: 'SOCKET_CLOSED', closeCode: 1006 },
    });
    expect(states[4]).toEqual({ name: 'connecting', attempt: 1 });
    expect(states[5]).toMatchObject({ name: 'reconnecting', attempt: 2 });
    expect(states[8]).toEqual({ name: 'live', sinceMs: 2 });
    // Live again resets the count.
    expect(states[9]).toMatchObject({ name: 'reconnecting', attempt: 1 });
  });

  it('fails with MAX_RECONNECTS once the optional limit is used up', () => {
    const states = run(
      [{ type: 'start' }, lost(), { type: 'retry-due' }, lost(), { type: 'retry-due' }, lost()],
      { maxReconnectAttempts: 2 },
    );
    expect(states.at(-2)).toMatchObject({ name: 'connecting', attempt: 2 });
    expect(states.at(-1)).toEqual({
      name: 'failed',
      code: MAX_RECONNECTS_CODE,
      reason: {
        code: 'RECONNECT_GAVE_UP',
        attempts: 2,
        cause: { code: 'SOCKET_CLOSED', closeCode: 1006 },
      },
    });
  });

  it('never gives up without a limit', () => {
    const events: SessionEvent[] = [{ type: 'start' }];
    for (let i = 0; i < 500; i++) events.push(lost(), { type: 'retry-due' });
    expect(run(events).at(-1)).toEqual({ name: 'connecting', attempt: 500 });
  });

  it('fails on a fatal error from any active state, and stays failed', () => {
    for (const prefix of [
      [{ type: 'start' }],
      [{ type: 'start' }, { type: 'socket-open' }],
      [{ type: 'start' }, lost()],
    ] as SessionEvent[][]) {
      const states = run([
        ...prefix,
        { type: 'fatal', reason: { code: 'SESSION_EXPIRED' }, code: 'SESSION_EXPIRED' },
        lost(),
        { type: 'retry-due' },
      ]);
      expect(states.at(-3)).toEqual({
        name: 'failed',
        reason: { code: 'SESSION_EXPIRED' },
        code: 'SESSION_EXPIRED',
      });
      expect(states.at(-1)!.name).toBe('failed');
    }
  });

  it('stops: stopping until closed, then stopped; ignores late socket events', () => {
    const states = run([
      { type: 'start' },
      { type: 'socket-open' },
      { type: 'stop' },
      { type: 'subscribed', atMs: 1 },
      lost(),
      { type: 'closed' },
    ]);
    expect(states.map((s) => s.name)).toEqual([
      'connecting',
      'subscribing',
      'stopping',
      'stopping',
      'stopping',
      'stopped',
    ]);
    expect(run([{ type: 'start' }, lost(), { type: 'stop' }]).at(-1)!.name).toBe('stopping');
  });

  it('returns the same object for meaningless events', () => {
    const idle: SessionState = { name: 'idle' };
    expect(transition(idle, { type: 'socket-open' })).toBe(idle);
    const live: SessionState = { name: 'live', sinceMs: 1 };
    expect(transition(live, { type: 'retry-due' })).toBe(live);
  });

  it('can start again after stopped or failed', () => {
    expect(transition({ name: 'stopped' }, { type: 'start' })).toEqual({
      name: 'connecting',
      attempt: 0,
    });
    expect(
      transition({ name: 'failed', reason: { code: 'DISPOSED' }, code: 'y' }, { type: 'start' }),
    ).toEqual({
      name: 'connecting',
      attempt: 0,
    });
  });
});

describe('backoff with full jitter', () => {
  const policy = { baseMs: 1_000, capMs: 30_000 };
  it('draws within an exponentially growing window, capped', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((a) => backoffDelayMs(a, policy, () => 0.999999))).toEqual([
      999, 1999, 3999, 7999, 15999, 29999, 29999,
    ]);
  });
  it('uses the injected random draw, down to zero', () => {
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(2000);
  });
});
