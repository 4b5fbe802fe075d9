import { createContext, useContext, type ReactNode } from 'react';
import type { ContractApi } from '../../../shared/ipc/create-api.ts';
import { NEVER_RECONNECTS, type ReconnectSource } from '../model/live-feed.ts';

const ApiContext = createContext<ContractApi | null>(null);
const ReconnectContext = createContext<ReconnectSource>(NEVER_RECONNECTS);

/**
 * Provides the typed API (Electron IPC or the browser host; the UI cannot tell) and when its
 * transport reconnects (live values load again then).
 */
export function ApiProvider({
  api,
  reconnects = NEVER_RECONNECTS,
  children,
}: {
  api: ContractApi;
  reconnects?: ReconnectSource;
  children: ReactNode;
}) {
  return (
    <ApiContext.Provider value={api}>
      <ReconnectContext.Provider value={reconnects}>{children}</ReconnectContext.Provider>
    </ApiContext.Provider>
  );
}

/** The typed API. Every request resolves to `{ ok, value } | { ok: false, error }`. */
export function useApi(): ContractApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

/** Fires after the API's transport came back from a drop (never under Electron). */
export function useReconnects(): ReconnectSource {
  return useContext(ReconnectContext);
}
