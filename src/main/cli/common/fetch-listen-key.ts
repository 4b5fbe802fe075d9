import { AlphaApiError, AlphaRestClient, isFatalAuthError } from '../../core/rest/index.ts';
import { ExitCode } from './cli-error.ts';

/** A listen key, or why there is none and the exit code that goes with it. */
export type ListenKeyResult =
  { ok: true; key: string } | { ok: false; error: AlphaApiError; exitCode: ExitCode };

/** POSTs for a listen key; maps rejections of the session to exit code 3. */
export async function fetchListenKey(rest: AlphaRestClient): Promise<ListenKeyResult> {
  try {
    return { ok: true, key: await rest.getListenKey() };
  } catch (error) {
    const e = error instanceof AlphaApiError ? error : new AlphaApiError('NETWORK', String(error));
    // Expired, verification required, or a session that cannot even be sent: retrying won't help.
    const exitCode = isFatalAuthError(e) ? ExitCode.credentialsRejected : ExitCode.failure;
    return { ok: false, error: e, exitCode };
  }
}
