import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ContractApi } from '../../../shared/ipc/create-api.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import { AccountSessionModel } from '../model/account-session-model.ts';

/**
 * Keeps an AccountSessionModel in step with main for the selected account: listens to order
 * batches and connection changes first, then loads the snapshot. `reloadKey` forces a fresh
 * snapshot (e.g. after the monitor was restarted, which opens a new session).
 */
export function useAccountSession(
  api: ContractApi,
  accountId: string | null,
  reloadKey: string,
): { model: AccountSessionModel | null; error: IpcError | null; version: number } {
  // A fresh model per account and per session (reloadKey), so nothing of the last one leaks in.
  const model = useMemo(
    () => (accountId === null ? null : new AccountSessionModel(accountId)),
    // reloadKey only forces a new model.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [accountId, reloadKey],
  );
  const [failure, setFailure] = useState<{ model: AccountSessionModel; error: IpcError } | null>(
    null,
  );
  useEffect(() => {
    if (model === null) return;
    let alive = true;
    const offBatch = api.onOrderUpdates((batch) => model.applyBatch(batch));
    const offConnection = api.onConnectionChanged((connection) =>
      model.applyConnection(connection),
    );
    void api.getMonitorSnapshot({ accountId: model.accountId }).then((result) => {
      if (!alive) return;
      if (result.ok) model.applySnapshot(result.value);
      else setFailure({ model, error: result.error });
    });
    return () => {
      alive = false;
      offBatch();
      offConnection();
    };
  }, [api, model]);
  const version = useSyncExternalStore(
    model ? model.subscribe : noopSubscribe,
    model ? model.getVersion : zero,
  );
  return { model, error: failure?.model === model ? failure.error : null, version };
}

const noopSubscribe = () => () => {};
const zero = () => 0;
