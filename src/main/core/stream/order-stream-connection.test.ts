import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { systemClock } from '../ports/clock.ts';
import { OrderStreamConnection, StreamError } from './order-stream-connection.ts';
import { defaultWebSocketFactory } from './web-socket-factory.ts';

const KEY = 'ff950c2e0d3da25cb0f320669c3f986f';

let server: WebSocketServer | undefined;
let connection: OrderStreamConnection | undefined;
afterEach(async () => {
  connection?.dispose();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = connection = undefined;
});

/** A server that rejects every request with a message echoing what it was sent. */
async function rejectingServer(): Promise<string> {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server!.once('listening', resolve));
  server.on('connection', (socket) => {
    socket.on('message', (data) => {
      const { params, id } = JSON.parse(String(data)) as { params: string[]; id: number };
      const echoed = `Invalid request: ${params[0]} (key ${params[0]!.slice('alpha@'.length)} unknown)`;
      socket.send(JSON.stringify({ error: { code: 2, msg: echoed }, id }));
    });
  });
  return `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe('OrderStreamConnection', () => {
  it('masks the listen key a rejected request echoes back', async () => {
    connection = new OrderStreamConnection({
      url: await rejectingServer(),
      clock: systemClock,
      factory: defaultWebSocketFactory,
      connectTimeoutMs: 5_000,
      ackTimeoutMs: 5_000,
      pingIntervalMs: 60_000,
    });
    await connection.open();
    const error = await connection.subscribe(KEY).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StreamError);
    expect((error as StreamError).code).toBe('REQUEST_REJECTED');
    expect((error as StreamError).message).toBe(
      'server rejected the request: Invalid request: alpha@ff950c2e0d... (key ff950c2e0d... unknown)',
    );
  });
});
