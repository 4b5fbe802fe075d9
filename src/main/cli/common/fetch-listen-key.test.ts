import { describe, expect, it } from 'vitest';
import { AlphaApiError, type AlphaRestClient } from '../../core/rest/index.ts';
import { ExitCode } from './cli-error.ts';
import { fetchListenKey } from './fetch-listen-key.ts';

const failingWith = (code: AlphaApiError['code'], httpStatus?: number) =>
  ({
    getListenKey: async () => {
      throw new AlphaApiError(code, 'refused', httpStatus === undefined ? {} : { httpStatus });
    },
  }) as unknown as AlphaRestClient;

describe('fetchListenKey exit codes', () => {
  it.each(['SESSION_EXPIRED', 'VERIFICATION_REQUIRED', 'INVALID_CREDENTIALS'] as const)(
    '%s means the credentials were rejected (exit 3)',
    async (code) => {
      const result = await fetchListenKey(failingWith(code));
      expect(result).toMatchObject({ ok: false, exitCode: ExitCode.credentialsRejected });
    },
  );
  it.each(['RISK_CHALLENGE', 'BUSINESS_ERROR', 'BAD_RESPONSE', 'UNEXPECTED_REPLY'] as const)(
    '%s is a refusal of the session, as accounts verify says (exit 3)',
    async (code) => {
      const result = await fetchListenKey(failingWith(code));
      expect(result).toMatchObject({ ok: false, exitCode: ExitCode.credentialsRejected });
    },
  );
  it.each([401, 403])('HTTP %i is the exchange refusing the session (exit 3)', async (status) => {
    const result = await fetchListenKey(failingWith('HTTP_ERROR', status));
    expect(result).toMatchObject({ ok: false, exitCode: ExitCode.credentialsRejected });
  });
  it.each([
    ['NETWORK', undefined],
    ['TIMEOUT', undefined],
    ['HTTP_ERROR', 502],
  ] as const)('%s (%s) means the exchange was not reachable (exit 1)', async (code, status) => {
    const result = await fetchListenKey(failingWith(code, status));
    expect(result).toMatchObject({ ok: false, exitCode: ExitCode.failure });
  });
});
