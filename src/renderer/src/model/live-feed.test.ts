import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../../shared/ipc/create-api.ts';
import type {
  FillPoint,
  MonitorSnapshot,
  OrderView,
  SessionStatsView,
} from '../../../shared/ipc/views-monitor.ts';
import type { ClientFrame, ServerFrame } from '../../../shared/ipc/wire.ts';
import { sampleConnectionView } from '../../../../test/fakes/connection-views.ts';
import { sampleOrderView, sampleSessionStats } from '../../../../test/fakes/order-updates.ts';
import { createWebSocketTransport } from '../transport/websocket-transport.ts';
import { accountSessionFeed, accountSessionSink } from './account-session-feed.ts';
import { AccountSessionModel } from './account-session-model.ts';
import { startLiveFeed } from './live-feed.ts';

/** The browser host's end of the page's sockets: answers snapshots, pushes events, drops. */
class FakeHost {
  readonly sockets: FakeSocket[] = [];
  orders: OrderView[] = [];
  fills: FillPoint[] = [];
  snapshotsServed = 0;
  /** When set, snapshot requests wait here until answered by hand. */
  holdSnapshots = false;
  readonly heldAnswers: (() => void)[] = [];

  createSocket = (): WebSocket => {
    const socket = new FakeSocket(this);
    this.sockets.push(socket);
    return socket as unknown as WebSocket;
  };

  get current(): FakeSocket {
    return this.sockets[this.sockets.length - 1]!;
  }

  request(socket: FakeSocket, frame: ClientFrame): void {
    if (frame.channel !== 'getMonitorSnapshot') throw new Error(`unexpected ${frame.channel}`);
    const snapshot: MonitorSnapshot = {
      connection: sampleConnectionView(),
      orders: [...this.orders],
      fills: [...this.fills],
      stats: stats(this.orders.length),
    };
    const answer = () => {
      this.snapshotsServed += 1;
      socket.serve({ t: 'res', id: frame.id, result: { ok: true, value: snapshot } });
    };
    if (this.holdSnapshots) this.heldAnswers.push(answer);
    else queueMicrotask(answer);
  }

  /** One batch pushed to the page, the way the host sends `orderUpdates`. */
  push(orders: OrderView[], fills: FillPoint[] = []): void {
    this.current.serve({
      t: 'evt',
      event: 'orderUpdates',
      payload: { accountId: 'a1', updates: [], orders, fills, stats: stats(orders.length) },
    });
  }
}

class FakeSocket {
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;

  constructor(private readonly host: FakeHost) {}

  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }

  drop(): void {
    this.readyState = 3;
    this.onclose?.();
  }

  send(text: string): void {
    this.host.request(this, JSON.parse(text) as ClientFrame);
  }

  serve(frame: ServerFrame): void {
    if (this.readyState === 1) this.onmessage?.({ data: JSON.stringify(frame) });
  }

  close(): void {
    this.drop();
  }
}

const stats = (orders: number): SessionStatsView => sampleSessionStats({ orders });
const fill = (orderId: string): FillPoint => ({
  orderId,
  symbol: 'ALPHA_373USDT',
  side: 'BUY',
  eventTimeMs: 1000,
  qty: '1',
  price: '2',
  quoteQty: '2',
  status: 'FILLED',
});
const status = (model: AccountSessionModel, orderId: string) =>
  model.orders.get(orderId)?.last.status;

describe('the account session as a live feed over the browser transport', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** The page's side: the real transport and API, the orders model fed by one live feed. */
  function connect() {
    const host = new FakeHost();
    const transport = createWebSocketTransport({
      url: 'ws://127.0.0.1:1/api/ws',
      createSocket: host.createSocket,
      reconnectDelayMs: 1000,
    });
    const model = new AccountSessionModel(
      'a1',
      () => 0,
      (publish) => publish(),
    );
    const errors: (string | null)[] = [];
    const running = startLiveFeed(
      accountSessionFeed(createApi(transport), 'a1'),
      accountSessionSink(model, (error) => errors.push(error?.code ?? null)),
      (listener) => transport.onDidReconnect(listener),
    );
    return { host, model, errors, dispose: () => (running.dispose(), transport.close()) };
  }

  async function start() {
    const page = connect();
    page.host.orders = [sampleOrderView({ orderId: '1', status: 'NEW' })];
    page.host.current.open();
    await vi.advanceTimersByTimeAsync(0);
    return page;
  }

  it('after the host link drops and comes back, the orders are loaded again (changes made meanwhile show)', async () => {
    const { host, model, dispose } = await start();
    expect(model.loaded).toBe(true);
    expect(status(model, '1')).toBe('NEW');
    host.push([sampleOrderView({ orderId: '2', status: 'NEW' })]);
    expect(model.orders.size).toBe(2);

    // While the page is cut off, order 1 fills and order 3 is placed: those pushes are lost.
    host.current.drop();
    host.orders = [
      sampleOrderView({ orderId: '1', status: 'FILLED' }),
      sampleOrderView({ orderId: '2', status: 'NEW' }),
      sampleOrderView({ orderId: '3', status: 'NEW' }),
    ];
    host.fills = [fill('1')];
    expect(status(model, '1')).toBe('NEW');

    await vi.advanceTimersByTimeAsync(1000);
    expect(host.sockets).toHaveLength(2);
    host.current.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(host.snapshotsServed).toBe(2);
    expect(status(model, '1')).toBe('FILLED');
    expect(model.orders.size).toBe(3);
    expect(model.fills.count).toBe(1);
    dispose();
  });

  it('a batch that races the reload is applied on top of it, its fill counted once', async () => {
    const { host, model, dispose } = await start();
    host.current.drop();
    await vi.advanceTimersByTimeAsync(1000);
    host.holdSnapshots = true;
    host.current.open();
    // Order 1 fills just as the page asks again: the push arrives before the snapshot.
    host.orders = [sampleOrderView({ orderId: '1', status: 'FILLED' })];
    host.fills = [fill('1')];
    host.push([sampleOrderView({ orderId: '1', status: 'FILLED' })], [fill('1')]);
    // Held: the old state stays on screen until the snapshot is in.
    expect(status(model, '1')).toBe('NEW');
    host.heldAnswers.shift()!();
    await vi.advanceTimersByTimeAsync(0);
    expect(status(model, '1')).toBe('FILLED');
    expect(model.fills.count).toBe(1);
    dispose();
  });

  it('a load that fails is reported, and the next reconnect loads again and clears it', async () => {
    const { host, model, errors, dispose } = connect();
    // The first socket drops before it ever answers: the queued request fails as DISCONNECTED.
    host.current.open();
    host.holdSnapshots = true;
    host.current.drop();
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual(['DISCONNECTED']);
    expect(model.loaded).toBe(false);
    host.holdSnapshots = false;
    await vi.advanceTimersByTimeAsync(1000);
    host.current.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual(['DISCONNECTED', null]);
    expect(model.loaded).toBe(true);
    dispose();
  });
});
