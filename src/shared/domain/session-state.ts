/**
 * The order-push session's states (the engine's state machine lives in
 * src/main/core/stream). Shared so that the CLI, IPC and renderer name them the same way.
 */
export const SESSION_STATE_NAMES = [
  'idle',
  'connecting',
  'subscribing',
  'live',
  'reconnecting',
  'stopping',
  'stopped',
  'failed',
] as const;
export type SessionStateName = (typeof SESSION_STATE_NAMES)[number];
