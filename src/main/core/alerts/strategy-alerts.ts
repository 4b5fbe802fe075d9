import Big from 'big.js';
import type { StrategyProgressView } from '../../../shared/ipc/views-app.ts';
import type { AlertEvent } from './alert-event.ts';

/** Strategy stop codes that mean a wear (or loss) limit was hit. */
export const WEAR_LIMIT_CODES: ReadonlySet<string> = new Set([
  'MAX_WEAR_TRADE',
  'MAX_WEAR_RUN',
  'MAX_LOSS',
]);

/**
 * The alert of a strategy run's progress, when it just ended: `strategy-finished` (it
 * reached its target, or was stopped by the user), `wear-limit` (a wear or loss limit stopped
 * it), `strategy-paused` (anything else stopped it early). Null while it runs.
 */
export function strategyAlertOf(
  previous: StrategyProgressView['state'] | undefined,
  view: StrategyProgressView,
  atMs: number,
): AlertEvent | null {
  if (previous === view.state) return null;
  const base = {
    accountId: view.accountId,
    atMs,
    doneVolumeUsdt: view.doneVolumeUsdt,
    targetVolumeUsdt: view.targetVolumeUsdt,
  };
  if (view.state === 'finished') {
    const reached = new Big(view.doneVolumeUsdt).gte(view.targetVolumeUsdt);
    return {
      ...base,
      kind: 'strategy-finished',
      outcome: reached ? 'target-reached' : 'stopped',
      trades: view.trades,
    };
  }
  if (view.state !== 'failed') return null;
  const code = view.error?.code ?? 'FAILED';
  if (WEAR_LIMIT_CODES.has(code))
    return {
      ...base,
      kind: 'wear-limit',
      reasonCode: code,
      wearUsdt: view.wearUsdt,
      wearBps: view.wearBps,
    };
  return { ...base, kind: 'strategy-paused', reasonCode: code };
}
