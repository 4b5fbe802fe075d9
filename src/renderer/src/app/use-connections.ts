import { useEffect, useState } from 'react';
import type { ContractApi } from '../../../shared/ipc/create-api.ts';
import type { ConnectionView } from '../../../shared/ipc/views-monitor.ts';

/** Connection state of every account (for the accounts list), kept current by events. */
export function useConnections(api: ContractApi): ReadonlyMap<string, ConnectionView> {
  const [connections, setConnections] = useState<ReadonlyMap<string, ConnectionView>>(new Map());
  useEffect(() => {
    let alive = true;
    const seenFromEvents = new Set<string>();
    const off = api.onConnectionChanged((c) => {
      seenFromEvents.add(c.accountId);
      setConnections((prev) => new Map(prev).set(c.accountId, c));
    });
    void api.listConnections().then((result) => {
      if (!alive || !result.ok) return;
      setConnections((prev) => {
        const next = new Map(prev);
        for (const c of result.value)
          if (!seenFromEvents.has(c.accountId)) next.set(c.accountId, c);
        return next;
      });
    });
    return () => {
      alive = false;
      off();
    };
  }, [api]);
  return connections;
}
