import { describe, expect, it } from 'vitest';
import { DEFAULT_STRATEGY_PARAMS, DEFAULT_VOLUME_RULE } from '../../core/strategy/index.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import { messages } from './strategy-messages.ts';
import { parseStrategyArgs } from './strategy-args.ts';

const REQUIRED = ['--token', 'KOGE', '--chain', 'BSC', '--volume', '20'];

function parsed(argv: string[]) {
  const options = parseStrategyArgs(argv, 'en');
  if (options === 'help') throw new Error('expected options, got help');
  return options;
}

function usageError(argv: string[]): string {
  try {
    parseStrategyArgs(argv, 'en');
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.usage);
    return (error as CliError).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('alpha-monitor strategy options', () => {
  it('fills in the documented defaults', () => {
    const options = parsed(REQUIRED);
    expect(options.params).toEqual({
      token: 'KOGE',
      chain: 'BSC',
      targetVolumeUsdt: '20',
      targetPoints: null,
      amountUsdt: '10',
      buyOffsetPct: DEFAULT_STRATEGY_PARAMS.buyOffsetPct,
      sellOffsetPct: DEFAULT_STRATEGY_PARAMS.sellOffsetPct,
      intervalMs: DEFAULT_STRATEGY_PARAMS.intervalMs,
      legTimeoutMs: DEFAULT_STRATEGY_PARAMS.legTimeoutMs,
      volumeRule: DEFAULT_VOLUME_RULE,
      maxLossUsdt: null,
      maxWearBps: null,
      maxMovePct: null,
      sellLeftovers: false,
      maxConsecutiveFailures: DEFAULT_STRATEGY_PARAMS.maxConsecutiveFailures,
      cancelPendingAtEnd: false,
      dryRun: false,
    });
    expect(options).toMatchObject({ yes: false, json: false });
  });

  it('takes a negative offset in the = form, seconds as milliseconds, and the flags', () => {
    const options = parsed([
      ...REQUIRED,
      '--amount',
      '25.5',
      '--buy-offset=-5',
      '--sell-offset',
      '0.25',
      '--interval',
      '2.5',
      '--timeout',
      '30',
      '--volume-rule',
      'raw',
      '--max-loss',
      '1',
      '--max-failures',
      '5',
      '--cancel-pending',
      '--dry-run',
      '-y',
      '--json',
    ]);
    expect(options.params).toMatchObject({
      amountUsdt: '25.5',
      buyOffsetPct: '-5',
      sellOffsetPct: '0.25',
      intervalMs: 2_500,
      legTimeoutMs: 30_000,
      volumeRule: 'raw',
      maxLossUsdt: '1',
      maxConsecutiveFailures: 5,
      cancelPendingAtEnd: true,
      dryRun: true,
    });
    expect(options).toMatchObject({ yes: true, json: true });
  });

  it('refuses out-of-range values by name (issue 14), a negative one said to be negative', () => {
    const base = ['--token', 'KOGE', '--chain', 'BSC'];
    expect(usageError([...base, '--volume', '0'])).toMatch(/--volume must be above 0, got 0/);
    expect(usageError([...base, '--volume=-5'])).toMatch(/--volume must not be negative, got -5/);
    // With a space: not node:util's "ambiguous" message, the same clear one.
    const spaced = usageError([...base, '--volume', '-5']);
    expect(spaced).toMatch(/--volume must not be negative, got -5/);
    expect(spaced).not.toMatch(/ambiguous/i);
    expect(usageError([...REQUIRED, '--amount', '0'])).toMatch(/--amount must be above 0/);
    expect(usageError([...REQUIRED, '--sell-offset', '150'])).toMatch(
      /--sell-offset must be in -100 < x < 100 \(%\), got 150/,
    );
    expect(usageError([...REQUIRED, '--max-loss=-1'])).toMatch(/--max-loss must not be negative/);
    expect(usageError([...REQUIRED, '--timeout', '0'])).toMatch(/--timeout must be above 0/);
    expect(usageError([...REQUIRED, '--max-wear-bps', '-2'])).toMatch(
      /--max-wear-bps must not be negative/,
    );
    expect(usageError([...REQUIRED, '--max-move-pct', '0'])).toMatch(
      /--max-move-pct must be above 0/,
    );
    expect(usageError([...base, '--points', '2.5'])).toMatch(/--points must be a whole number/);
    expect(usageError([...base, '--points', '99'])).toMatch(/--points must be in 1\.\.40/);
    expect(usageError([...REQUIRED, '--points', '12'])).toMatch(/alternatives/);
  });

  it('takes --points and the stops', () => {
    const options = parsed([
      ...['--token', 'KOGE', '--chain', 'BSC', '--points', '12'],
      ...['--max-wear-bps', '8', '--max-move-pct', '1.5', '--sell-leftovers'],
    ]);
    expect(options.params).toMatchObject({
      targetPoints: 12,
      maxWearBps: '8',
      maxMovePct: '1.5',
      sellLeftovers: true,
    });
  });

  it('answers --help without asking for the required options', () => {
    expect(parseStrategyArgs(['--help'], 'en')).toBe('help');
  });

  it('reports missing and bad values as usage errors that name the option', () => {
    expect(usageError(['--chain', 'BSC', '--volume', '20'])).toMatch(/--token is required/);
    expect(usageError(['--token', 'KOGE', '--volume', '20'])).toMatch(/--chain is required/);
    expect(usageError(['--token', 'KOGE', '--chain', 'BSC'])).toMatch(
      /--volume <usdt> or --points <n> is required/,
    );
    expect(usageError([...REQUIRED, '--amount', 'ten'])).toMatch(/--amount must be a number/);
    expect(usageError([...REQUIRED, '--buy-offset=x'])).toMatch(/--buy-offset must be a number/);
    expect(usageError([...REQUIRED, '--interval=-1'])).toMatch(/--interval must not be negative/);
    expect(usageError([...REQUIRED, '--timeout', 'soon'])).toMatch(/--timeout must be a number/);
    expect(usageError([...REQUIRED, '--volume-rule', 'double'])).toMatch(
      /--volume-rule must be one of mulPoint, raw/,
    );
    expect(usageError([...REQUIRED, '--max-failures', '0'])).toMatch(/--max-failures/);
    expect(usageError([...REQUIRED, '--max-failures', '1.5'])).toMatch(/--max-failures/);
    expect(usageError([...REQUIRED, '--no-such-option'])).toBeTruthy();
  });
});

describe('alpha-monitor strategy --help', () => {
  it('says how much volume a trade adds and that the last trade is sized down', () => {
    const en = messages('en').help(DEFAULT_VOLUME_RULE);
    expect(en).toMatch(/about amount \/ \(1 \+ buy offset\) of volume/);
    expect(en).toMatch(/The last trade buys only what the\s+target still needs/);
    expect(messages('zh-CN').help(DEFAULT_VOLUME_RULE)).toMatch(/最后一笔只买目标还差的部分/);
  });
});
