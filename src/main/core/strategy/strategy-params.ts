import Big from 'big.js';
import { DEFAULT_STRATEGY_PARAMS } from '../../../shared/strategy/strategy-defaults.ts';
import type { StrategyParams } from './strategy-types.ts';
import { DEFAULT_VOLUME_RULE } from './volume-accounting.ts';

/**
 * A run's settings as a caller has them (the CLI's flags, the panel's fields): the token, a
 * target, and whatever the person set. Everything left out takes the engine's default.
 */
export type StrategyParamsInput = Pick<StrategyParams, 'token' | 'chain'> &
  Partial<Omit<StrategyParams, 'token' | 'chain'>>;

/**
 * The one mapping to a run's parameters: the engine's defaults (DEFAULT_STRATEGY_PARAMS, the
 * volume rule) for what `input` leaves out. Not checked: `assertStrategyParams` names what is
 * wrong (the CLI before connecting, the run before its first read).
 */
export function strategyParamsOf(input: StrategyParamsInput): StrategyParams {
  const targetPoints = input.targetPoints ?? null;
  return {
    token: input.token,
    chain: input.chain,
    targetVolumeUsdt: input.targetVolumeUsdt ?? '0',
    targetPoints,
    amountUsdt: input.amountUsdt ?? DEFAULT_STRATEGY_PARAMS.amountUsdt,
    buyOffsetPct: input.buyOffsetPct ?? DEFAULT_STRATEGY_PARAMS.buyOffsetPct,
    sellOffsetPct: input.sellOffsetPct ?? DEFAULT_STRATEGY_PARAMS.sellOffsetPct,
    intervalMs: input.intervalMs ?? DEFAULT_STRATEGY_PARAMS.intervalMs,
    legTimeoutMs: input.legTimeoutMs ?? DEFAULT_STRATEGY_PARAMS.legTimeoutMs,
    volumeRule: input.volumeRule ?? DEFAULT_VOLUME_RULE,
    maxLossUsdt: input.maxLossUsdt ?? null,
    maxWearBps: input.maxWearBps ?? null,
    maxMovePct: input.maxMovePct ?? null,
    sellLeftovers: input.sellLeftovers ?? false,
    maxConsecutiveFailures:
      input.maxConsecutiveFailures ?? DEFAULT_STRATEGY_PARAMS.maxConsecutiveFailures,
    cancelPendingAtEnd: input.cancelPendingAtEnd ?? false,
    dryRun: input.dryRun ?? false,
    ...(input.cancelConfirmTimeoutMs !== undefined
      ? { cancelConfirmTimeoutMs: input.cancelConfirmTimeoutMs }
      : {}),
  };
}

/**
 * Checked parameters with their decimals written plainly (`020.50` → `20.5`), as the run
 * reports them back. Call after `assertStrategyParams`: every decimal must parse.
 */
export function plainStrategyParams(params: StrategyParams): StrategyParams {
  const plain = (value: string) => new Big(value.trim()).toFixed();
  const optional = (value: string | null | undefined) =>
    value === null || value === undefined ? value : plain(value);
  return {
    ...params,
    targetVolumeUsdt:
      params.targetPoints === null || params.targetPoints === undefined
        ? plain(params.targetVolumeUsdt)
        : params.targetVolumeUsdt,
    amountUsdt: plain(params.amountUsdt),
    buyOffsetPct: plain(params.buyOffsetPct),
    sellOffsetPct: plain(params.sellOffsetPct),
    maxLossUsdt: optional(params.maxLossUsdt) ?? null,
  };
}
