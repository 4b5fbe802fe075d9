import type { Event } from '../../../shared/event/emitter.ts';
import { CodedError } from '../../../shared/errors/coded-error.ts';
import type { Clock } from '../ports/clock.ts';
import type { SessionState } from '../stream/session-state.ts';

/** Why a failed session failed: the engine's reason for its state (translated at the edges). */
export type FailedReason = Extract<SessionState, { name: 'failed' }>['reason'];

/** How far a session got, as the one wait-until-live reads it. */
export type LiveProbe =
  | { state: 'live' }
  | { state: 'pending' }
  | { state: 'stopped' }
  /** The session gave up for good: refused (expired, verification) or out of retries. */
  | { state: 'failed'; code: string; reason: FailedReason };

/** What waitUntilLive watches: the state now and a signal on every change. */
export interface LiveStateSource {
  current(): LiveProbe;
  readonly onDidChange: Event<unknown>;
}

/**
 * How the wait ended without a live stream:
 * - `refused`: the session failed (its own code: SESSION_EXPIRED, VERIFICATION_REQUIRED, ...);
 * - `stopped`: it was stopped by someone else;
 * - `timed-out`: not live within the time allowed;
 * - `cancelled`: the waiter gave up (`signal`).
 */
export type NotLiveEnding = 'refused' | 'stopped' | 'timed-out' | 'cancelled';

/** The code of a wait that ended stopped or timed out (a refused session keeps its own). */
export const STREAM_NOT_LIVE = 'STREAM_NOT_LIVE';
/** The code of a wait its waiter cancelled. */
export const WAIT_CANCELLED = 'STOPPED';

/**
 * The stream did not come up. `code` is the failed session's own code when it was refused
 * (so `SESSION_EXPIRED` reads the same everywhere), `STREAM_NOT_LIVE` when it stopped or timed
 * out, `STOPPED` when the waiter cancelled; `ending` says which. A refused session's `reason`
 * is its failed state's (for the edges to translate); the `message` is English, for logs.
 */
export class SessionNotLiveError extends CodedError<
  string,
  { ending: NotLiveEnding; timeoutMs?: number }
> {
  readonly ending: NotLiveEnding;
  /** The failed state's reason when refused; null otherwise. */
  readonly reason: FailedReason | null;

  constructor(
    ending: NotLiveEnding,
    code: string,
    message: string,
    extra: { reason?: FailedReason; timeoutMs?: number } = {},
  ) {
    super(code, message, {
      params: { ending, ...(extra.timeoutMs !== undefined ? { timeoutMs: extra.timeoutMs } : {}) },
    });
    this.name = 'SessionNotLiveError';
    this.ending = ending;
    this.reason = extra.reason ?? null;
  }
}

export interface WaitUntilLiveOptions {
  clock: Clock;
  /** Give up after this long. Default: no limit (until live, failed, stopped or cancelled). */
  timeoutMs?: number;
  /** Aborting ends the wait with `cancelled`. */
  signal?: AbortSignal;
}

/**
 * Resolves once `source` is live; rejects with a SessionNotLiveError when it fails, stops, the
 * time runs out or the wait is cancelled. What must not act before the stream is there (a
 * strategy's first order: its fills arrive on that stream) waits on this, and only this.
 */
export function waitUntilLive(
  source: LiveStateSource,
  options: WaitUntilLiveOptions,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const cleanups: Array<() => void> = [];
    const settle = (error?: SessionNotLiveError) => {
      if (settled) return;
      settled = true;
      for (const cleanup of cleanups) cleanup();
      if (error) reject(error);
      else resolve();
    };
    const check = () => {
      const probe = source.current();
      switch (probe.state) {
        case 'live':
          return settle();
        case 'failed':
          return settle(
            new SessionNotLiveError(
              'refused',
              probe.code,
              `the session was refused (${probe.code})`,
              {
                reason: probe.reason,
              },
            ),
          );
        case 'stopped':
          return settle(
            new SessionNotLiveError('stopped', STREAM_NOT_LIVE, 'the order stream stopped'),
          );
        case 'pending':
          return;
      }
    };
    const subscription = source.onDidChange(check);
    cleanups.push(() => subscription.dispose());
    if (options.timeoutMs !== undefined) {
      const timeoutMs = options.timeoutMs;
      const timer = options.clock.setTimeout(
        () =>
          settle(
            new SessionNotLiveError(
              'timed-out',
              STREAM_NOT_LIVE,
              `the order stream did not come up within ${timeoutMs} ms`,
              { timeoutMs },
            ),
          ),
        timeoutMs,
      );
      cleanups.push(() => timer.dispose());
    }
    const signal = options.signal;
    if (signal) {
      const onAbort = () => settle(new SessionNotLiveError('cancelled', WAIT_CANCELLED, 'stopped'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener('abort', onAbort));
    }
    check();
  });
}

/** An engine stream session's state as a probe (`idle`, connecting, reconnecting: pending). */
export function liveProbeOf(state: SessionState): LiveProbe {
  switch (state.name) {
    case 'live':
      return { state: 'live' };
    case 'failed':
      return { state: 'failed', code: state.code, reason: state.reason };
    case 'stopping':
    case 'stopped':
      return { state: 'stopped' };
    default:
      return { state: 'pending' };
  }
}
