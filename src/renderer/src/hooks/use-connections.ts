import type { ContractApi } from '../../../shared/ipc/create-api.ts';
import type { ConnectionView } from '../../../shared/ipc/views-monitor.ts';
import type { LiveReducer } from '../model/live-state.ts';
import { useLiveState } from './use-live-feed.ts';

type Connections = ReadonlyMap<string, ConnectionView>;

/** The list loads every account; an event (newer than the list) replaces one. */
const CONNECTIONS: LiveReducer<Connections, ConnectionView[], ConnectionView> = {
  loaded: (list, held) => {
    const next = new Map(list.map((c) => [c.accountId, c]));
    for (const c of held) next.set(c.accountId, c);
    return next;
  },
  event: (current, c) => new Map(current ?? []).set(c.accountId, c),
};

const NONE: Connections = new Map();

/** Connection state of every account (for the accounts list), kept current by events. */
export function useConnections(api: ContractApi): Connections {
  const { value } = useLiveState(
    () => api.listConnections(),
    (listener: (c: ConnectionView) => void) => api.onConnectionChanged(listener),
    CONNECTIONS,
    [api],
  );
  return value ?? NONE;
}
