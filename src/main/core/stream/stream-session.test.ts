import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import { MemoryExchange } from '../../../../test/fakes/memory-exchange.ts';
import { MemoryStreamServer } from '../../../../test/fakes/memory-stream-server.ts';
import { executionReportData, sampleOrderUpdate } from '../../../../test/fakes/order-updates.ts';
import { ListenKeyService } from '../listen-key/listen-key-service.ts';
import { AlphaApiError } from '../rest/alpha-api-error.ts';
import type { ReceivedFrame } from './order-stream-connection.ts';
import type { SessionState } from './session-state.ts';
import { StreamSession, type ListenKeySwap, type StreamSessionOptions } from './stream-session.ts';

// The session's timing on a fake clock against an in-memory socket pair: no real timer, no
// port, so a 24-hour run takes as long as its work and a deadline is exact.

const SEC = 1_000;
const MIN = 60_000;
const HOUR = 3_600_000;

let disposeAll: Array<() => void> = [];
afterEach(() => {
  for (const dispose of disposeAll) dispose();
  disposeAll = [];
});

function setup(options: Partial<StreamSessionOptions> & { renewIntervalMs?: number } = {}) {
  const clock = new FakeClock();
  const server = new MemoryStreamServer();
  const exchange = new MemoryExchange();
  const keys = new ListenKeyService({
    api: exchange,
    clock,
    renewIntervalMs: options.renewIntervalMs ?? 30 * MIN,
  });
  const session = new StreamSession({
    wsUrl: 'ws://memory/w3w/stream',
    listenKeys: keys,
    clock,
    webSocketFactory: server.factory,
    random: () => 0.5,
    pingIntervalMs: 20 * SEC,
    ackTimeoutMs: 10 * SEC,
    connectTimeoutMs: 30 * SEC,
    backoff: { baseMs: 1 * SEC, capMs: 60 * SEC },
    ...options,
  });
  const states: SessionState[] = [];
  const frames: ReceivedFrame[] = [];
  const swaps: ListenKeySwap[] = [];
  session.onDidChangeState(({ state }) => states.push(state));
  session.onDidReceiveFrame((frame) => frames.push(frame));
  session.onDidSwapListenKey((swap) => swaps.push(swap));
  disposeAll.push(() => {
    session.dispose();
    keys.dispose();
  });
  const requests = () =>
    server.events.flatMap((e) =>
      e.kind === 'send' ? [`${e.socket} ${e.method} ${e.params.join(',')}`] : [],
    );
  return { clock, server, exchange, session, states, frames, swaps, requests };
}

type Setup = ReturnType<typeof setup>;

async function live(t: Setup): Promise<void> {
  t.session.start();
  await t.clock.advance(0);
  expect(t.session.state.name).toBe('live');
}

const reconnects = (t: Setup) => t.states.filter((s) => s.name === 'reconnecting');

