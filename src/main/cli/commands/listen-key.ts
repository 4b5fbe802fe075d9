import { maskListenKey } from '../../../shared/secrets/mask.ts';
import { createAccountRest } from '../../core/session/index.ts';
import type { CliCommand } from '../common/cli-context.ts';
import { ExitCode } from '../common/cli-error.ts';
import {
  LISTEN_KEY_OPTIONS,
  parseCommandArgs,
  resolveConnection,
} from '../common/connection-options.ts';
import { fetchListenKey } from '../common/fetch-listen-key.ts';
import { createCliLogger } from '../common/cli-logger.ts';
import { jsonFailure } from '../common/json-failure.ts';
import { checkMessages } from '../i18n/check-messages.ts';
import { connectionMessages } from '../i18n/connection-messages.ts';
import { credentialSourceLabel, describeError } from '../i18n/session-messages.ts';
import { authMessages, sessionExpiredMessage } from '../i18n/watch-messages.ts';

/** `alpha-monitor listen-key`: credentials, then a listen key, masked (replaces test_listen_key_quick.py). */
export const command: CliCommand = {
  name: 'listen-key',
  summary: { en: checkMessages('en').keySummary(), 'zh-CN': checkMessages('zh-CN').keySummary() },
  async run(argv, context) {
    const m = checkMessages(context.lang);
    const { connection } = parseCommandArgs(argv, context.lang, {}, LISTEN_KEY_OPTIONS);
    if (connection.help) {
      context.stdout(
        `${m.keyUsage()}\n${connectionMessages(context.lang).commonOptions(LISTEN_KEY_OPTIONS)}\n`,
      );
      return ExitCode.ok;
    }
    const resolved = await resolveConnection(connection, context);
    try {
      const { rest } = createAccountRest(resolved);
      const result = await fetchListenKey(rest);
      const logger = createCliLogger(context, false, 'listen-key');
      if (result.ok)
        logger.info('listen key obtained', {
          account: resolved.accountId,
          listenKey: maskListenKey(result.key),
        });
      else {
        const { code, params } = jsonFailure(context.lang, result.error);
        logger.warn('listen key refused', { account: resolved.accountId, code, params });
      }
      if (connection.json) {
        context.stdout(
          JSON.stringify(
            result.ok
              ? {
                  type: 'listenKey',
                  account: resolved.accountId,
                  listenKey: maskListenKey(result.key),
                }
              : {
                  type: 'error',
                  account: resolved.accountId,
                  ...jsonFailure(context.lang, result.error),
                },
          ) + '\n',
        );
      } else {
        context.stdout(
          m.credentialsOk(
            resolved.accountId,
            credentialSourceLabel(context.lang, resolved.source),
          ) + '\n',
        );
        context.stdout(
          (result.ok
            ? m.keyOk(maskListenKey(result.key))
            : m.keyBad(describeError(context.lang, result.error))) + '\n',
        );
      }
      if (result.ok) return ExitCode.ok;
      if (result.exitCode === ExitCode.credentialsRejected) {
        const auth = authMessages(context.lang);
        context.stderr(
          (result.error.code === 'SESSION_EXPIRED'
            ? sessionExpiredMessage(context.lang, resolved.restUrl)
            : auth.verificationRequired()) + '\n',
        );
      }
      return result.exitCode;
    } finally {
      await resolved.dispose();
    }
  },
};
