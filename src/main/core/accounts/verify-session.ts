import { maskListenKey } from '../../../shared/secrets/mask.ts';
import { assertNever } from '../../../shared/assert-never.ts';
import type { SessionCredentials } from '../credentials/session-credentials.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import { nullLogger, type Logger } from '../ports/logger.ts';
import { AlphaApiError, AlphaRestClient } from '../rest/index.ts';
import type { AccountRecord, VerificationOutcome, VerificationRecord } from './account-record.ts';
import type { AccountStore } from './account-store.ts';

export interface VerifyOptions {
  /** `https://www.binance.com`, the simulator's `restUrl`, or a `--rest-url`. */
  restUrl: string;
  timeoutMs?: number;
  clock?: Clock;
  logger?: Logger;
  signal?: AbortSignal;
}

/** A verification plus what may be shown of the listen key it obtained. */
export interface VerificationResult extends VerificationRecord {
  /** `ff950c2e0d...`: the masked listen key on success. */
  maskedListenKey?: string;
}

/**
 * Checks that a session works by asking for a listen key, the first thing a monitor does.
 * The key is then left alone: it expires by itself, and the close call 404s on the real
 * exchange (ALPHA-PROTOCOL.md §2). Never throws for an exchange answer; the outcome says it.
 */
export async function verifySession(
  credentials: SessionCredentials,
  options: VerifyOptions,
): Promise<VerificationResult> {
  const clock = options.clock ?? systemClock;
  const client = new AlphaRestClient({
    baseUrl: options.restUrl,
    credentials,
    timeoutMs: options.timeoutMs,
    logger: options.logger ?? nullLogger,
  });
  try {
    const listenKey = await client.getListenKey({ signal: options.signal });
    return { outcome: 'OK', atMs: clock.now(), maskedListenKey: maskListenKey(listenKey) };
  } catch (error) {
    if (!(error instanceof AlphaApiError)) throw error;
    const detail = [error.apiCode, error.apiMessage ?? error.message].filter(Boolean).join(' ');
    return { outcome: outcomeOf(error), atMs: clock.now(), detail };
  }
}

/** Verifies a stored account and records the outcome in its metadata. */
export async function verifyAccount(
  store: AccountStore,
  id: string,
  options: VerifyOptions,
): Promise<{ account: AccountRecord; result: VerificationResult }> {
  const credentials = await store.getCredentials(id);
  const result = await verifySession(credentials, options);
  const { maskedListenKey: _shown, ...record } = result;
  const account = await store.recordVerification(id, record);
  return { account, result };
}

/** Maps the REST client's error codes onto what they mean for a stored session. */
export function outcomeOf(error: AlphaApiError): VerificationOutcome {
  switch (error.code) {
    case 'SESSION_EXPIRED':
      return 'SESSION_EXPIRED';
    case 'VERIFICATION_REQUIRED':
      return 'VERIFICATION_REQUIRED';
    case 'RISK_CHALLENGE':
    case 'BUSINESS_ERROR':
    case 'BAD_RESPONSE':
    case 'UNEXPECTED_REPLY':
    case 'INVALID_CREDENTIALS': // never sent: unusable until the session is copied again
      return 'REJECTED';
    case 'HTTP_ERROR':
      // 401/403 without an envelope is the exchange refusing the session (e.g. the WAF);
      // anything else is the exchange being unwell.
      return error.httpStatus === 401 || error.httpStatus === 403 ? 'REJECTED' : 'UNREACHABLE';
    case 'TIMEOUT':
    case 'NETWORK':
    case 'ABORTED':
      return 'UNREACHABLE';
    default:
      return assertNever(error.code, 'AlphaApiErrorCode');
  }
}

/** True when the outcome means the stored session is unusable until the user acts. */
export function isSessionUnusable(outcome: VerificationOutcome): boolean {
  return (
    outcome === 'SESSION_EXPIRED' || outcome === 'VERIFICATION_REQUIRED' || outcome === 'REJECTED'
  );
}
