import { describe, expect, it } from 'vitest';
import { Emitter } from '../../../shared/event/emitter.ts';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import {
  SessionNotLiveError,
  waitUntilLive,
  type FailedReason,
  type LiveProbe,
} from './wait-until-live.ts';

/** A session whose state the test sets. */
function fakeSource(initial: LiveProbe = { state: 'pending' }) {
  let probe = initial;
  const changes = new Emitter<void>({ name: 'test.changes' });
  return {
    source: { current: () => probe, onDidChange: changes.event },
    set(next: LiveProbe) {
      probe = next;
      changes.fire();
    },
    listening: () => changes.hasListeners,
  };
}

/** The promise's outcome once settled, or 'pending'. */
function outcomeOf(promise: Promise<void>) {
  let outcome: 'pending' | 'live' | SessionNotLiveError = 'pending';
  promise.then(
    () => (outcome = 'live'),
    (error: SessionNotLiveError) => (outcome = error),
  );
  return () => outcome;
}

describe('waitUntilLive', () => {
  it('resolves when the session goes live, and stops listening', async () => {
    const clock = new FakeClock();
    const session = fakeSource();
    const outcome = outcomeOf(waitUntilLive(session.source, { clock, timeoutMs: 20_000 }));
    await clock.advance(5_000);
    expect(outcome()).toBe('pending');
    session.set({ state: 'live' });
    await clock.advance(0);
    expect(outcome()).toBe('live');
    expect(session.listening()).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });

  it('resolves at once for a session already live', async () => {
    const clock = new FakeClock();
    await expect(
      waitUntilLive(fakeSource({ state: 'live' }).source, { clock, timeoutMs: 1 }),
    ).resolves.toBeUndefined();
  });

  it('a refused session fails with its own code and reason', async () => {
    const clock = new FakeClock();
    const session = fakeSource();
    const wait = waitUntilLive(session.source, { clock, timeoutMs: 20_000 });
    const reason: FailedReason = { code: 'SESSION_EXPIRED' };
    session.set({ state: 'failed', code: 'SESSION_EXPIRED', reason });
    const error = (await wait.catch((e: unknown) => e)) as SessionNotLiveError;
    expect(error).toBeInstanceOf(SessionNotLiveError);
    expect(error.ending).toBe('refused');
    expect(error.code).toBe('SESSION_EXPIRED');
    expect(error.reason).toBe(reason);
    expect(clock.pendingTimers).toBe(0);
  });

  it('times out on the clock with STREAM_NOT_LIVE, not before', async () => {
    const clock = new FakeClock();
    const session = fakeSource();
    const outcome = outcomeOf(waitUntilLive(session.source, { clock, timeoutMs: 20_000 }));
    await clock.advance(19_999);
    expect(outcome()).toBe('pending');
    await clock.advance(1);
    const error = outcome() as SessionNotLiveError;
    expect(error.ending).toBe('timed-out');
    expect(error.code).toBe('STREAM_NOT_LIVE');
    expect(error.params.timeoutMs).toBe(20_000);
    expect(session.listening()).toBe(false);
  });

  it('a session stopped meanwhile ends the wait with STREAM_NOT_LIVE', async () => {
    const clock = new FakeClock();
    const session = fakeSource();
    const wait = waitUntilLive(session.source, { clock });
    session.set({ state: 'stopped' });
    await expect(wait).rejects.toMatchObject({ ending: 'stopped', code: 'STREAM_NOT_LIVE' });
  });

  it('the waiter can cancel (code STOPPED), before or during the wait', async () => {
    const clock = new FakeClock();
    const during = new AbortController();
    const wait = waitUntilLive(fakeSource().source, { clock, signal: during.signal });
    during.abort();
    await expect(wait).rejects.toMatchObject({ ending: 'cancelled', code: 'STOPPED' });
    const before = new AbortController();
    before.abort();
    await expect(
      waitUntilLive(fakeSource().source, { clock, signal: before.signal }),
    ).rejects.toMatchObject({ ending: 'cancelled' });
    expect(clock.pendingTimers).toBe(0);
  });
});
