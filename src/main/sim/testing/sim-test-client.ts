import WebSocket from 'ws';
import type { SessionCredentials } from '../../core/credentials/session-credentials.ts';

/**
 * Plain clients for tests against the simulator: fetch with a replayed session, and a bare
 * `ws` socket that records every frame. They stand for "a client that knows nothing of the
 * engine", which is what the simulator's tests must be written against.
 */

/** Headers a browser would send for this session (header names lower case, cookie included). */
export function sessionHeaders(credentials: SessionCredentials): Record<string, string> {
  return { ...credentials.headers, cookie: credentials.cookies };
}

/** Calls a REST path and returns the HTTP status and parsed JSON body. */
export async function callRest(
  restUrl: string,
  method: 'GET' | 'POST',
  path: string,
  options: { credentials?: SessionCredentials; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers = options.credentials
    ? sessionHeaders(options.credentials)
    : { 'content-type': 'application/json' };
  const response = await fetch(`${restUrl}${path}`, {
    method,
    headers,
    body:
      options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A recorded WebSocket connection. */
export interface RecordingSocket {
  readonly socket: WebSocket;
  /** Every text frame received, in order. */
  readonly texts: string[];
  /** Frames that parsed as JSON. */
  readonly frames: Array<Record<string, unknown>>;
  /** How the connection ended, once it has. */
  readonly closed: Promise<{ code: number }>;
  send(value: unknown): void;
  /** Resolves with the first recorded frame (from `fromIndex`) matching `predicate`. */
  waitFor(
    predicate: (frame: Record<string, unknown>) => boolean,
    options?: { fromIndex?: number; timeoutMs?: number },
  ): Promise<Record<string, unknown>>;
  /** Resolves once at least `count` frames match. */
  waitForCount(
    predicate: (frame: Record<string, unknown>) => boolean,
    count: number,
    timeoutMs?: number,
  ): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

/** Opens a plain `ws` client; `autoPong: false` makes it a client that never answers pings. */
export async function openRecordingSocket(
  url: string,
  options: { autoPong?: boolean } = {},
): Promise<RecordingSocket> {
  const socket = new WebSocket(url, { autoPong: options.autoPong ?? true });
  const texts: string[] = [];
  const frames: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  const closed = new Promise<{ code: number }>((resolve) =>
    socket.on('close', (code) => resolve({ code })),
  );
  socket.on('message', (data) => {
    const text = data.toString();
    texts.push(text);
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null)
        frames.push(parsed as Record<string, unknown>);
    } catch {
      // Malformed frames are kept in `texts` only.
    }
    for (const wake of [...waiters]) wake();
  });
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) =>
      reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)),
    );
    socket.once('error', reject);
  });
  const waitForCount = (
    predicate: (f: Record<string, unknown>) => boolean,
    count: number,
    timeoutMs = 5_000,
    fromIndex = 0,
  ) =>
    new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
      const check = () => {
        const hits = frames.slice(fromIndex).filter(predicate);
        if (hits.length >= count) {
          cleanup();
          resolve(hits);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `timed out waiting for ${count} matching frame(s); got ${frames.length} frames`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return {
    socket,
    texts,
    frames,
    closed,
    send: (value) => socket.send(typeof value === 'string' ? value : JSON.stringify(value)),
    waitFor: async (predicate, opts = {}) =>
      (await waitForCount(predicate, 1, opts.timeoutMs, opts.fromIndex ?? 0))[0]!,
    waitForCount: (predicate, count, timeoutMs) => waitForCount(predicate, count, timeoutMs),
    close: async () => {
      if (socket.readyState === WebSocket.CLOSED) return;
      socket.terminate();
      await closed;
    },
  };
}

/** The frame's `data` if it is a push (`{"stream","data"}`), else undefined. */
export function pushData(frame: Record<string, unknown>): Record<string, unknown> | undefined {
  return typeof frame.stream === 'string' && typeof frame.data === 'object'
    ? (frame.data as Record<string, unknown>)
    : undefined;
}

/** True for an executionReport push. */
export function isExecutionReport(frame: Record<string, unknown>): boolean {
  return pushData(frame)?.e === 'executionReport';
}
