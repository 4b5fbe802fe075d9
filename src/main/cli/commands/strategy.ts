import { assertNever } from '../../../shared/assert-never.ts';
import Big from 'big.js';
import {
  createStrategyRun,
  DEFAULT_STRATEGY_PARAMS,
  DEFAULT_VOLUME_RULE,
  VOLUME_RULES,
  type StrategyEvent,
  type StrategyParams,
  type StrategySummary,
  type VolumeRule,
  isAuthRejection,
} from '../../core/strategy/index.ts';
import { createStreamLogger } from '../../core/ports/logger.ts';
import type { CliCommand, CliContext } from '../common/cli-context.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import type { Lang } from '../i18n/lang.ts';
import { describeReason } from '../i18n/session-messages.ts';
import {
  errorCode,
  exact,
  messages,
  money,
  percent,
  pnl,
  wearLine,
} from '../strategy/strategy-messages.ts';
import { wearPhrase } from '../i18n/points-messages.ts';
import {
  openStrategyConnection,
  type StrategyConnection,
} from '../../core/strategy/strategy-connection.ts';
import {
  monitorSettingsOf,
  parseCommandArgs,
  resolveConnection,
  type ConnectionOptions,
} from '../common/connection-options.ts';

interface StrategyCliOptions {
  params: StrategyParams;
  yes: boolean;
  json: boolean;
  connection: ConnectionOptions;
}

/** The strategy's own options; the connection options come from common/connection-options.ts. */
const STRATEGY_OPTION_SPEC = {
  token: { type: 'string' },
  chain: { type: 'string' },
  volume: { type: 'string' },
  amount: { type: 'string' },
  interval: { type: 'string' },
  'buy-offset': { type: 'string' },
  'sell-offset': { type: 'string' },
  timeout: { type: 'string' },
  'volume-rule': { type: 'string' },
  'max-loss': { type: 'string' },
  'max-failures': { type: 'string' },
  'cancel-pending': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
} as const;

function decimalOption(
  value: string | boolean | undefined,
  name: string,
  fallback?: string,
): string {
  if (value === undefined) {
    if (fallback === undefined) throw new CliError(`--${name} is required`, ExitCode.usage);
    return fallback;
  }
  try {
    return new Big(value as string).toFixed();
  } catch {
    throw new CliError(`--${name} must be a number, got "${String(value)}"`, ExitCode.usage);
  }
}

function secondsOption(
  value: string | boolean | undefined,
  name: string,
  fallbackMs: number,
): number {
  if (value === undefined) return fallbackMs;
  const seconds = Number(value);
  if (
    typeof value !== 'string' ||
    value.trim() === '' ||
    !Number.isFinite(seconds) ||
    seconds < 0
  ) {
    throw new CliError(
      `--${name} must be a number of seconds ≥ 0, got "${String(value)}"`,
      ExitCode.usage,
    );
  }
  return Math.round(seconds * 1000);
}

