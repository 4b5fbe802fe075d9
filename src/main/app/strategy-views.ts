import type { StrategyRequest } from '../../shared/ipc/views-app.ts';
import {
  strategyParamsOf,
  type StrategyParams,
  type StrategySummary,
} from '../core/strategy/index.ts';

/**
 * The engine's parameters for the panel's: units converted (seconds → ms), everything the
 * panel leaves out from the engine's defaults (strategyParamsOf, as the CLI's flags).
 */
export function engineParamsOf(params: StrategyRequest): StrategyParams {
  return strategyParamsOf({
    token: params.token,
    chain: params.chain,
    targetVolumeUsdt: params.volumeUsdt,
    targetPoints: params.points ?? null,
    amountUsdt: params.amountUsdt,
    buyOffsetPct: params.buyOffsetPct,
    sellOffsetPct: params.sellOffsetPct,
    intervalMs: params.intervalSec * 1000,
    legTimeoutMs: params.timeoutSec !== undefined ? params.timeoutSec * 1000 : undefined,
    maxLossUsdt: params.maxLossUsdt,
    maxWearBps: params.maxWearBps,
    maxMovePct: params.maxMovePct,
    sellLeftovers: params.sellLeftovers,
    cancelPendingAtEnd: params.cancelPending,
    dryRun: params.dryRun,
  });
}

/**
 * Ends after which a person must act before the account can trade again: the run stopped at
 * once and never retried; the app says so in a notice. (An expired session is not here: the
 * monitor's own session-failure notice says it.)
 */
export const ACCOUNT_STOP_CODES = new Set([
  'VERIFICATION_REQUIRED',
  'RISK_CHALLENGE',
  'INSUFFICIENT_BALANCE',
]);

/** What to do after an account stop, in plain language (the notice's body). */
export function accountStopAdvice(code: string): string {
  switch (code) {
    case 'VERIFICATION_REQUIRED':
      return 'Binance asks for supplementary verification (补充认证). Finish it in the Binance app (Alpha), then start the strategy again. Nothing was retried.';
    case 'RISK_CHALLENGE':
      return 'Binance asks for a security check (2FA) on orders. Place one Alpha order by hand on binance.com or in the app to pass it, then start again. Nothing was retried.';
    case 'INSUFFICIENT_BALANCE':
      return 'The funding wallet cannot pay the next buy (481020). Add USDT to it or lower the amount per trade, then start again. Nothing was retried.';
    default:
      return 'Log in again and re-import the session (Accounts), then start again.';
  }
}

/** A run that stopped for one of ACCOUNT_STOP_CODES (the notice translates the code). */
export interface StrategyAccountStop {
  accountId: string;
  code: string;
}

export function wearOf(p: {
  wearUsdt: string;
  wearBps: string | null;
  points: number | null;
  costPerPoint: string | null;
}) {
  return {
    wearUsdt: p.wearUsdt,
    wearBps: p.wearBps,
    points: p.points,
    costPerPoint: p.costPerPoint,
  };
}

/** The last line of a finished run; a failed one says its reason in its error instead. */
export function finishedMessage(summary: StrategySummary): string {
  switch (summary.outcome) {
    case 'target-reached':
      return summary.trades === 0
        ? 'Target already met today: nothing was placed.'
        : 'Target reached.';
    case 'dry-run':
      return 'Dry run: no order was placed.';
    case 'stopped':
      return 'Stopped.';
    default:
      return '';
  }
}
