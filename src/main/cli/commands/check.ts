import { maskListenKey } from '../../../shared/secrets/mask.ts';
import { systemClock } from '../../core/ports/clock.ts';
import { createAccountRest } from '../../core/session/index.ts';
import { defaultWebSocketFactory, OrderStreamConnection } from '../../core/stream/index.ts';
import type { CliCommand, CliContext } from '../common/cli-context.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import {
  parseCommandArgs,
  resolveConnection,
  STREAM_CHECK_OPTIONS,
  type ResolvedConnection,
} from '../common/connection-options.ts';
import { fetchListenKey } from '../common/fetch-listen-key.ts';
import { checkMessages } from '../i18n/check-messages.ts';
import { connectionMessages } from '../i18n/connection-messages.ts';
import { credentialSourceLabel, describeError } from '../i18n/session-messages.ts';
import { authMessages, sessionExpiredMessage } from '../i18n/watch-messages.ts';

type Step = { step: string; ok: boolean; detail: string };

/** `alpha-monitor check`: each step of a session with ✅ / ❌ and what to do about a ❌. */
export const command: CliCommand = {
  name: 'check',
  summary: {
    en: checkMessages('en').checkSummary(),
    'zh-CN': checkMessages('zh-CN').checkSummary(),
  },
  async run(argv, context) {
    const m = checkMessages(context.lang);
    const { connection } = parseCommandArgs(argv, context.lang, {}, STREAM_CHECK_OPTIONS);
    if (connection.help) {
      context.stdout(
        `${m.checkUsage()}\n${connectionMessages(context.lang).commonOptions(STREAM_CHECK_OPTIONS)}\n`,
      );
      return ExitCode.ok;
    }
    const print = (step: Step, lines: string[]) => {
      if (connection.json) context.stdout(JSON.stringify({ type: 'step', ...step }) + '\n');
      else context.stdout(lines.join('\n') + '\n');
    };
    let resolved: ResolvedConnection;
    try {
      resolved = await resolveConnection(connection, context);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      print({ step: 'credentials', ok: false, detail: error.message }, [
        m.credentialsBad(error.message),
      ]);
      return error.exitCode;
    }
    try {
      print({ step: 'credentials', ok: true, detail: resolved.accountId }, [
        m.credentialsOk(resolved.accountId, credentialSourceLabel(context.lang, resolved.source)),
      ]);
      return await checkSession(resolved, context, print);
    } finally {
      await resolved.dispose();
    }
  },
};

async function checkSession(
  resolved: ResolvedConnection,
  context: CliContext,
  print: (step: Step, lines: string[]) => void,
): Promise<number> {
  const m = checkMessages(context.lang);
  // The account's REST client as every session builds it; the stream steps below are the
  // monitor's, taken one at a time so each can be shown with its own ✅ / ❌.
  const { rest } = createAccountRest(resolved);
  const key = await fetchListenKey(rest);
  if (!key.ok) {
    const auth = authMessages(context.lang);
    const fix =
      key.error.code === 'SESSION_EXPIRED'
        ? sessionExpiredMessage(context.lang, resolved.restUrl)
        : key.error.code === 'VERIFICATION_REQUIRED'
          ? auth.verificationRequired()
          : key.error.code === 'NETWORK' || key.error.code === 'TIMEOUT'
            ? m.keyFixNetwork(resolved.restUrl)
            : m.keyFixOther();
    print({ step: 'listenKey', ok: false, detail: key.error.code }, [
      m.keyBad(describeError(context.lang, key.error)),
      fix,
    ]);
    return key.exitCode;
  }
  print({ step: 'listenKey', ok: true, detail: maskListenKey(key.key) }, [
    m.keyOk(maskListenKey(key.key)),
  ]);

  const socket = new OrderStreamConnection({
    url: resolved.wsUrl,
    clock: systemClock,
    factory: defaultWebSocketFactory,
    connectTimeoutMs: 15_000,
    ackTimeoutMs: 10_000,
    pingIntervalMs: 20_000,
  });
  try {
    try {
      await socket.open();
    } catch (error) {
      print({ step: 'connect', ok: false, detail: (error as Error).message }, [
        m.connectBad(resolved.wsUrl, describeError(context.lang, error)),
        m.connectFix(),
      ]);
      return ExitCode.neverLive;
    }
    print({ step: 'connect', ok: true, detail: resolved.wsUrl }, [m.connectOk(resolved.wsUrl)]);
    try {
      await socket.subscribe(key.key);
    } catch (error) {
      print({ step: 'subscribe', ok: false, detail: (error as Error).message }, [
        m.subscribeBad(describeError(context.lang, error)),
        m.subscribeFix(),
      ]);
      return ExitCode.neverLive;
    }
    print({ step: 'subscribe', ok: true, detail: 'ack' }, [m.subscribeOk()]);
    try {
      await socket.unsubscribe(key.key);
      await socket.close();
      print({ step: 'unsubscribe', ok: true, detail: 'closed' }, [m.unsubscribeOk(), m.allGood()]);
    } catch (error) {
      print({ step: 'unsubscribe', ok: false, detail: (error as Error).message }, [
        m.unsubscribeBad(describeError(context.lang, error)),
      ]);
    }
    return ExitCode.ok;
  } finally {
    socket.dispose();
  }
}