/** Parses `alpha-monitor strategy` arguments (exported for tests). */
export function parseStrategyArgs(argv: string[], lang: Lang): StrategyCliOptions | 'help' {
  const { connection, values } = parseCommandArgs(argv, lang, STRATEGY_OPTION_SPEC);
  if (connection.help) return 'help';
  const text = (name: string) =>
    typeof values[name] === 'string' ? (values[name] as string) : undefined;
  const token = text('token');
  const chain = text('chain');
  if (!token) throw new CliError('--token is required (e.g. --token KOGE)', ExitCode.usage);
  if (!chain) throw new CliError('--chain is required (e.g. --chain BSC)', ExitCode.usage);
  const rule = (text('volume-rule') ?? DEFAULT_VOLUME_RULE) as VolumeRule;
  if (!VOLUME_RULES.includes(rule)) {
    throw new CliError(`--volume-rule must be one of ${VOLUME_RULES.join(', ')}`, ExitCode.usage);
  }
  const maxFailuresText = text('max-failures');
  const maxFailures =
    maxFailuresText === undefined
      ? DEFAULT_STRATEGY_PARAMS.maxConsecutiveFailures
      : Number(maxFailuresText);
  if (!Number.isInteger(maxFailures) || maxFailures < 1) {
    throw new CliError('--max-failures must be a whole number ≥ 1', ExitCode.usage);
  }
  return {
    params: {
      token,
      chain,
      targetVolumeUsdt: decimalOption(values.volume, 'volume'),
      amountUsdt: decimalOption(values.amount, 'amount', '10'),
      buyOffsetPct: decimalOption(
        values['buy-offset'],
        'buy-offset',
        DEFAULT_STRATEGY_PARAMS.buyOffsetPct,
      ),
      sellOffsetPct: decimalOption(
        values['sell-offset'],
        'sell-offset',
        DEFAULT_STRATEGY_PARAMS.sellOffsetPct,
      ),
      intervalMs: secondsOption(values.interval, 'interval', DEFAULT_STRATEGY_PARAMS.intervalMs),
      legTimeoutMs: secondsOption(values.timeout, 'timeout', DEFAULT_STRATEGY_PARAMS.legTimeoutMs),
      volumeRule: rule,
      maxLossUsdt:
        values['max-loss'] === undefined ? null : decimalOption(values['max-loss'], 'max-loss'),
      maxConsecutiveFailures: maxFailures,
      cancelPendingAtEnd: values['cancel-pending'] === true,
      dryRun: values['dry-run'] === true,
    },
    yes: values.yes === true,
    json: connection.json,
    connection,
  };
}

/** Reads one line from stdin (for the confirmation); null when `cancelled` settles first. */
function readLine(stdin: NodeJS.ReadableStream, cancelled: Promise<void>): Promise<string | null> {
  return new Promise((resolve) => {
    let text = '';
    let settled = false;
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      const nl = text.indexOf('\n');
      if (nl >= 0) finish(text.slice(0, nl).trim());
    };
    const onEnd = () => finish(text.trim());
    const finish = (line: string | null) => {
      if (settled) return;
      settled = true;
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.pause();
      resolve(line);
    };
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.resume();
    void cancelled.then(() => finish(null));
  });
}

