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
  assertStrategyParams,
  isAuthRejection,
  StrategyParamError,
} from '../../core/strategy/index.ts';
import { createStreamLogger } from '../../core/ports/logger.ts';
import type { CliCommand, CliContext } from '../common/cli-context.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import type { Lang } from '../i18n/lang.ts';
import { describeError } from '../i18n/session-messages.ts';
import {
  errorCode,
  exact,
  messages,
  money,
  percent,
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
  points: { type: 'string' },
  amount: { type: 'string' },
  interval: { type: 'string' },
  'buy-offset': { type: 'string' },
  'sell-offset': { type: 'string' },
  timeout: { type: 'string' },
  'volume-rule': { type: 'string' },
  'max-loss': { type: 'string' },
  'max-failures': { type: 'string' },
  'max-wear-bps': { type: 'string' },
  'max-move-pct': { type: 'string' },
  'sell-leftovers': { type: 'boolean' },
  'cancel-pending': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
} as const;

/** The strategy's options that take a value: a negative one may follow with a space. */
const VALUE_OPTIONS = new Set(
  Object.entries(STRATEGY_OPTION_SPEC)
    .filter(([, spec]) => spec.type === 'string')
    .map(([name]) => `--${name}`),
);

/**
 * `--volume -5` would make node:util's parser take `-5` for an option ("ambiguous"); joined
 * as `--volume=-5` it reaches the check that says "must not be negative".
 */
export function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (VALUE_OPTIONS.has(argv[i]!) && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${argv[i]}=${next}`);
      i++;
    } else {
      out.push(argv[i]!);
    }
  }
  return out;
}

/** A decimal option as written (checked by assertStrategyParams), or its default. */
function decimalOption(value: string | boolean | undefined, fallback: string): string {
  return typeof value === 'string' ? value.trim() : fallback;
}

/** Seconds → ms; a value that is no number stays NaN for the check to name. */
function secondsOption(value: string | boolean | undefined, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  const text = typeof value === 'string' ? value.trim() : '';
  const seconds = text === '' ? Number.NaN : Number(text);
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) : Number.NaN;
}

/** Parses `alpha-monitor strategy` arguments and checks them (exported for tests). */
export function parseStrategyArgs(argv: string[], lang: Lang): StrategyCliOptions | 'help' {
  const m = messages(lang);
  const { connection, values } = parseCommandArgs(
    joinNegativeValues(argv),
    lang,
    STRATEGY_OPTION_SPEC,
  );
  if (connection.help) return 'help';
  const text = (name: string) =>
    typeof values[name] === 'string' ? (values[name] as string) : undefined;
  const token = text('token');
  const chain = text('chain');
  if (!token) throw new CliError(m.tokenRequired, ExitCode.usage);
  if (!chain) throw new CliError(m.chainRequired, ExitCode.usage);
  const rule = (text('volume-rule') ?? DEFAULT_VOLUME_RULE) as VolumeRule;
  if (!VOLUME_RULES.includes(rule)) {
    throw new CliError(m.badRule(VOLUME_RULES.join(', ')), ExitCode.usage);
  }
  const volume = text('volume');
  const pointsText = text('points');
  if (volume === undefined && pointsText === undefined)
    throw new CliError(m.targetRequired, ExitCode.usage);
  if (volume !== undefined && pointsText !== undefined)
    throw new CliError(m.targetTwice, ExitCode.usage);
  const maxFailuresText = text('max-failures');
  const number = (t: string) => (/^\s*-?\d+(\.\d+)?\s*$/.test(t) ? Number(t) : Number.NaN);
  const params: StrategyParams = {
    token,
    chain,
    targetVolumeUsdt: volume?.trim() ?? '0',
    targetPoints: pointsText === undefined ? null : number(pointsText),
    amountUsdt: decimalOption(values.amount, DEFAULT_STRATEGY_PARAMS.amountUsdt),
    buyOffsetPct: decimalOption(values['buy-offset'], DEFAULT_STRATEGY_PARAMS.buyOffsetPct),
    sellOffsetPct: decimalOption(values['sell-offset'], DEFAULT_STRATEGY_PARAMS.sellOffsetPct),
    intervalMs: secondsOption(values.interval, DEFAULT_STRATEGY_PARAMS.intervalMs),
    legTimeoutMs: secondsOption(values.timeout, DEFAULT_STRATEGY_PARAMS.legTimeoutMs),
    volumeRule: rule,
    maxLossUsdt: text('max-loss')?.trim() ?? null,
    maxWearBps: text('max-wear-bps')?.trim() ?? null,
    maxMovePct: text('max-move-pct')?.trim() ?? null,
    sellLeftovers: values['sell-leftovers'] === true,
    maxConsecutiveFailures:
      maxFailuresText === undefined
        ? DEFAULT_STRATEGY_PARAMS.maxConsecutiveFailures
        : number(maxFailuresText),
    cancelPendingAtEnd: values['cancel-pending'] === true,
    dryRun: values['dry-run'] === true,
  };
  try {
    assertStrategyParams(params);
  } catch (error) {
    if (error instanceof StrategyParamError)
      throw new CliError(
        m.invalidParam(error.param, error.problem, text(error.param) ?? error.value, error.range),
        ExitCode.usage,
      );
    throw error;
  }
  return {
    params: {
      ...params,
      targetVolumeUsdt: volume === undefined ? '0' : new Big(volume.trim()).toFixed(),
      amountUsdt: new Big(params.amountUsdt).toFixed(),
      buyOffsetPct: new Big(params.buyOffsetPct).toFixed(),
      sellOffsetPct: new Big(params.sellOffsetPct).toFixed(),
      maxLossUsdt: params.maxLossUsdt === null ? null : new Big(params.maxLossUsdt).toFixed(),
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
        summary.reasonCode === 'TOKEN_AMBIGUOUS' ||
        summary.reasonCode === 'TOO_MANY_TRADES'
        ? ExitCode.usage
        : ExitCode.failure;
    case 'max-loss':
    case 'max-wear':
    case 'price-moved':
    case 'too-many-failures':
    case 'insufficient-balance':
      return ExitCode.failure;
    default:
      return assertNever(summary.outcome, 'strategy outcome');
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
      if (prep?.targetMet) {
        // Nothing to confirm: the run would place nothing.
        say(m.targetMet(prep));
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
        // Exactly "yes": a stray "y" must not start real trading.
        if (answer !== 'yes') {
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
          wearPhrase(ctx.lang, event.wearUsdt, event.wearBps),
        ),
      );
      return;
    case 'leftovers':
      out(m.leftovers(event));
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
