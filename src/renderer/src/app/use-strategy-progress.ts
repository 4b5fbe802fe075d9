import { useEffect, useState } from 'react';
import type { ContractApi } from '../../../shared/ipc/create-api.ts';
import type { StrategyProgressView } from '../../../shared/ipc/views-app.ts';

/** The current or last strategy run of one account, kept current by `strategyProgress` events. */
export function useStrategyProgress(
  api: ContractApi,
  accountId: string | null,
): StrategyProgressView | null {
  const [progress, setProgress] = useState<StrategyProgressView | null>(null);
  useEffect(() => {
    if (accountId === null) return;
    let alive = true;
    let fromEvent = false;
    const off = api.onStrategyProgress((p) => {
      if (p.accountId !== accountId) return;
      fromEvent = true;
      setProgress(p);
    });
    void api.getStrategyProgress({ accountId }).then((result) => {
      if (alive && result.ok && !fromEvent) setProgress(result.value);
    });
    return () => {
      alive = false;
      off();
    };
  }, [api, accountId]);
  // A run of the previously selected account is never shown for this one.
  return progress !== null && progress.accountId === accountId ? progress : null;
}
