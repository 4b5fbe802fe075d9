import { assertNever } from '../../../shared/assert-never.ts';
import type { SessionStateName } from '../../../shared/domain/session-state.ts';
import type { Reason } from '../../../shared/reasons/reason.ts';

/**
 * The order-push session as an explicit state machine. `attempt` counts reconnect attempts
 * since the session was last live (0 = the first connection).
 */
export type SessionState =
  | { name: 'idle' }
  | { name: 'connecting'; attempt: number }
  | { name: 'subscribing'; attempt: number }
  | { name: 'live'; sinceMs: number }
  | { name: 'reconnecting'; attempt: number; delayMs: number; reason: Reason }
  | { name: 'stopping' }
  | { name: 'stopped' }
  /** `code`: the failure's stable code (`MAX_RECONNECTS`, `SESSION_EXPIRED`, …); `reason`: why, to translate. */
  | { name: 'failed'; reason: Reason; code: string };

/** Everything that can happen to a session. */
export type SessionEvent =
  | { type: 'start' }
  /** The socket opened (after a fresh listen key was obtained). */
  | { type: 'socket-open' }
  /** The SUBSCRIBE ack arrived. */
  | { type: 'subscribed'; atMs: number }
  /**
   * Anything that ends a connection attempt or a live socket and is worth retrying: network
   * error, close, connect/ack timeout, pong deadline, a transient listen-key failure.
   * `delayMs` is the backoff the caller drew for the next attempt.
   */
  | { type: 'connection-lost'; reason: Reason; delayMs: number }
  | { type: 'retry-due' }
  /** Retrying cannot help (session expired, verification required). */
  | { type: 'fatal'; reason: Reason; code: string }
  | { type: 'stop' }
  /** The socket is closed after a stop. */
  | { type: 'closed' };

export interface TransitionContext {
  /** Reconnect attempts allowed after a loss; undefined = forever. */
  maxReconnectAttempts?: number;
}

export const MAX_RECONNECTS_CODE = 'MAX_RECONNECTS';

/** The attempt number a loss in `state` leads to (for drawing its backoff delay). */
export function nextAttempt(state: SessionState): number {
  switch (state.name) {
    case 'connecting':
    case 'subscribing':
      return state.attempt + 1;
    case 'live':
      return 1;
    default:
      return 1;
  }
}

/**
 * The pure transition function. An event that means nothing in a state returns that same
 * state object (callers compare by identity to see whether anything changed).
 */
export function transition(
  state: SessionState,
  event: SessionEvent,
  context: TransitionContext = {},
): SessionState {
  if (event.type === 'fatal') {
    if (state.name === 'stopped' || state.name === 'failed' || state.name === 'idle') return state;
    return { name: 'failed', reason: event.reason, code: event.code };
  }
  switch (state.name) {
    case 'idle':
    case 'stopped':
    case 'failed':
      return event.type === 'start' ? { name: 'connecting', attempt: 0 } : state;
    case 'connecting':
      if (event.type === 'socket-open') return { name: 'subscribing', attempt: state.attempt };
      return common(state, event, context);
    case 'subscribing':
      if (event.type === 'subscribed') return { name: 'live', sinceMs: event.atMs };
      return common(state, event, context);
    case 'live':
      return common(state, event, context);
    case 'reconnecting':
      if (event.type === 'retry-due') return { name: 'connecting', attempt: state.attempt };
      if (event.type === 'stop') return { name: 'stopping' };
      return state;
    case 'stopping':
      return event.type === 'closed' ? { name: 'stopped' } : state;
    default:
      return assertNever(state, 'session state');
  }
}

function common(
  state: Extract<SessionState, { name: 'connecting' | 'subscribing' | 'live' }>,
  event: SessionEvent,
  context: TransitionContext,
): SessionState {
  if (event.type === 'stop') return { name: 'stopping' };
  if (event.type === 'connection-lost') {
    const attempt = nextAttempt(state);
    const max = context.maxReconnectAttempts;
    if (max !== undefined && attempt > max) {
      return {
        name: 'failed',
        reason: { code: 'RECONNECT_GAVE_UP', attempts: max, cause: event.reason },
        code: MAX_RECONNECTS_CODE,
      };
    }
    return { name: 'reconnecting', attempt, delayMs: event.delayMs, reason: event.reason };
  }
  return state;
}

/** The shared name of a state (for the CLI, IPC and renderer). */
export function stateName(state: SessionState): SessionStateName {
  return state.name;
}

/** States after which a session does nothing until started again. */
export function isTerminal(state: SessionState): boolean {
  return state.name === 'stopped' || state.name === 'failed';
}
