import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ccxt from 'ccxt';
import { Emitter } from '../src/shared/event/emitter.ts';
import type { OrderUpdate, UpdateSource } from '../src/shared/domain/order-update.ts';
import type { UpdateVerdict } from '../src/shared/domain/update-verdict.ts';
import { bookOrderOf } from '../src/main/app/book-orders.ts';
import { MonitorService } from '../src/main/app/monitor-service.ts';
import type { MonitorSession, MonitorStateChange } from '../src/main/app/ports.ts';
import { OrderBook } from '../src/main/core/book/order-book.ts';
import { SessionJournals } from '../src/main/core/journal/session-journals.ts';
import { maskFrameText } from '../src/main/core/parser/mask-frame.ts';
import { rememberListenKey } from '../src/shared/secrets/listen-key-registry.ts';
import { parseFrame } from '../src/main/core/parser/parse-frame.ts';
import { systemClock } from '../src/main/core/ports/clock.ts';
import { nullLogger } from '../src/main/core/ports/logger.ts';

/**
 * The engine side of a session as the app sees it, fed frame texts by the bench instead of a
 * socket: parse, mask (once), the book's verdict, the two events, in the order AccountMonitor
 * fires them (the frame, then its update with the same masked text: one journal record).
 */
class ReplaySession implements MonitorSession {
  readonly book = new OrderBook();
  private readonly states = new Emitter<MonitorStateChange>({ name: 'replay.state' });
  private readonly frames = new Emitter<{
    text: string;
    receivedAtMs: number;
    carriesUpdate: boolean;
  }>({ name: 'replay.frame' });
  private readonly updates = new Emitter<{
    update: OrderUpdate;
    source: UpdateSource;
    receivedAtMs: number;
    verdict: UpdateVerdict;
    frameText: string | null;
  }>({ name: 'replay.update' });
  private readonly malformed = new Emitter<{ receivedAtMs: number }>({ name: 'replay.malformed' });
  private readonly reconciled = new Emitter<{
    missedByStream: number;
    statusUnknown: string[];
    fillsNotRecovered: string[];
  }>({
    name: 'replay.reconcile',
  });
  readonly onDidChangeState = this.states.event;
  readonly onDidReceiveFrame = this.frames.event;
  readonly onDidReceiveOrderUpdate = this.updates.event;
  readonly onDidReceiveMalformedFrame = this.malformed.event;
  readonly onDidReconcile = this.reconciled.event;
  start(): void {
    this.states.fire({ state: 'live', atMs: Date.now() });
  }
  async stop(): Promise<void> {}
  async dispose(): Promise<void> {}
  reconcileStats() {
    return { missedByStream: 0, statusUnknown: 0, fillsNotRecovered: 0 };
  }
  statusUnknownOf() {
    return null;
  }
  orderOf(orderId: string) {
    return bookOrderOf(this.book, orderId);
  }
  bookStatistics() {
    return this.book.statistics();
  }
  feed(text: string, receivedAtMs: number): void {
    const parsed = parseFrame(text);
    const carriesUpdate = parsed.kind === 'order-update';
    const frameText = maskFrameText(text);
    this.frames.fire({ text: frameText, receivedAtMs, carriesUpdate });
    if (parsed.kind !== 'order-update') return;
    const verdict = this.book.apply(parsed.update, 'stream', receivedAtMs);
    this.updates.fire({
      update: parsed.update,
      source: 'stream',
      receivedAtMs,
      verdict,
      frameText,
    });
  }
}

/**
 * CPU time (µs per frame) of the app's whole path for each frame: the engine (parse, mask,
 * book), the journal (records queued and written to a real file), held until on disk, then
 * the window's batches; no page listens (as in a host with no page open). Frames arrive in
 * bursts of `burst` with the event loop turning between them, so writes and timers run as live.
 */
export async function measureAppPath(frames: readonly string[], burst = 50): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'am-bench-'));
  try {
    let session: ReplaySession | undefined;
    const monitors = new MonitorService({
      createMonitor: () => (session = new ReplaySession()),
      journals: new SessionJournals(dir, systemClock),
      clock: systemClock,
      logger: nullLogger,
    });
    let shown = 0;
    monitors.onDidBatch((batch) => (shown += batch.updates.length));
    monitors.start(
      {
        accountId: 'bench',
        credentials: { headers: {}, cookies: '' },
        restUrl: 'http://127.0.0.1:1',
        wsUrl: 'ws://127.0.0.1:1',
      },
      'Bench',
    );
    // The key the frames were sent to, as the real session obtained it: ListenKeyService
    // remembers every key, so masking looks for it by value in every frame too.
    const key = /alpha@([^"]+)"/.exec(frames[0] ?? '')?.[1];
    if (key !== undefined) rememberListenKey(key);
    const started = process.cpuUsage();
    for (let i = 0; i < frames.length; i += burst) {
      const now = Date.now();
      const end = Math.min(frames.length, i + burst);
      for (let k = i; k < end; k++) session!.feed(frames[k]!, now);
      await new Promise((resolve) => setImmediate(resolve));
    }
    while (shown < frames.length) await new Promise((resolve) => setTimeout(resolve, 5));
    const used = process.cpuUsage(started);
    await monitors.dispose();
    return (used.user + used.system) / frames.length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The same frames through ccxt pro binance's user-data path: `JSON.parse` as its client does,
 * then `handleMessage` (executionReport → handleOrderUpdate → handleMyTrade + handleOrder, its
 * order cache), with a client that resolves nothing. Returns frames handled.
 */
export function ccxtPath(frames: readonly string[]): number {
  const exchange = new ccxt.pro.binance() as unknown as {
    handleMessage(client: unknown, message: unknown): void;
  };
  const client = {
    url: 'wss://stream.binance.com:9443/ws',
    subscriptions: {},
    futures: {},
    resolve: () => undefined,
    reject: () => undefined,
  };
  for (const text of frames) exchange.handleMessage(client, JSON.parse(text));
  return frames.length;
}
