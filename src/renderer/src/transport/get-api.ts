import { createApi, type ContractApi } from '../../../shared/ipc/create-api.ts';
import { HOST_WS_PATH } from '../../../shared/ipc/wire.ts';
import { createWebSocketTransport, type HostConnectionState } from './websocket-transport.ts';

let cached: ContractApi | undefined;
const hostStateListeners = new Set<(state: HostConnectionState) => void>();
const reconnectListeners = new Set<() => void>();

/**
 * The one way the renderer reaches main: `window.api` under Electron (from the preload),
 * otherwise the same API over a WebSocket to the browser host that served this page. The
 * host already traded the printed URL's token for an HttpOnly session cookie and reloaded the
 * page at the clean URL, so the page holds no secret: the browser sends the cookie with the
 * socket. The renderer cannot tell the two apart.
 */
export function getApi(): ContractApi {
  if (cached) return cached;
  if (window.api) return (cached = window.api);
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const transport = createWebSocketTransport({
    url: `${scheme}//${window.location.host}${HOST_WS_PATH}`,
    onStateChange: (state) => {
      for (const listener of [...hostStateListeners]) listener(state);
    },
  });
  transport.onDidReconnect(() => {
    for (const listener of [...reconnectListeners]) listener();
  });
  return (cached = createApi(transport));
}

/** Browser host only: the page's link to the host dropped or came back. Never fires under Electron. */
export function onHostConnectionChange(listener: (state: HostConnectionState) => void): () => void {
  hostStateListeners.add(listener);
  return () => void hostStateListeners.delete(listener);
}

export type { ContractApi as Api, HostConnectionState };

/**
 * The page's link to main came back after a drop (browser host only; Electron's IPC never
 * drops): everything loaded before may be stale. Live values reload on it (useLiveFeed).
 */
export function onTransportReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => void reconnectListeners.delete(listener);
}
