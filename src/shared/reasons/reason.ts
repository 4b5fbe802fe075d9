/**
 * Why something failed or a connection was lost, as a stable code with its parameters. The
 * engine hands these to the edges (CLI output, renderer, notifications), which translate them
 * (`reason-text.ts`); no layer passes English prose upwards. `detail` and `apiMessage` hold
 * text from outside (an operating system's socket error, the server's own message): the edges
 * quote it inside a translated sentence. A `cause` is the reason one step deeper.
 */
export type Reason =
  // The order-push socket (core/stream).
  | { code: 'SOCKET_ERROR'; detail: string }
  | { code: 'SOCKET_CLOSED'; closeCode: number; detail?: string }
  | { code: 'CLOSED_BEFORE_OPEN'; closeCode: number }
  | { code: 'CONNECT_TIMEOUT'; timeoutMs: number }
  | { code: 'PONG_TIMEOUT'; timeoutMs: number }
  | { code: 'PING_FAILED' }
  | { code: 'ACK_TIMEOUT'; method: string; timeoutMs: number }
  | { code: 'SOCKET_NOT_OPEN' }
  | { code: 'SEND_FAILED'; detail: string }
  | { code: 'REQUEST_REJECTED'; detail: string }
  | { code: 'DISPOSED' }
  // A step of the session that failed, with why.
  | { code: 'LISTEN_KEY_FAILED'; cause: Reason }
  | { code: 'LISTEN_KEY_AFTER_EXPIRY_FAILED'; cause: Reason }
  | { code: 'SUBSCRIBE_FAILED'; cause: Reason }
  | { code: 'RESUBSCRIBE_FAILED'; cause: Reason }
  | { code: 'RECONNECT_GAVE_UP'; attempts: number; cause: Reason }
  // The REST client (core/rest, the AlphaApiError codes).
  | { code: 'SESSION_EXPIRED' }
  | { code: 'VERIFICATION_REQUIRED' }
  | { code: 'RISK_CHALLENGE' }
  | { code: 'BUSINESS_ERROR'; apiCode?: string; apiMessage?: string }
  | { code: 'HTTP_ERROR'; path?: string; httpStatus?: number }
  | { code: 'TIMEOUT'; path?: string; timeoutMs?: number }
  | { code: 'NETWORK'; baseUrl?: string; detail?: string }
  | { code: 'ABORTED'; path?: string }
  | { code: 'BAD_RESPONSE'; path?: string }
  | { code: 'UNEXPECTED_REPLY'; path?: string; field?: string }
  | { code: 'INVALID_CREDENTIALS'; header?: string }
  // The session journal (the app and `watch --journal`); monitoring goes on meanwhile.
  | { code: 'JOURNAL_DISK_FULL'; path: string }
  | { code: 'JOURNAL_WRITE_FAILED'; path: string; errorCode?: string }
  | { code: 'JOURNAL_WRITE_RECOVERED'; updates: number }
  | { code: 'JOURNAL_UNWRITTEN_SAVED'; updates: number; path: string; savedTo: string }
  | { code: 'JOURNAL_UNWRITTEN_LOST'; updates: number; path: string; errorCode?: string }
  /** An error without a code of ours (a bug, or a library's own error): its message, quoted. */
  | { code: 'UNEXPECTED'; detail: string };

export type ReasonCode = Reason['code'];

/**
 * A problem as views carry it: its stable `code` (what callers and `--json` readers switch on:
 * `RECONNECTING`, `MAX_RECONNECTS`, `SESSION_EXPIRED`, `JOURNAL_WRITE_FAILED`, …) and the
 * `reason` an edge translates.
 */
export interface Problem {
  code: string;
  reason: Reason;
}

/** The reason of one code (for tables keyed by code). */
export type ReasonOf<C extends ReasonCode> = Extract<Reason, { code: C }>;

/** The innermost reason (the socket error under "listen key: …" under "gave up …"). */
export function rootReason(reason: Reason): Reason {
  return 'cause' in reason ? rootReason(reason.cause) : reason;
}

/** The codes `isReason` accepts (kept complete by the `Record`). */
const CODES: Record<ReasonCode, true> = {
  SOCKET_ERROR: true,
  SOCKET_CLOSED: true,
  CLOSED_BEFORE_OPEN: true,
  CONNECT_TIMEOUT: true,
  PONG_TIMEOUT: true,
  PING_FAILED: true,
  ACK_TIMEOUT: true,
  SOCKET_NOT_OPEN: true,
  SEND_FAILED: true,
  REQUEST_REJECTED: true,
  DISPOSED: true,
  LISTEN_KEY_FAILED: true,
  LISTEN_KEY_AFTER_EXPIRY_FAILED: true,
  SUBSCRIBE_FAILED: true,
  RESUBSCRIBE_FAILED: true,
  RECONNECT_GAVE_UP: true,
  SESSION_EXPIRED: true,
  VERIFICATION_REQUIRED: true,
  RISK_CHALLENGE: true,
  BUSINESS_ERROR: true,
  HTTP_ERROR: true,
  TIMEOUT: true,
  NETWORK: true,
  ABORTED: true,
  BAD_RESPONSE: true,
  UNEXPECTED_REPLY: true,
  INVALID_CREDENTIALS: true,
  JOURNAL_DISK_FULL: true,
  JOURNAL_WRITE_FAILED: true,
  JOURNAL_WRITE_RECOVERED: true,
  JOURNAL_UNWRITTEN_SAVED: true,
  JOURNAL_UNWRITTEN_LOST: true,
  UNEXPECTED: true,
};

/** Every reason code. */
export const REASON_CODES = Object.keys(CODES) as ReasonCode[];

/** True for a value shaped as a reason (a known code; a cause, if any, a reason too). */
export function isReason(value: unknown): value is Reason {
  if (typeof value !== 'object' || value === null) return false;
  const code = (value as { code?: unknown }).code;
  if (typeof code !== 'string' || !Object.hasOwn(CODES, code)) return false;
  const cause = (value as { cause?: unknown }).cause;
  return cause === undefined || isReason(cause);
}
