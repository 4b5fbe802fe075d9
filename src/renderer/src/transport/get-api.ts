import { createApi, type ContractApi } from '../../../shared/ipc/create-api.ts';
import type { ClientTransport } from '../../../shared/ipc/transport.ts';
import { HOST_TOKEN_PARAM, HOST_WS_PATH } from '../../../shared/ipc/wire.ts';
import { createWebSocketTransport, type HostConnectionState } from './websocket-transport.ts';

let cached: ContractApi | undefined;
const hostStateListeners = new Set<(state: HostConnectionState) => void>();

/**
 * The one way the renderer reaches main: `window.api` under Electron (from the preload),
 * otherwise the same API over a WebSocket to the browser host that served this page (the
 * token comes from the page's URL once, see takeHostToken). The renderer cannot tell the two
 * apart.
 */
export function getApi(): ContractApi {
  if (cached) return cached;
  if (window.api) return (cached = window.api);
  const token = takeHostToken();
  if (token === null) return (cached = createApi(missingTokenTransport));
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

const TOKEN_STORAGE_KEY = 'alpha-monitor:host-token';

/**
 * The browser host's access token. It arrives once in the URL that `serve` printed; the page
 * keeps it for this tab (sessionStorage: per origin and tab, gone with the tab) and takes it
 * out of the address bar and the history entry, so it is not left on screen or in history.
 */
function takeHostToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(HOST_TOKEN_PARAM);
  if (fromUrl) {
    try {
      window.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch {
      // Storage disabled: the token still works for this page load.
    }
    url.searchParams.delete(HOST_TOKEN_PARAM);
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Without a token every call says what to do instead of waiting on a socket that refuses. */
const missingTokenTransport: ClientTransport = {
  invoke: async () => ({
    ok: false,
    error: {
      code: 'HOST_TOKEN_MISSING',
      message:
        'Open the full address that `alpha-monitor serve` printed: it carries the access token for this page.',
    },
  }),
  listen: () => () => {},
};

/** Browser host only: the page's link to the host dropped or came back. Never fires under Electron. */
export function onHostConnectionChange(listener: (state: HostConnectionState) => void): () => void {
  hostStateListeners.add(listener);
  return () => void hostStateListeners.delete(listener);
}

export type { ContractApi as Api, HostConnectionState };
