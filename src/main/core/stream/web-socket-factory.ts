import WebSocket from 'ws';

/** Opens a WebSocket (a port, so tests or a proxy-aware adapter can replace it). */
export type WebSocketFactory = (url: string) => WebSocket;

/** The real adapter: `ws`, no compression (nbstream frames are small and latency matters). */
export const defaultWebSocketFactory: WebSocketFactory = (url) =>
  new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 30_000 });
