import { isSessionUnusable, outcomeOf } from '../../core/accounts/index.ts';
import { AlphaApiError, AlphaRestClient } from '../../core/rest/index.ts';
import { ExitCode } from './cli-error.ts';

/** A listen key, or why there is none and the exit code that goes with it. */
export type ListenKeyResult =
  { ok: true; key: string } | { ok: false; error: AlphaApiError; exitCode: ExitCode };

/**
 * POSTs for a listen key; maps rejections of the session to exit code 3, by the rule `accounts
 * verify` uses (`outcomeOf`): expired, verification required, a session that cannot even be
 * sent, a risk challenge, a refusal (an envelope saying no, 401/403, a reply that is not the
 * exchange's); no answer or a 5xx is 1 (the exchange was not reachable).
 */
export async function fetchListenKey(rest: AlphaRestClient): Promise<ListenKeyResult> {
  try {
    return { ok: true, key: await rest.getListenKey() };
  } catch (error) {
    const e = error instanceof AlphaApiError ? error : new AlphaApiError('NETWORK', String(error));
    const exitCode = isSessionUnusable(outcomeOf(e))
      ? ExitCode.credentialsRejected
      : ExitCode.failure;
    return { ok: false, error: e, exitCode };
  }
}
