/** The order-push stream session: import from here. */
export {
  StreamSession,
  DEFAULT_WS_URL,
  type StreamSessionOptions,
  type ListenKeySwap,
} from './stream-session.ts';
export {
  transition,
  isTerminal,
  nextAttempt,
  MAX_RECONNECTS_CODE,
  type SessionState,
  type SessionEvent,
} from './session-state.ts';
export { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
export {
  OrderStreamConnection,
  StreamError,
  type ReceivedFrame,
} from './order-stream-connection.ts';
export { defaultWebSocketFactory, type WebSocketFactory } from './web-socket-factory.ts';
