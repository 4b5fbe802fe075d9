import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ContractApi } from '../../../shared/ipc/create-api.ts';
import type { IpcError, IpcResult } from '../../../shared/ipc/result.ts';

const ApiContext = createContext<ContractApi | null>(null);

/** Provides the typed API (Electron IPC or the browser host; the UI cannot tell). */
export function ApiProvider({ api, children }: { api: ContractApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The typed API. Every request resolves to `{ ok, value } | { ok: false, error }`. */
export function useApi(): ContractApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

/**
 * A value loaded by one request and then kept current by one event. The event listener is
 * attached before the request is sent, so a change between the two is never lost; a value
 * from an event always wins over an older request result.
 */
export function useLiveValue<T>(
  load: () => Promise<IpcResult<T>>,
  subscribe: (set: (value: T) => void) => () => void,
  deps: readonly unknown[],
): { value: T | null; error: IpcError | null; reload: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let alive = true;
    let fromEvent = false;
    const off = subscribe((next) => {
      fromEvent = true;
      if (alive) setValue(next);
    });
    void load().then((result) => {
      if (!alive) return;
      if (result.ok) {
        if (!fromEvent) setValue(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
    return () => {
      alive = false;
      off();
    };
    // The caller's deps decide when to reload; load/subscribe are recreated every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  return { value, error, reload: () => setGeneration((g) => g + 1) };
}
