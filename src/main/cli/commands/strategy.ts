import {
  createStrategyRun,
  DEFAULT_VOLUME_RULE,
  isAuthRejection,
} from '../../core/strategy/index.ts';
import { createCliLogger } from '../common/cli-logger.ts';
import {
  createAccountRest,
  openEngineSession,
  type AccountRest,
  type EngineSession,
} from '../../core/session/index.ts';
import type { CliCommand, CliContext } from '../common/cli-context.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import { monitorSettingsOf, resolveConnection } from '../common/connection-options.ts';
import { describeError } from '../i18n/session-messages.ts';
import { parseStrategyArgs, type StrategyCliOptions } from '../strategy/strategy-args.ts';
import { confirmLiveRun } from '../strategy/strategy-confirm.ts';
import { errorCode, messages } from '../strategy/strategy-messages.ts';
import { createStrategyOutput, exitCodeFor } from '../strategy/strategy-output.ts';

async function run(argv: string[], ctx: CliContext): Promise<number> {
  const m = messages(ctx.lang);
  let options: StrategyCliOptions | 'help';
  try {
    options = parseStrategyArgs(argv, ctx.lang);
  } catch (error) {
    if (error instanceof CliError && error.exitCode === ExitCode.usage)
      throw new CliError(m.usage(error.message), ExitCode.usage);
    throw error;
  }
  if (options === 'help') {
    ctx.stdout(m.help(DEFAULT_VOLUME_RULE));
    return ExitCode.ok;
  }
  const opts = options;
  const say = (line: string) => (opts.json ? ctx.stderr(`${line}\n`) : ctx.stdout(`${line}\n`));
  const logger = createCliLogger(ctx, opts.connection.verbose, 'strategy');

  // --demo starts the embedded simulator; otherwise --credentials-file, the environment
  // variable or the keychain account (--user) are used, as for every connecting command.
  // Resolved first: an unknown account is said before any "Connecting", and the address said
  // is the one used (an account's remembered --rest-url included).
  const resolved = await resolveConnection(opts.connection, ctx);
  say(m.connecting(resolved.source === 'demo' ? m.demo : resolved.restUrl));
  const account = {
    accountId: resolved.accountId,
    restUrl: resolved.restUrl,
    wsUrl: resolved.wsUrl,
    credentials: resolved.credentials,
    logger,
    monitor: monitorSettingsOf(opts.connection),
  };
  // A dry run places nothing, so it needs no order stream: the account's REST client only.
  let session: EngineSession | (AccountRest & { dispose(): Promise<void> });
  try {
    session = opts.params.dryRun
      ? { ...createAccountRest(account), dispose: async () => {} }
      : await openEngineSession(account);
  } catch (error) {
    await resolved.dispose();
    if (isAuthRejection(error))
      throw new CliError(
        m.authRejected(errorCode(error), describeError(ctx.lang, error)),
        ExitCode.credentialsRejected,
      );
    if (errorCode(error) === 'STREAM_NOT_LIVE')
      throw new CliError(
        `${m.streamNotLive} (${describeError(ctx.lang, error)})`,
        ExitCode.failure,
      );
    throw error;
  }
  const stream = 'monitor' in session ? session : null;
  const strategy = createStrategyRun(
    {
      rest: session.rest,
      orderUpdates: stream ? stream.orderUpdates : () => ({ dispose() {} }),
      ...(stream ? { sessionFailures: stream.sessionFailures } : {}),
      clock: session.clock,
      logger,
    },
    opts.params,
  );
  // Ctrl+C before the run starts (while preparing or at the confirmation prompt) cancels:
  // nothing has been placed, so there is nothing to stop.
  let started = false;
  let cancel = () => {};
  const cancelled = new Promise<void>((resolve) => (cancel = resolve));
  const removeInterrupt = ctx.onInterrupt(() => {
    if (!started) {
      cancel();
      return;
    }
    say(m.stopping);
    void strategy.stop();
  });
  try {
    if (!opts.params.dryRun && resolved.source !== 'demo' && !opts.yes) {
      const go = await confirmLiveRun(strategy, ctx, {
        amountUsdt: opts.params.amountUsdt,
        cancelled,
        say,
      });
      if (go === 'stop') return ExitCode.ok;
    }
    started = true;
    strategy.onDidEvent(
      createStrategyOutput(ctx, { json: opts.json, amountUsdt: opts.params.amountUsdt }),
    );
    const summary = await strategy.start();
    return exitCodeFor(summary);
  } finally {
    removeInterrupt();
    strategy.dispose();
    await session.dispose();
    await resolved.dispose();
  }
}

/** `alpha-monitor strategy`: the OTO volume strategy on one account (cli/strategy/ has its parts). */
export const command: CliCommand = {
  name: 'strategy',
  summary: { en: messages('en').summary, 'zh-CN': messages('zh-CN').summary },
  run,
};
