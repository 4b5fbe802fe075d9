import { useEffect, useState } from 'react';
import type { ContractApi } from '../../../shared/ipc/create-api.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import type { StrategyEstimateView, StrategyRequest } from '../../../shared/ipc/views-app.ts';

/** Waits this long after the last keystroke before asking (each ask reads the exchange). */
const ESTIMATE_DEBOUNCE_MS = 400;

export type StrategyEstimateState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; estimate: StrategyEstimateView }
  | { kind: 'error'; error: IpcError };

/**
 * What a run with `params` would do now (trades, expected wear, target already met), asked
 * again whenever the parameters change; idle while `params` is null (invalid or running).
 * `refreshKey` asks again with the same parameters (e.g. after a run ended).
 */
export function useStrategyEstimate(
  api: ContractApi,
  params: StrategyRequest | null,
  refreshKey: string,
): StrategyEstimateState {
  const key = params === null ? null : `${refreshKey}\u0000${JSON.stringify(params)}`;
  // The answer is kept with the question it answers: a newer question reads as loading.
  const [answer, setAnswer] = useState<{ key: string; state: StrategyEstimateState } | null>(null);
  useEffect(() => {
    if (key === null || params === null) return;
    let alive = true;
    const timer = setTimeout(() => {
      void api.estimateStrategy(params).then((result) => {
        if (!alive) return;
        setAnswer({
          key,
          state: result.ok
            ? { kind: 'ready', estimate: result.value }
            : { kind: 'error', error: result.error },
        });
      });
    }, ESTIMATE_DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
    // `key` stands for `params` (a new object on every render with the same values).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  if (key === null) return { kind: 'idle' };
  return answer?.key === key ? answer.state : { kind: 'loading' };
}
