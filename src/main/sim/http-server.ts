import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { AccountRegistry } from './accounts.ts';
import { SESSION_EXPIRED_MESSAGE, SimBusinessError, SimErrorCode } from './errors.ts';
import { refuseControlRequest } from './control-guard.ts';
import type { RestRoute } from './rest-routes.ts';

/** The loopback address; the simulator never listens anywhere else. */
export const SIM_HOST = '127.0.0.1';
export const CONTROL_PREFIX = '/__sim';
const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpServerDeps {
  routes: RestRoute[];
  accounts: AccountRegistry;
  /** Handles `/__sim/<token>/...` (already checked: loopback, the token, not a web page). */
  control(request: IncomingMessage, response: ServerResponse, body: string): Promise<void> | void;
  /** The run's control token, the first path segment after `/__sim`. */
  controlToken: string;
  onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** The sim clock (for the timestamp of error bodies). */
  now(): number;
  /** Reports unexpected handler errors (never secrets). */
  onError(error: unknown): void;
}

/** Writes a JSON body. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** The success envelope, captured on every endpoint. */
function ok(data: unknown, extra?: Record<string, unknown>) {
  return { code: '000000', message: null, messageDetail: null, data, ...extra, success: true };
}

/** A business error: HTTP 200, `success:false`, as captured. */
function businessError(code: string, message: string) {
  return { code, message, messageDetail: null, data: null, success: false };
}

/** Exactly the captured session-expired body (three keys). */
const SESSION_EXPIRED_BODY = {
  code: SimErrorCode.sessionExpired,
  message: SESSION_EXPIRED_MESSAGE,
  success: false,
};

async function readBody(request: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new SimBusinessError(SimErrorCode.illegalParameter, 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * The HTTP side: REST at Binance's paths with its envelope, the control API under /__sim,
 * and WebSocket upgrades handed to the stream server. Unknown paths get Spring's 404 body
 * (P saw "No message available" on a wrong Alpha path).
 */
export function createHttpServer(deps: HttpServerDeps): Server {
  const upgraded = new Set<Duplex>();
  const byKey = new Map(deps.routes.map((r) => [`${r.method} ${r.path}`, r]));
  const paths = new Set(deps.routes.map((r) => r.path));
  const server = createServer((request, response) => {
    void handle(request, response).catch((error) => {
      deps.onError(error);
      if (!response.headersSent)
        sendJson(response, 500, { status: 500, error: 'Internal Server Error' });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      if (!isLoopback(request.socket.remoteAddress)) {
        sendJson(response, 403, {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'loopback only' },
        });
        return;
      }
      const refusal = refuseControlRequest(
        request,
        url.pathname.slice(CONTROL_PREFIX.length + 1).split('/')[0] || undefined,
        deps.controlToken,
      );
      if (refusal) {
        await readBody(request).catch(() => '');
        sendJson(response, 403, { ok: false, error: refusal });
        return;
      }
      await deps.control(request, response, await readBody(request));
      return;
    }
    const route = byKey.get(`${request.method} ${url.pathname}`);
    if (!route) {
      const status = paths.has(url.pathname) ? 405 : 404;
      sendJson(response, status, {
        timestamp: new Date(deps.now()).toISOString(),
        status,
        error: status === 405 ? 'Method Not Allowed' : 'Not Found',
        message: 'No message available',
        path: url.pathname,
      });
      return;
    }
    const account = route.private ? deps.accounts.authenticate(request.headers) : undefined;
    if (route.private && !account) {
      await readBody(request).catch(() => '');
      sendJson(response, 200, SESSION_EXPIRED_BODY);
      return;
    }
    try {
      const text = await readBody(request);
      let body: unknown = undefined;
      if (route.method === 'POST' && text.trim() !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          // inferred: the real answer to a malformed body is unknown; a business error keeps it
          // in the same shape as every other rejection.
          throw new SimBusinessError(SimErrorCode.illegalParameter, 'Malformed JSON body.');
        }
      }
      const result = route.handle({ account, query: url.searchParams, body });
      sendJson(response, 200, ok(result.data, result.extra));
    } catch (error) {
      if (error instanceof SimBusinessError) {
        for (const [name, value] of Object.entries(error.headers)) response.setHeader(name, value);
        sendJson(response, 200, businessError(error.code, error.message));
        return;
      }
      throw error;
    }
  }

  server.on('upgrade', (request, socket, head) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    deps.onUpgrade(request, socket, head);
  });
  upgradedSockets.set(server, upgraded);
  return server;
}

const upgradedSockets = new WeakMap<Server, Set<Duplex>>();

/**
 * Stops the server and ends every connection it has, WebSocket ones included: `server.close`
 * waits for all TCP connections, and `closeAllConnections` does not reach sockets handed over
 * by an upgrade, so a connected client would keep a stopping simulator alive for as long as it
 * stays connected.
 */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
    for (const socket of upgradedSockets.get(server) ?? []) socket.destroy();
  });
}

/** Listens on 127.0.0.1 (never another interface) and resolves with the bound port. */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, SIM_HOST, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
