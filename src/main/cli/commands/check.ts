import { maskListenKey } from '../../../shared/secrets/mask.ts';
import { systemClock } from '../../core/ports/clock.ts';
import { createAccountRest } from '../../core/session/index.ts';
import { defaultWebSocketFactory, OrderStreamConnection } from '../../core/stream/index.ts';
import type { CliCommand, CliContext } from '../common/cli-context.ts';
import { createCliLogger } from '../common/cli-logger.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import {
  parseCommandArgs,
  resolveConnection,
  STREAM_CHECK_OPTIONS,
  type ResolvedConnection,
} from '../common/connection-options.ts';
import { fetchListenKey } from '../common/fetch-listen-key.ts';
import { jsonFailure, type JsonFailure } from '../common/json-failure.ts';
import { checkMessages } from '../i18n/check-messages.ts';
import { connectionMessages } from '../i18n/connection-messages.ts';
import { credentialSourceLabel, describeError } from '../i18n/session-messages.ts';
import { authMessages, sessionExpiredMessage } from '../i18n/watch-messages.ts';

/**
 * One step as `--json` prints it: what it found (`params`: the account, the masked key, the
 * URL) or, when it failed, the failure's code and parameters; `message` is the step's line in
 * `--lang` (and `fix` what to do about a ❌).
 */
type Step =
  | { step: string; ok: true; params: Record<string, string> }
  | ({ step: string; ok: false } & Omit<JsonFailure, 'message'>);

/** Prints a step: its lines for people, or one JSON line (the first line is its `message`). */
type PrintStep = (step: Step, lines: string[]) => void;

const STATUS_MARK = /^(✅|❌) /;

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
    // Each step's outcome also goes to the CLI log (codes and masked params only), so a
    // failed check can be read there later like a watch's.
    const logger = createCliLogger(context, false, 'check');
    const print: PrintStep = (step, lines) => {
      if (step.ok) logger.info(`${step.step} ok`, step.params);
      else logger.warn(`${step.step} failed`, { code: step.code, params: step.params });
      if (!connection.json) {
        context.stdout(lines.join('\n') + '\n');
        return;
      }
      const [line = '', fix] = lines;
      const message = line.replace(STATUS_MARK, '');
      const what =
        !step.ok && fix !== undefined ? { fix: fix.trim().replace(STATUS_MARK, '') } : {};
      const json = { type: 'step', ...step, message, ...what };
      context.stdout(JSON.stringify(json) + '\n');
    };
    let resolved: ResolvedConnection;
    try {
      resolved = await resolveConnection(connection, context);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      print({ step: 'credentials', ok: false, ...failure(context, error) }, [
        m.credentialsBad(error.message),
      ]);
      return error.exitCode;
    }
    try {
      const params = { account: resolved.accountId, source: resolved.source };
      print({ step: 'credentials', ok: true, params }, [
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
  print: PrintStep,
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
    print({ step: 'listenKey', ok: false, ...failure(context, key.error) }, [
      m.keyBad(describeError(context.lang, key.error)),
      fix,
    ]);
    return key.exitCode;
  }
  print({ step: 'listenKey', ok: true, params: { listenKey: maskListenKey(key.key) } }, [
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
      print({ step: 'connect', ok: false, ...failure(context, error) }, [
        m.connectBad(resolved.wsUrl, describeError(context.lang, error)),
        m.connectFix(),
      ]);
      return ExitCode.neverLive;
    }
    const connected = { url: resolved.wsUrl };
    print({ step: 'connect', ok: true, params: connected }, [m.connectOk(resolved.wsUrl)]);
    try {
      await socket.subscribe(key.key);
    } catch (error) {
      print({ step: 'subscribe', ok: false, ...failure(context, error) }, [
        m.subscribeBad(describeError(context.lang, error)),
        m.subscribeFix(),
      ]);
      return ExitCode.neverLive;
    }
    print({ step: 'subscribe', ok: true, params: {} }, [m.subscribeOk()]);
    try {
      await socket.unsubscribe(key.key);
      await socket.close();
      print({ step: 'unsubscribe', ok: true, params: {} }, [m.unsubscribeOk(), m.allGood()]);
    } catch (error) {
      print({ step: 'unsubscribe', ok: false, ...failure(context, error) }, [
        m.unsubscribeBad(describeError(context.lang, error)),
      ]);
    }
    return ExitCode.ok;
  } finally {
    socket.dispose();
  }
}

/** The code and parameters of a failed step (its sentence is the step's printed line). */
function failure(context: CliContext, error: unknown): Omit<JsonFailure, 'message'> {
  const { code, params } = jsonFailure(context.lang, error);
  return { code, params };
}
