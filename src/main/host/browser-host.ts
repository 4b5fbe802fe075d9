import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AsyncDisposable } from '../../shared/lifecycle/disposable.ts';
import { dispatchRequest, type ContractHandlers } from '../../shared/ipc/dispatch.ts';
import { IPC_ERROR_CODES, err } from '../../shared/ipc/result.ts';
import type { EventSink } from '../../shared/ipc/transport.ts';
import {
  HOST_TOKEN_PARAM,
  HOST_WS_PATH,
  parseClientFrame,
  type ServerFrame,
} from '../../shared/ipc/wire.ts';
import type { Logger } from '../core/ports/logger.ts';
import { DownloadTickets } from './download-tickets.ts';
import { EventOutbox, OUTBOX_MAX_PENDING_NOTICES } from '../app/event-outbox.ts';
import { DOWNLOAD_TICKET_PARAM, DOWNLOADS_PATH } from './host-export-target.ts';
import { systemClock } from '../core/ports/clock.ts';
import { HOST_CSP, hostAllowed, originAllowed } from './host-security.ts';
import { HostSessions } from './host-sessions.ts';
import { readStaticFile } from './static-files.ts';
import { packLongLists } from '../../shared/ipc/packed-records.ts';

/** Between two columns of a long reply, the host's other work (every account's pushes) runs. */
const pauseHost = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface BrowserHostOptions {
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** Where exports are written (`<data folder>/exports`). */
  exportsDir: string;
  token: string;
  /** 0 = an ephemeral port. Always bound to 127.0.0.1. */
  port?: number;
  logger: Logger;
}

export interface BrowserHost extends AsyncDisposable {
  /** The page URL with its token, e.g. `http://127.0.0.1:5173/?token=...`. */
  readonly url: string;
  readonly port: number;
  /** Pushes events to every connected page. */
  readonly events: EventSink;
  /** One-time tickets for export downloads (see host-export-target.ts). */
  readonly downloads: DownloadTickets;
  /** Serve the contract with these handlers (set once the app root exists). */
  setHandlers(handlers: ContractHandlers): void;
  dispose(): Promise<void>;
}

/** Largest request frame accepted (a pasted cURL is the biggest legitimate one). */
const MAX_FRAME_BYTES = 1024 * 1024;
/** A page with this much unsent on its socket is behind: its pushes wait (and coalesce). */
const PAGE_BUFFER_HIGH_WATER_BYTES = 256 * 1024;

