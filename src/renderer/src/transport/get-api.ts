import { createApi, type ContractApi } from '../../../shared/ipc/create-api.ts';
import { HOST_TOKEN_PARAM, HOST_WS_PATH } from '../../../shared/ipc/wire.ts';
import { createWebSocketTransport, type HostConnectionState } from './websocket-transport.ts';

let cached: ContractApi | undefined;
const hostStateListeners = new Set<(state: HostConnectionState) => void>();

/**
 * The one way the renderer reaches main: `window.api` under Electron (from the preload),
 * otherwise the same API over a WebSocket to the browser host that served this page (the
 * token comes from the page's URL). The renderer cannot tell the two apart.
 */
export function getApi(): ContractApi {
  if (cached) return cached;
  if (window.api) return (cached = window.api);
  const token = new URLSearchParams(window.location.search).get(HOST_TOKEN_PARAM) ?? '';
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = `${scheme}//${window.location.host}${HOST_WS_PATH}?${HOST_TOKEN_PARAM}=${encodeURIComponent(token)}`;
  const transport = createWebSocketTransport({
    url,
    onStateChange: (state) => {
      for (const listener of [...hostStateListeners]) listener(state);
    },
  });
  return (cached = createApi(transport));
}

/** Browser host only: the page's link to the host dropped or came back. Never fires under Electron. */
export function onHostConnectionChange(listener: (state: HostConnectionState) => void): () => void {
  hostStateListeners.add(listener);
  return () => void hostStateListeners.delete(listener);
}

export type { ContractApi as Api, HostConnectionState };
