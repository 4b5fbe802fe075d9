/**
 * How the last check of a session ended:
 * - OK: the exchange gave a listen key, the session works.
 * - SESSION_EXPIRED: `100002001`, the web session is logged out (log in again, re-copy cURL).
 * - VERIFICATION_REQUIRED: "补充认证", the Alpha supplementary verification must be finished
 *   in the Binance app first.
 * - REJECTED: any other refusal by the exchange (risk control, unknown business error).
 * - UNREACHABLE: no answer (network, timeout, 5xx); says nothing about the session.
 */
export const VERIFICATION_OUTCOMES = [
  'OK',
  'SESSION_EXPIRED',
  'VERIFICATION_REQUIRED',
  'REJECTED',
  'UNREACHABLE',
] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];

/** The result of one verification, as stored. */
export interface VerificationRecord {
  outcome: VerificationOutcome;
  /** When the check ran (epoch ms). */
  atMs: number;
  /** Non-secret detail: the API code/message or the network error, for the curious. */
  detail?: string;
}

/** The non-secret half of an account, as kept in accounts.json. */
export interface AccountRecord {
  /** The `--user` id: numeric like the old scripts (`1`) or a short label (`main`). */
  id: string;
  /** Shown in lists; defaults to the id. */
  name: string;
  /** When the session was first stored under this id (epoch ms). */
  addedAtMs: number;
  /** When the stored session was last replaced (re-import after a new login), epoch ms. */
  updatedAtMs: number;
  /** The latest verification, or null when never verified. */
  lastVerification: VerificationRecord | null;
  /** What the paste check found wrong with the stored copy (absent in older files: none). */
  copyWarnings?: CopyWarningCode[];
}

/**
 * Found when the session was pasted, kept with it:
 * - SHORT_LIVED_COPY: long-term cookies missing (copied without "stay signed in"; lasts hours);
 * - CSRF_MISMATCH: `csrftoken` is not md5(cr00), a stale or mixed copy.
 */
export type CopyWarningCode = 'SHORT_LIVED_COPY' | 'CSRF_MISMATCH';