function exitCodeFor(summary: StrategySummary): number {
  switch (summary.outcome) {
    case 'target-reached':
    case 'dry-run':
    case 'stopped':
      return ExitCode.ok;
    case 'auth-rejected':
      return ExitCode.credentialsRejected;
    case 'failed':
      return summary.reasonCode === 'INVALID_PARAMS' ||
        summary.reasonCode === 'TOKEN_NOT_FOUND' ||
        summary.reasonCode === 'TOKEN_AMBIGUOUS'
        ? ExitCode.usage
        : ExitCode.failure;
    case 'max-loss':
    case 'too-many-failures':
      return ExitCode.failure;
  }
}

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
  const logger = createStreamLogger({ minLevel: 'warn', write: (line) => ctx.stderr(`${line}\n`) });

  say(
    m.connecting(
      opts.connection.demo ? m.demo : (opts.connection.restUrl ?? 'https://www.binance.com'),
    ),
  );
  // --demo starts the embedded simulator; otherwise --credentials-file, the environment
  // variable or the keychain account (--user) are used, as for every connecting command.
  const resolved = await resolveConnection(opts.connection, ctx);
  const cleanup: Array<() => Promise<void> | void> = [() => resolved.dispose()];
  let connection: StrategyConnection;
  try {
    connection = await openStrategyConnection({
      restUrl: resolved.restUrl,
      wsUrl: resolved.wsUrl,
      credentials: resolved.credentials,
      accountId: resolved.accountId,
      logger,
      monitorSettings: monitorSettingsOf(opts.connection),
      // A dry run places nothing, so it needs no order stream.
      needStream: !opts.params.dryRun,
    });
  } catch (error) {
    for (const fn of cleanup.reverse()) await fn();
    if (isAuthRejection(error))
      throw new CliError(
        m.authRejected(errorCode(error), describeReason(ctx.lang, (error as Error).message)),
        ExitCode.credentialsRejected,
      );
    if (errorCode(error) === 'STREAM_NOT_LIVE')
      throw new CliError(
        `${m.streamNotLive} (${describeReason(ctx.lang, (error as Error).message)})`,
        ExitCode.failure,
      );
    throw error;
  }
  cleanup.push(() => connection.dispose());
  const strategy = createStrategyRun(
    {
      rest: connection.rest,
      orderUpdates: connection.orderUpdates,
      sessionFailures: connection.sessionFailures,
      clock: connection.clock,
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
  const unlessCancelled = <T>(work: Promise<T>) =>
    Promise.race([work, cancelled.then((): 'cancelled' => 'cancelled')]);
  try {
    if (!opts.params.dryRun && resolved.source !== 'demo' && !opts.yes) {
      // A preparation failure is reported by start() as the run's outcome.
      const prep = await unlessCancelled(strategy.prepare().catch(() => null));
      if (prep === 'cancelled') {
        say(m.cancelled);
        return ExitCode.ok;
      }
      if (prep) {
        if (!(ctx.stdin as { isTTY?: boolean }).isTTY) throw new CliError(m.noTty, ExitCode.usage);
        ctx.stderr(m.confirm(prep, opts.params.amountUsdt));
        const answer = await readLine(ctx.stdin, cancelled);
        if (answer === null) {
          ctx.stderr('\n');
          say(m.cancelled);
          return ExitCode.ok;
        }
        if (!['yes', 'y', '是'].includes(answer.toLowerCase())) {
          say(m.declined);
          return ExitCode.ok;
        }
      }
    }
    started = true;
    // The run reports progress after each fill and after each volume read; in the terminal a
    // line that says nothing new is left out.
    let lastLine = '';
    const writeLine = (line: string) => {
      if (line === lastLine && line.startsWith('[')) return;
      lastLine = line;
      ctx.stdout(`${line}\n`);
    };
    strategy.onDidEvent((event) => printEvent(event, opts, ctx, m, writeLine));
    const summary = await strategy.start();
    return exitCodeFor(summary);
  } finally {
    removeInterrupt();
    strategy.dispose();
    for (const fn of cleanup.reverse()) await fn();
  }
}

function printEvent(
  event: StrategyEvent,
  opts: StrategyCliOptions,
  ctx: CliContext,
  m: ReturnType<typeof messages>,
  out: (line: string) => void,
): void {
  if (opts.json) {
    ctx.stdout(`${JSON.stringify(event)}\n`);
    return;
  }
  switch (event.type) {
    case 'prepared':
      out(m.prepared(event, opts.params.amountUsdt));
      return;
    case 'order-planned':
      out(m.planned(event.trade, event));
      return;
    case 'order-placed':
      out(m.placed(event));
      return;
    case 'leg-filled':
      out(m.filled(event));
      return;
    case 'leg-timeout':
      out(m.timeout(event));
      return;
    case 'order-canceled':
      out(m.canceled(event));
      return;
    case 'trade-failed':
      out(m.failed(event));
      return;
    case 'trade-wear':
      out(m.tradeWear(event.trade, wearPhrase(ctx.lang, event.wearUsdt, event.wearBps)));
      return;
    case 'progress':
      out(
        m.progress(
          money(event.doneUsdt, 2),
          money(event.targetVolumeUsdt, 2),
          percent(event.doneUsdt, event.targetVolumeUsdt),
          event.trades,
          event.fills,
          exact(event.feesUsdt),
          pnl(event.costUsdt),
        ),
      );
      return;
    case 'summary': {
      out(m.outcome(event));
      out(m.summaryLine(event));
      if (!event.dryRun) out(wearLine(ctx.lang, event));
      const list = (legs: StrategySummary['openPendingOrders']) =>
        legs.map((l) => `#${l.orderId} (${l.symbol})`).join(', ');
      if (event.openPendingOrders.length > 0) out(m.openPending(list(event.openPendingOrders)));
      if (event.canceledPendingOrders.length > 0)
        out(m.canceledPending(list(event.canceledPendingOrders)));
      return;
    }
    default:
      assertNever(event, 'strategy event');
  }
}

export const command: CliCommand = {
  name: 'strategy',
  summary: { en: messages('en').summary, 'zh-CN': messages('zh-CN').summary },
  run,
};
