import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

/** Root of the captured protocol fixtures. */
export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/protocol/', import.meta.url));

/** Reads a captured fixture file as text. */
export function readFixture(relativePath: string): string {
  return readFileSync(FIXTURES_DIR + relativePath, 'utf8');
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawHeaderNames: string[];
  body: string;
}

export interface FixtureRoute {
  status?: number;
  body: string;
  headers?: Record<string, string>;
  /** Never answer (for timeout tests). */
  hang?: boolean;
}

/**
 * A tiny HTTP server on 127.0.0.1 (ephemeral port) that answers configured paths with
 * captured bodies and records every request, for REST client tests.
 */
export async function startFixtureHttpServer(routes: Record<string, FixtureRoute>): Promise<{
  url: string;
  requests: RecordedRequest[];
  setRoute(path: string, route: FixtureRoute): void;
  close(): Promise<void>;
}> {
  const requests: RecordedRequest[] = [];
  const table = new Map(Object.entries(routes));
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const rawHeaderNames = req.rawHeaders
        .filter((_, i) => i % 2 === 0)
        .map((n) => n.toLowerCase());
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        rawHeaderNames,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const route = table.get(url.pathname);
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('No message available');
        return;
      }
      if (route.hang) return;
      res.writeHead(route.status ?? 200, { 'content-type': 'application/json', ...route.headers });
      res.end(route.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setRoute: (path, route) => void table.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
