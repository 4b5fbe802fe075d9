import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect as connectTcp } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createApi } from '../../shared/ipc/create-api.ts';
import type { ContractHandlers } from '../../shared/ipc/dispatch.ts';
import type { ClientTransport } from '../../shared/ipc/transport.ts';
import { parseServerFrame } from '../../shared/ipc/wire.ts';
import { DEFAULT_SETTINGS } from '../../shared/ipc/views-app.ts';
import { nullLogger } from '../core/ports/logger.ts';
import {
  SAMPLE_TIME_MS,
  sampleOrderView,
  sampleSessionStats,
} from '../../../test/fakes/order-updates.ts';
import { sampleConnectionView } from '../../../test/fakes/connection-views.ts';
import { startBrowserHost, type BrowserHost } from './browser-host.ts';
import { createHostExportTarget } from './host-export-target.ts';

let dir: string;
let host: BrowserHost;
const TOKEN = 'test-token-0123456789';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'am-host-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Alpha Monitor</title>');
  await writeFile(join(dir, 'app.js'), 'console.log(1)');
  host = await startBrowserHost({
    rendererDir: dir,
    exportsDir: join(dir, 'exports'),
    token: TOKEN,
    port: 0,
    logger: nullLogger,
  });
  host.setHandlers(
    new Proxy<Partial<ContractHandlers>>(
      { getSettings: () => DEFAULT_SETTINGS },
      {
        get: (target, key: string) =>
          target[key as keyof ContractHandlers] ?? (() => Promise.reject(new Error('unexpected'))),
      },
    ) as ContractHandlers,
  );
});
afterEach(async () => {
  await host.dispose();
  await rm(dir, { recursive: true, force: true });
});

/** Loads the printed URL as a browser does: the token buys a session cookie. */
async function pageSession(): Promise<string> {
  const res = await fetch(host.url, { redirect: 'manual' });
  expect(res.status).toBe(303);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

function connect(
  query: string,
  origin?: string,
  headers: Record<string, string> = {},
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/ws${query}`, {
      origin: origin ?? `http://127.0.0.1:${host.port}`,
      headers,
    });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** A Node-side ClientTransport over the real socket, like the renderer's. */
function transportOver(ws: WebSocket): ClientTransport {
  let nextId = 1;
  const pending = new Map<number, (r: never) => void>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  ws.on('message', (data) => {
    const frame = parseServerFrame(data.toString());
    if (frame?.t === 'res') pending.get(frame.id)?.(frame.result as never);
    const events = frame?.t === 'evts' ? frame.events : frame?.t === 'evt' ? [frame] : [];
    for (const { event, payload } of events) for (const l of listeners.get(event) ?? []) l(payload);
  });
  return {
    invoke: (channel, payload) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ t: 'req', id, channel, payload }));
      }),
    listen(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(listener));
      return () => void set.delete(listener);
    },
  };
}

