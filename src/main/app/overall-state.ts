import type { SessionStateName } from '../../shared/domain/session-state.ts';
import { assertNever } from '../../shared/assert-never.ts';

/** The tray icon's state: the worst of every account's. */
export type OverallState = 'live' | 'reconnecting' | 'failed' | 'stopped';

/** Every overall state, one tray icon each (the type keeps this list complete). */
export const OVERALL_STATES = Object.keys({
  live: null,
  reconnecting: null,
  failed: null,
  stopped: null,
} satisfies Record<OverallState, null>) as OverallState[];

/** Failed beats reconnecting beats live; nothing running is stopped. */
export function overallState(states: SessionStateName[]): OverallState {
  let result: OverallState = 'stopped';
  for (const state of states) {
    switch (state) {
      case 'failed':
        return 'failed';
      case 'reconnecting':
      case 'connecting':
      case 'subscribing':
        result = 'reconnecting';
        break;
      case 'live':
        if (result === 'stopped') result = 'live';
        break;
      case 'idle':
      case 'stopping':
      case 'stopped':
        break;
      default:
        assertNever(state, 'session state');
    }
  }
  return result;
}