/**
 * The browser host: serves the built renderer and the IPC contract over a WebSocket on
 * 127.0.0.1. The printed URL's token is exchanged once for a session cookie (host-sessions.ts)
 * and the page reloads at the clean URL; the page and the socket need that session, the
 * socket also a loopback Origin. Static assets (hashed JS/CSS of the public build) are served
 * without it.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  let handlers: ContractHandlers | undefined;
  /** Each page's socket and what waits to be pushed to it. */
  const clients = new Map<WebSocket, EventOutbox>();
  // Any local process can reach this port: nothing a request carries may throw out of a
  // handler, or one bad request line would take down serve (and the monitors it runs).
  const server = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => failHttp(res, error));
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const downloads = new DownloadTickets(systemClock);
  const sessions = new HostSessions(options.token);

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = parseRequestUrl(req.url);
    if (!url) return send(res, 400, 'Bad request');
    if (!hostAllowed(req.headers.host))
      return send(res, 421, 'Alpha Monitor answers only as 127.0.0.1 or localhost.');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    if (url.pathname.startsWith(DOWNLOADS_PATH)) {
      const relativePath = url.pathname.slice(DOWNLOADS_PATH.length);
      if (!downloads.redeem(url.searchParams.get(DOWNLOAD_TICKET_PARAM), relativePath))
        return send(res, 403, 'This download link has been used or has expired. Export again.');
      const file = await readStaticFile(options.exportsDir, relativePath);
      if (!file) return send(res, 404, 'No such export.');
      const name = decodeURIComponent(url.pathname.split('/').pop() ?? 'export.csv').replace(
        /["\\\r\n]/g,
        '_',
      );
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
      });
      res.end(file.body);
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (url.searchParams.has(HOST_TOKEN_PARAM)) {
        // The printed URL: trade the token for a session cookie, then reload without it.
        const cookie = sessions.exchange(url.searchParams.get(HOST_TOKEN_PARAM));
        if (!cookie) return send(res, 401, NO_SESSION_TEXT);
        res.writeHead(303, { Location: '/', 'Set-Cookie': cookie, 'Cache-Control': 'no-store' });
        res.end();
        return;
      }
      if (!sessions.hasSession(req.headers.cookie)) return send(res, 401, NO_SESSION_TEXT);
      const page = await readStaticFile(options.rendererDir, 'index.html');
      if (!page)
        return send(
          res,
          500,
          `The renderer is not built: ${join(options.rendererDir, 'index.html')} is missing. Run: npm run build`,
        );
      res.writeHead(200, {
        'Content-Type': page.contentType,
        'Content-Security-Policy': HOST_CSP,
        'Cache-Control': 'no-store',
      });
      res.end(page.body);
      return;
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(res, 404, 'Not found');
    res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Security-Policy': HOST_CSP });
    res.end(file.body);
  }

  function failHttp(res: ServerResponse, error: unknown): void {
    options.logger.error('browser host: request failed', { error: errorName(error) });
    if (res.headersSent) res.destroy();
    else send(res, 500, 'Internal error');
  }

  server.on('upgrade', (req, socket, head) => {
    // Node hands the socket over without its own error listener: a reset must not crash us.
    socket.on('error', () => socket.destroy());
    try {
      handleUpgrade(req, socket, head);
    } catch (error) {
      options.logger.error('browser host: socket upgrade failed', { error: errorName(error) });
      socket.destroy();
    }
  });

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    const url = parseRequestUrl(req.url);
    if (!url) return refuse('400 Bad Request');
    if (url.pathname !== HOST_WS_PATH) return refuse('404 Not Found');
    if (!hostAllowed(req.headers.host) || !originAllowed(req.headers.origin)) {
      options.logger.warn('browser host: refused a socket from another host or origin', {
        origin: req.headers.origin ?? null,
      });
      return refuse('403 Forbidden');
    }
    if (
      !sessions.hasSession(req.headers.cookie) &&
      !sessions.hasBearerToken(req.headers.authorization)
    ) {
      options.logger.warn('browser host: refused a socket without a page session or the token');
      return refuse('401 Unauthorized');
    }
    wss.handleUpgrade(req, socket, head, (ws) => onClient(ws));
  }

  function onClient(ws: WebSocket): void {
    clients.set(ws, pageOutbox(ws));
    const forget = () => {
      clients.get(ws)?.dispose();
      clients.delete(ws);
    };
    ws.on('close', forget);
    ws.on('error', forget);
    ws.on('message', (data, isBinary) => {
      const frame = isBinary ? null : parseClientFrame(data.toString());
      if (!frame) {
        ws.close(1003, 'not a contract frame');
        return;
      }
      if (!handlers) {
        reply(ws, {
          t: 'res',
          id: frame.id,
          result: err(
            IPC_ERROR_CODES.starting,
            'Alpha Monitor is still starting. Try again in a moment.',
          ),
        });
        return;
      }
      void dispatchRequest(handlers, frame.channel, frame.payload, (channel, error) =>
        options.logger.error('request failed', {
          channel,
          error: error instanceof Error ? error.message : String(error),
        }),
      )
        .then(async (result) => {
          const packed = result.ok ? await packLongLists(result.value, pauseHost) : null;
          // Events pushed before the reply go first (see EventOutbox.flushNow): the page applies
          // them on top of what the reply says, so those pushed while it was packed too.
          clients.get(ws)?.flushNow();
          reply(
            ws,
            packed === null
              ? { t: 'res', id: frame.id, result }
              : { t: 'res', id: frame.id, result: { ok: true, value: packed }, packed: true },
          );
        })
        .catch((error: unknown) =>
          options.logger.error('browser host: reply failed', { error: errorName(error) }),
        );
    });
  }

  function reply(ws: WebSocket, frame: ServerFrame): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  }

  /** Pushes to one page: one coalesced batch per frame, held while the page reads slowly. */
  function pageOutbox(ws: WebSocket): EventOutbox {
    return new EventOutbox({
      clock: systemClock,
      ready: () => ws.bufferedAmount < PAGE_BUFFER_HIGH_WATER_BYTES,
      send: (seq, events) => reply(ws, { t: 'evts', seq, events }),
      onNoticesDropped: (count) =>
        options.logger.warn('browser host: a page that stopped reading missed older notices', {
          count,
          kept: OUTBOX_MAX_PENDING_NOTICES,
        }),
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  sessions.listeningOn(port);

  return {
    url: `http://127.0.0.1:${port}/?${HOST_TOKEN_PARAM}=${encodeURIComponent(options.token)}`,
    port,
    downloads,
    events: {
      emit(name, payload) {
        // No page open: nothing is kept or serialised (the app's batches keep coming).
        for (const outbox of clients.values()) outbox.push(name, payload);
      },
    },
    setHandlers(value) {
      handlers = value;
    },
    async dispose() {
      for (const [ws, outbox] of clients) {
        outbox.dispose();
        ws.terminate();
      }
      clients.clear();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const NO_SESSION_TEXT =
  'Open the full address that `npx alpha-monitor serve` printed (it carries the access token; ' +
  'the page then continues at the plain address). 请打开 `npx alpha-monitor serve` 打印出的完整网址（含访问令牌）。';

/** The request target as a URL, or null when it is not one (e.g. `//[`). */
function parseRequestUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

/** Only the error's name: a message may echo the request, token included. */
function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}
