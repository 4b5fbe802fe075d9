import type { ContractApi } from '../../../shared/ipc/create-api.ts';
import type { StrategyProgressView } from '../../../shared/ipc/views-app.ts';
import { useLiveValue } from './use-live-feed.ts';

/** The current or last strategy run of one account, kept current by `strategyProgress` events. */
export function useStrategyProgress(
  api: ContractApi,
  accountId: string | null,
): StrategyProgressView | null {
  const { value } = useLiveValue<StrategyProgressView | null>(
    () =>
      accountId === null
        ? Promise.resolve({ ok: true, value: null })
        : api.getStrategyProgress({ accountId }),
    (set) =>
      api.onStrategyProgress((p) => {
        if (p.accountId === accountId) set(p);
      }),
    [api, accountId],
  );
  // A run of the previously selected account is never shown for this one.
  return value !== null && value.accountId === accountId ? value : null;
}