describe('browser host', () => {
  it('trades the printed token for an HttpOnly, SameSite=Strict cookie and reloads at the clean URL', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
    const exchange = await fetch(host.url, { redirect: 'manual' });
    expect(exchange.status).toBe(303);
    expect(exchange.headers.get('location')).toBe('/');
    const cookie = exchange.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(TOKEN);

    // The clean URL loads with the cookie (a reload keeps working), and without it says what to do.
    const session = cookie.split(';')[0]!;
    const page = await fetch(`http://127.0.0.1:${host.port}/`, { headers: { cookie: session } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const bare = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(bare.status).toBe(401);
    expect(await bare.text()).toContain(
      'Open the full address that `npx alpha-monitor serve` printed',
    );
    const wrong = await fetch(`http://127.0.0.1:${host.port}/?token=nope`, { redirect: 'manual' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect((await fetch(`http://127.0.0.1:${host.port}/../../etc/passwd`)).status).toBe(404);
  });

  it('serves the contract over the socket: requests, validation and events', async () => {
    const ws = await connect('', undefined, { cookie: await pageSession() });
    const api = createApi(transportOver(ws));
    expect(await api.getSettings()).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(
      await (api.updateSettings as (p: unknown) => Promise<unknown>)({ theme: 'neon' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    });
    const opened = new Promise((resolve) => api.onOpenOrder(resolve));
    host.events.emit('openOrder', { accountId: 'a', orderId: '7' });
    expect(await opened).toEqual({ accountId: 'a', orderId: '7' });
    ws.close();
  });

  it('sends events pushed while a request was answered before its reply (a snapshot holds them; the page filters only events before it)', async () => {
    host.setHandlers({
      getSettings: async () => {
        host.events.emit('openOrder', { accountId: 'a', orderId: '8' });
        await new Promise((resolve) => setImmediate(resolve));
        return DEFAULT_SETTINGS;
      },
    } as unknown as ContractHandlers);
    const ws = await connect('', undefined, { cookie: await pageSession() });
    const kinds: string[] = [];
    ws.on('message', (data) => {
      const frame = parseServerFrame(data.toString());
      if (frame) kinds.push(frame.t);
    });
    const api = createApi(transportOver(ws));
    expect(await api.getSettings()).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(kinds).toEqual(['evts', 'res']);
    ws.close();
  });

  it('sends a long snapshot packed: the page gets every order as it was, in a fraction of its JSON', async () => {
    const orders = Array.from({ length: 1_000 }, (_, i) =>
      sampleOrderView({ orderId: String(5_000_000 + i), eventTimeMs: SAMPLE_TIME_MS + i * 1000 }),
    );
    const snapshot = {
      connection: sampleConnectionView(),
      orders,
      fills: [],
      stats: sampleSessionStats(),
    };
    host.setHandlers({ getMonitorSnapshot: () => snapshot } as unknown as ContractHandlers);
    const ws = await connect('', undefined, { cookie: await pageSession() });
    let replyChars = 0;
    ws.on('message', (data) => (replyChars += data.toString().length));
    const api = createApi(transportOver(ws));
    expect(await api.getMonitorSnapshot({ accountId: 'a1' })).toEqual({
      ok: true,
      value: snapshot,
    });
    expect(replyChars).toBeLessThan(JSON.stringify(snapshot).length / 5);
    ws.close();
  });

  it('refuses a socket without the page session, with the token in its URL, or from another origin', async () => {
    const session = await pageSession();
    await expect(connect('')).rejects.toThrow('refused 401');
    await expect(connect('', undefined, { cookie: 'alpha_monitor_1=forged' })).rejects.toThrow(
      'refused 401',
    );
    // After the exchange the token is no pass in a URL (where it would end up in logs and history).
    await expect(connect(`?token=${TOKEN}`)).rejects.toThrow('refused 401');
    await expect(connect('', 'https://evil.example', { cookie: session })).rejects.toThrow(
      'refused 403',
    );
    await expect(connect('', '', { cookie: session })).rejects.toThrow();
    // A program (not a web page, which cannot set this header on a WebSocket) may send the token.
    const program = await connect('', undefined, { authorization: `Bearer ${TOKEN}` });
    program.close();
    await expect(connect('', undefined, { authorization: 'Bearer nope' })).rejects.toThrow(
      'refused 401',
    );
  });

  it('refuses a request for another host name (DNS rebinding), even with the token', async () => {
    const page = (host: string) =>
      `GET /?token=${TOKEN} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`;
    expect(await rawRequest(page(`evil.example:${host.port}`))).toMatch(/^HTTP\/1\.1 421 /);
    expect(await rawRequest(page(''))).toMatch(/^HTTP\/1\.1 (400|421) /);
    expect(await rawRequest(page(`localhost:${host.port}`))).toMatch(/^HTTP\/1\.1 303 /);
    const session = await pageSession();
    const upgrade =
      `GET /api/ws HTTP/1.1\r\nHost: evil.example:${host.port}\r\nCookie: ${session}\r\n` +
      `Origin: http://127.0.0.1:${host.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
    expect(await rawRequest(upgrade)).toMatch(/^HTTP\/1\.1 403 /);
  });

  it('serves an export once per one-time ticket, never by the access token', async () => {
    const target = createHostExportTarget(join(dir, 'exports'), host.downloads);
    const chosen = (await target.choose('orders.csv'))!;
    await writeFile(chosen.path, 'orderId\n1\n');
    const result = chosen.finish(1);
    if (result.kind !== 'download') throw new Error('expected a download');
    expect(result.url).not.toContain(TOKEN);
    const base = `http://127.0.0.1:${host.port}`;
    const first = await fetch(base + result.url);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('orderId\n1\n');
    expect((await fetch(base + result.url)).status).toBe(403);
    const path = result.url.split('?')[0]!;
    expect((await fetch(`${base}${path}?token=${TOKEN}`)).status).toBe(403);
  });

  it('answers a malformed request line with 400 and keeps serving', async () => {
    const plain = 'GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';
    expect(await rawRequest(plain)).toMatch(/^HTTP\/1\.1 400 /);
    const upgrade =
      'GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
    expect(await rawRequest(upgrade)).toMatch(/^HTTP\/1\.1 400 /);

    const ws = await connect('', undefined, { cookie: await pageSession() });
    const api = createApi(transportOver(ws));
    expect(await api.getSettings()).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    ws.close();
  });
});

/** Sends `text` as is over TCP; resolves with everything the host answered before closing. */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(host.port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}
