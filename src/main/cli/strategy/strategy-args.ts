import {
  assertStrategyParams,
  plainStrategyParams,
  strategyParamsOf,
  StrategyParamError,
  VOLUME_RULES,
  DEFAULT_VOLUME_RULE,
  type StrategyParams,
  type VolumeRule,
} from '../../core/strategy/index.ts';
import { isDecimalString } from '../../../shared/domain/decimal-string.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import { parseCommandArgs, type ConnectionOptions } from '../common/connection-options.ts';
import type { Lang } from '../i18n/lang.ts';
import { describeStrategyReason } from '../../../shared/reasons/strategy-reason-text.ts';
import { messages } from './strategy-messages.ts';

/** `alpha-monitor strategy`'s arguments, checked. */
export interface StrategyCliOptions {
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

/** Seconds → ms; a value that is no number stays NaN for the check to name. */
function secondsOption(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  const seconds = text === '' ? Number.NaN : Number(text);
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) : Number.NaN;
}

/**
 * Parses `alpha-monitor strategy` arguments and checks them: the flags become the engine's
 * parameters through `strategyParamsOf` (its defaults for what is left out), as the panel's do.
 */
export function parseStrategyArgs(argv: string[], lang: Lang): StrategyCliOptions | 'help' {
  const m = messages(lang);
  const { connection, values } = parseCommandArgs(
    joinNegativeValues(argv),
    lang,
    STRATEGY_OPTION_SPEC,
  );
  if (connection.help) return 'help';
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
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
  const number = (t: string) =>
    isDecimalString(t.trim(), { signed: true }) ? Number(t) : Number.NaN;
  const params = strategyParamsOf({
    token,
    chain,
    targetVolumeUsdt: volume?.trim(),
    targetPoints: pointsText === undefined ? null : number(pointsText),
    amountUsdt: text('amount')?.trim(),
    buyOffsetPct: text('buy-offset')?.trim(),
    sellOffsetPct: text('sell-offset')?.trim(),
    intervalMs: secondsOption(values.interval),
    legTimeoutMs: secondsOption(values.timeout),
    volumeRule: rule,
    maxLossUsdt: text('max-loss')?.trim(),
    maxWearBps: text('max-wear-bps')?.trim(),
    maxMovePct: text('max-move-pct')?.trim(),
    sellLeftovers: values['sell-leftovers'] === true,
    maxConsecutiveFailures: maxFailuresText === undefined ? undefined : number(maxFailuresText),
    cancelPendingAtEnd: values['cancel-pending'] === true,
    dryRun: values['dry-run'] === true,
  });
  try {
    assertStrategyParams(params);
  } catch (error) {
    // Said with the value as typed (`--volume=-5`), not as the engine read it.
    if (error instanceof StrategyParamError)
      throw new CliError(
        describeStrategyReason(lang, { ...error.reason, value: text(error.param) ?? error.value }),
        ExitCode.usage,
      );
    throw error;
  }
  return {
    params: plainStrategyParams(params),
    yes: values.yes === true,
    json: connection.json,
    connection,
  };
}
