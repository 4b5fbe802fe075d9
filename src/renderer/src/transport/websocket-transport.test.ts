import { describe, expect, it } from 'vitest';
import { createWebSocketTransport } from './websocket-transport.ts';

/** Just enough of a browser WebSocket for the transport: the test plays the host. */
class FakeSocket {
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  send(): void {}
  close(): void {}
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(frame: unknown): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

function connected() {
  const sockets: FakeSocket[] = [];
  const transport = createWebSocketTransport({
    url: 'ws://127.0.0.1:1/api/ws',
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
  });
  const seen: unknown[] = [];
  transport.listen('notice', (payload) => seen.push(payload));
  let reloads = 0;
  transport.onDidReconnect(() => reloads++);
  const socket = sockets[0]!;
  socket.open();
  return { transport, socket, seen, reloads: () => reloads };
}

describe('createWebSocketTransport', () => {
  it('delivers a batch of events in order, each to its listeners', () => {
    const { transport, socket, seen, reloads } = connected();
    const points: unknown[] = [];
    transport.listen('pointsChanged', (payload) => points.push(payload));
    socket.receive({
      t: 'evts',
      seq: 1,
      events: [
        { event: 'notice', payload: 'a' },
        { event: 'pointsChanged', payload: 'p' },
        { event: 'notice', payload: 'b' },
      ],
    });
    socket.receive({ t: 'evts', seq: 2, events: [{ event: 'notice', payload: 'c' }] });
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(points).toEqual(['p']);
    expect(reloads()).toBe(0);
    transport.close();
  });

  it('loads everything again when the host skipped a batch, and still applies what came', () => {
    const { transport, socket, seen, reloads } = connected();
    socket.receive({ t: 'evts', seq: 1, events: [{ event: 'notice', payload: 'a' }] });
    socket.receive({ t: 'evts', seq: 3, events: [{ event: 'notice', payload: 'c' }] });
    expect(reloads()).toBe(1);
    expect(seen).toEqual(['a', 'c']);
    socket.receive({ t: 'evts', seq: 4, events: [] });
    expect(reloads()).toBe(1);
    transport.close();
  });
});
