import { describe, expect, it } from 'vitest';
import { AlphaApiError, type AlphaRestClient } from '../../core/rest/index.ts';
import { ExitCode } from './cli-error.ts';
import { fetchListenKey } from './fetch-listen-key.ts';

const failingWith = (code: AlphaApiError['code']) =>
  ({
    getListenKey: async () => {
      throw new AlphaApiError(code, 'refused');
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
  it('a network failure is an ordinary failure (exit 1)', async () => {
    const result = await fetchListenKey(failingWith('NETWORK'));
    expect(result).toMatchObject({ ok: false, exitCode: ExitCode.failure });
  });
});
