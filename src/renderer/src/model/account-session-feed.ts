import type { ContractApi } from '../../../shared/ipc/create-api.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import type { MonitorSnapshot } from '../../../shared/ipc/views-monitor.ts';
import type { AccountSessionEvent, AccountSessionModel } from './account-session-model.ts';
import type { LiveFeed, LiveSink } from './live-feed.ts';

/** One account's session as a live feed: order batches and connection changes, then the snapshot. */
export function accountSessionFeed(
  api: ContractApi,
  accountId: string,
): LiveFeed<MonitorSnapshot, AccountSessionEvent> {
  return {
    subscribe: (listener) => {
      const offBatch = api.onOrderUpdates((batch) => listener({ batch }));
      const offConnection = api.onConnectionChanged((connection) => listener({ connection }));
      return () => {
        offBatch();
        offConnection();
      };
    },
    load: () => api.getMonitorSnapshot({ accountId }),
  };
}

/** Delivers the feed into the model; `onError` hears a failed load (null once one succeeds). */
export function accountSessionSink(
  model: AccountSessionModel,
  onError: (error: IpcError | null) => void,
): LiveSink<MonitorSnapshot, AccountSessionEvent> {
  return {
    loaded: (snapshot, held) => {
      onError(null);
      model.applySnapshot(snapshot, held);
    },
    event: (event) => model.applyEvent(event),
    failed: onError,
  };
}
