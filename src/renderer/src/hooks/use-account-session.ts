import { useMemo, useState, useSyncExternalStore } from 'react';
import type { ContractApi } from '../../../shared/ipc/create-api.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import { accountSessionFeed, accountSessionSink } from '../model/account-session-feed.ts';
import { AccountSessionModel } from '../model/account-session-model.ts';
import { useLiveFeed } from './use-live-feed.ts';

/**
 * Keeps an AccountSessionModel in step with main for the selected account through one live
 * feed (useLiveFeed): order batches and connection changes are listened to first, then the
 * snapshot is loaded, and loaded again after the transport reconnects (batches sent while the
 * link was down are gone). `reloadKey` forces a fresh model (e.g. after the monitor was
 * restarted, which opens a new session).
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
  useLiveFeed(
    model && accountSessionFeed(api, model.accountId),
    model && accountSessionSink(model, (error) => setFailure(error && { model, error })),
    [api, model],
  );
  const version = useSyncExternalStore(
    model ? model.subscribe : noopSubscribe,
    model ? model.getVersion : zero,
  );
  return { model, error: failure?.model === model ? failure.error : null, version };
}

const noopSubscribe = () => () => {};
const zero = () => 0;
