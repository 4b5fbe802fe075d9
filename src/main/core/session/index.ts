/** Opening one account's engine session (REST client, listen key, stream, book): import from here. */
export {
  createAccountRest,
  createEngineSession,
  DEFAULT_LIVE_TIMEOUT_MS,
  openEngineSession,
  type AccountRest,
  type EngineSession,
  type EngineSessionOptions,
} from './open-engine-session.ts';
export {
  liveProbeOf,
  SessionNotLiveError,
  STREAM_NOT_LIVE,
  WAIT_CANCELLED,
  waitUntilLive,
  type FailedReason,
  type LiveProbe,
  type LiveStateSource,
  type NotLiveEnding,
  type WaitUntilLiveOptions,
} from './wait-until-live.ts';