describe('StreamSession on a fake clock', () => {
  it('goes live on a fresh key with one SUBSCRIBE, and hands on the pushes of that key', async () => {
    const t = setup();
    await live(t);
    const key = t.exchange.issuedKeys[0]!;
    expect(t.states.map((s) => s.name)).toEqual(['connecting', 'subscribing', 'live']);
    expect(t.requests()).toEqual([`1 SUBSCRIBE alpha@${key}`]);
    expect(t.server.push(key, executionReportData(sampleOrderUpdate({ orderId: '7' })))).toBe(1);
    await t.clock.advance(0);
    expect(t.frames.map((f) => f.parsed.kind)).toEqual(['order-update']);
    expect(t.frames[0]!.receivedAtMs).toBe(t.clock.now());
  });

  it('replaces a connection that misses the pong deadline (one ping interval), on a fresh key', async () => {
    const t = setup();
    await live(t);
    t.server.behaviour.answerPings = false;
    await t.clock.advance(20 * SEC); // the first unanswered ping goes out
    await t.clock.advance(20 * SEC - 1);
    expect(t.session.state.name).toBe('live');
    await t.clock.advance(1); // the next ping is due and the last one has no pong
    expect(t.session.state).toMatchObject({
      name: 'reconnecting',
      attempt: 1,
      reason: { code: 'PONG_TIMEOUT', timeoutMs: 20 * SEC },
    });
    expect(t.server.sockets[0]!.open).toBe(false);
    t.server.behaviour.answerPings = true;
    const delayMs = (t.session.state as { delayMs: number }).delayMs;
    await t.clock.advance(delayMs);
    expect(t.session.state.name).toBe('live');
    expect(t.server.openSockets.map((s) => s.id)).toEqual([2]);
    expect(t.exchange.keyRequests).toBe(2);
  });

  it('keeps a connection whose pong arrived by the deadline but is read after it (the event loop was held up)', async () => {
    const t = setup();
    await live(t);
    t.server.behaviour.answerPings = false;
    await t.clock.advance(20 * SEC); // a ping goes out; its pong waits, unread
    // At the deadline the heartbeat's timer runs first, then the socket is read: the pong.
    t.clock.setTimeout(() => t.server.sockets[0]!.sendPong(), 20 * SEC);
    await t.clock.advance(20 * SEC);
    expect(t.session.state.name).toBe('live');
    expect(t.server.sockets).toHaveLength(1);
    // The pings go on, and one that is really not answered still ends the connection.
    await t.clock.advance(20 * SEC);
    expect(t.session.state).toMatchObject({
      name: 'reconnecting',
      reason: { code: 'PONG_TIMEOUT' },
    });
  });

  it('keeps a connection whose pongs come, however long it runs', async () => {
    const t = setup({ rotateAfterMs: 48 * HOUR });
    await live(t);
    await t.clock.advance(6 * HOUR);
    expect(t.session.state.name).toBe('live');
    expect(t.server.sockets).toHaveLength(1);
  });

  it('retries refused connections after full-jitter backoff delays, exactly when each is due', async () => {
    const t = setup({ backoff: { baseMs: 1 * SEC, capMs: 8 * SEC } });
    await live(t);
    t.server.behaviour.refuse = true;
    t.server.dropAll();
    await t.clock.advance(0);
    // random() = 0.5: half of min(cap, base × 2^(attempt−1)).
    for (const [attempt, delayMs] of [
      [1, 500],
      [2, 1_000],
      [3, 2_000],
      [4, 4_000],
      [5, 4_000],
    ] as const) {
      expect(t.session.state).toMatchObject({ name: 'reconnecting', attempt, delayMs });
      const attemptsBefore = t.server.sockets.length;
      await t.clock.advance(delayMs - 1);
      expect(t.server.sockets).toHaveLength(attemptsBefore);
      await t.clock.advance(1);
      expect(t.server.sockets).toHaveLength(attemptsBefore + 1);
    }
    t.server.behaviour.refuse = false;
    await t.clock.advance(4_000);
    expect(t.session.state.name).toBe('live');
    // Every attempt asked for a fresh key first.
    expect(t.exchange.keyRequests).toBe(t.server.sockets.length);
  });

  it('gives up with MAX_RECONNECTS once the optional limit is used up', async () => {
    const t = setup({ maxReconnectAttempts: 2 });
    await live(t);
    t.server.behaviour.refuse = true;
    t.server.dropAll();
    await t.clock.advance(10 * MIN);
    expect(t.session.state).toMatchObject({ name: 'failed', code: 'MAX_RECONNECTS' });
    expect(reconnects(t)).toHaveLength(2);
    const attempts = t.server.sockets.length;
    await t.clock.advance(HOUR);
    expect(t.server.sockets).toHaveLength(attempts);
  });

  it('counts a socket that never opens as lost after the connect timeout', async () => {
    const t = setup();
    t.server.behaviour.hang = true;
    t.session.start();
    await t.clock.advance(30 * SEC - 1);
    expect(t.session.state.name).toBe('connecting');
    await t.clock.advance(1);
    expect(t.session.state).toMatchObject({
      name: 'reconnecting',
      reason: { code: 'CONNECT_TIMEOUT', timeoutMs: 30 * SEC },
    });
  });

  it('counts a SUBSCRIBE with no ack as lost after the ack timeout', async () => {
    const t = setup();
    t.server.behaviour.ackRequests = false;
    t.session.start();
    await t.clock.advance(10 * SEC - 1);
    expect(t.session.state.name).toBe('subscribing');
    await t.clock.advance(1);
    expect(t.session.state).toMatchObject({
      name: 'reconnecting',
      reason: { code: 'SUBSCRIBE_FAILED', cause: { code: 'ACK_TIMEOUT', method: 'SUBSCRIBE' } },
    });
  });

  it('fails for good on an expired session while reconnecting: no retry, however long', async () => {
    const t = setup();
    await live(t);
    t.exchange.keyFailures.push(new AlphaApiError('SESSION_EXPIRED', 'session expired'));
    t.server.dropAll();
    await t.clock.advance(MIN);
    expect(t.session.state).toMatchObject({ name: 'failed', code: 'SESSION_EXPIRED' });
    const requests = t.exchange.keyRequests;
    await t.clock.advance(24 * HOUR);
    expect(t.exchange.keyRequests).toBe(requests);
    expect(t.server.sockets).toHaveLength(1);
  });

  describe('listen-key renewal on the live socket', () => {
    it('a re-POST that answers the same key keeps the subscription as it is', async () => {
      const t = setup();
      await live(t);
      await t.clock.advance(2 * 30 * MIN);
      expect(t.exchange.keyRequests).toBe(3);
      expect(t.requests()).toEqual([`1 SUBSCRIBE alpha@${t.exchange.issuedKeys[0]}`]);
      expect(reconnects(t)).toEqual([]);
    });

    it('a re-POST that answers a new key subscribes it before unsubscribing the old one, on the same socket', async () => {
      const t = setup();
      t.exchange.keyRepost = 'rotate';
      await live(t);
      await t.clock.advance(30 * MIN);
      const [first, second] = t.exchange.issuedKeys;
      expect(t.requests()).toEqual([
        `1 SUBSCRIBE alpha@${first}`,
        `1 SUBSCRIBE alpha@${second}`,
        `1 UNSUBSCRIBE alpha@${first}`,
      ]);
      expect(t.swaps).toEqual([{ reason: 'refresh', changed: true, atMs: t.clock.now() }]);
      expect(t.server.push(first!, executionReportData(sampleOrderUpdate()))).toBe(0);
      expect(t.server.push(second!, executionReportData(sampleOrderUpdate()))).toBe(1);
      await t.clock.advance(0);
      expect(t.frames).toHaveLength(1);
      expect(reconnects(t)).toEqual([]);
    });

    it('listenKeyExpired: gets a new key and resubscribes without reconnecting', async () => {
      const t = setup();
      await live(t);
      const oldKey = t.exchange.expireListenKey()!;
      t.server.push(oldKey, { e: 'listenKeyExpired', E: t.clock.now(), listenKey: oldKey });
      await t.clock.advance(0);
      const newKey = t.exchange.issuedKeys[1]!;
      expect(newKey).not.toBe(oldKey);
      expect(t.requests()).toEqual([
        `1 SUBSCRIBE alpha@${oldKey}`,
        `1 SUBSCRIBE alpha@${newKey}`,
        `1 UNSUBSCRIBE alpha@${oldKey}`,
      ]);
      expect(t.swaps.map((s) => s.reason)).toEqual(['expired']);
      expect(reconnects(t)).toEqual([]);
    });
  });

  it('24 hours: stays live through 48 key renewals and a planned rotation, the new socket live before the old one closes', async () => {
    const t = setup();
    await live(t);
    await t.clock.advance(23 * HOUR - 1);
    expect(t.server.sockets).toHaveLength(1);
    await t.clock.advance(1);
    await t.clock.advance(HOUR);
    expect(t.states.map((s) => s.name)).toEqual(['connecting', 'subscribing', 'live']);
    expect(t.exchange.keyRequests).toBeGreaterThanOrEqual(48);
    expect(t.swaps.map((s) => s.reason)).toEqual(['rotation']);
    const at = (kind: string, socket: number, method?: string) =>
      t.server.events.findIndex(
        (e) =>
          e.kind === kind &&
          e.socket === socket &&
          (method === undefined || ('method' in e && e.method === method)),
      );
    expect(at('open', 2)).toBeGreaterThan(-1);
    expect(at('send', 2, 'SUBSCRIBE')).toBeGreaterThan(at('open', 2));
    expect(at('send', 1, 'UNSUBSCRIBE')).toBeGreaterThan(at('send', 2, 'SUBSCRIBE'));
    expect(at('close', 1)).toBeGreaterThan(at('send', 1, 'UNSUBSCRIBE'));
    expect(t.server.openSockets.map((s) => s.id)).toEqual([2]);
    // The pushes follow the new socket.
    expect(t.server.push(t.exchange.issuedKeys[0]!, executionReportData(sampleOrderUpdate()))).toBe(
      1,
    );
  });

  it('stop: UNSUBSCRIBE, a polite close, state stopped; nothing runs afterwards', async () => {
    const t = setup();
    await live(t);
    await t.session.stop();
    expect(t.session.state.name).toBe('stopped');
    expect(t.requests()).toEqual([
      `1 SUBSCRIBE alpha@${t.exchange.issuedKeys[0]}`,
      `1 UNSUBSCRIBE alpha@${t.exchange.issuedKeys[0]}`,
    ]);
    expect(t.server.openSockets).toEqual([]);
    const requests = t.exchange.keyRequests;
    await t.clock.advance(24 * HOUR);
    expect(t.exchange.keyRequests).toBe(requests);
    expect(t.clock.pendingTimers).toBe(0);
  });
});
