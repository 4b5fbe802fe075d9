import { isDeepStrictEqual } from 'node:util';
import type { OrderUpdate, UpdateSource } from '../../../shared/domain/order-update.ts';
import { parseFrame } from '../../core/parser/index.ts';
import type { UpdateVerdict } from '../../../shared/domain/update-verdict.ts';
import { Emitter } from '../../../shared/event/emitter.ts';
import { OrderBook } from '../../core/book/index.ts';
import { executionReportData } from '../../../../test/fakes/order-updates.ts';
import { bookOrderOf } from '../book-orders.ts';
import type {
  AccountConnection,
  AccountSummary,
  AccountsPort,
  MonitorRunOptions,
  MonitorSession,
  MonitorStateChange,
} from '../ports.ts';

/** A connection for a fake monitor (nothing listens at its addresses). */
export function fakeConnection(accountId: string): AccountConnection {
  return {
    accountId,
    credentials: { headers: {}, cookies: '' },
    restUrl: 'http://127.0.0.1:1',
    wsUrl: 'ws://127.0.0.1:1',
  };
}

/** A MonitorSession the test drives by hand. */
export class FakeMonitorSession implements MonitorSession {
  readonly stateEmitter = new Emitter<MonitorStateChange>({ name: 'fake-engine.state' });
  readonly frameEmitter = new Emitter<{
    text: string;
    receivedAtMs: number;
    carriesUpdate: boolean;
  }>({ name: 'fake-engine.frame' });
  readonly updateEmitter = new Emitter<{
    update: OrderUpdate;
    source: UpdateSource;
    receivedAtMs: number;
    verdict: UpdateVerdict;
    frameText: string | null;
  }>({ name: 'fake-engine.update' });
  /** The engine's book: the fake decides verdicts the way the real engine does. */
  readonly book = new OrderBook();
  readonly malformedEmitter = new Emitter<{ receivedAtMs: number }>({
    name: 'fake-engine.malformed',
  });
  readonly reconcileEmitter = new Emitter<{
    missedByStream: number;
    statusUnknown: string[];
    fillsNotRecovered: string[];
  }>({
    name: 'fake-engine.reconcile',
  });
  /** Orders the fake's "reconciliation" marked, each with the update it was marked on. */
  private readonly unknown = new Map<string, { sinceMs: number; on: OrderUpdate }>();
  private missedByStream = 0;
  private readonly fillsNotRecovered = new Set<string>();
  readonly onDidChangeState = this.stateEmitter.event;
  readonly onDidReceiveFrame = this.frameEmitter.event;
  readonly onDidReceiveOrderUpdate = this.updateEmitter.event;
  readonly onDidReceiveMalformedFrame = this.malformedEmitter.event;
  readonly onDidReconcile = this.reconcileEmitter.event;
  started = false;
  stopped = false;
  constructor(
    readonly connection: AccountConnection,
    /** What the app asked of this monitor when it started it (from the settings then). */
    readonly options: MonitorRunOptions = { reconcileIntervalMs: 60_000 },
  ) {}
  start() {
    this.started = true;
  }
  async stop() {
    this.stopped = true;
  }
  async dispose() {}
  reconcileStats() {
    return {
      missedByStream: this.missedByStream,
      statusUnknown: this.unknownOrderIds().length,
      fillsNotRecovered: this.fillsNotRecovered.size,
    };
  }
  /**
   * A clock reconciliation as the engine reports it: `missed` updates the stream missed, and
   * `notOpen` orders the exchange could not place (marked until an update moves them),
   * `fillsLost` orders left with a lost fill the exchange does not list.
   */
  reconcile(missed: number, notOpen: string[] = [], atMs = Date.now(), fillsLost: string[] = []) {
    this.missedByStream += missed;
    for (const id of fillsLost) this.fillsNotRecovered.add(id);
    for (const id of notOpen) {
      const on = this.book.get(id)?.current;
      if (on) this.unknown.set(id, { sinceMs: atMs, on });
    }
    this.reconcileEmitter.fire({
      missedByStream: missed,
      statusUnknown: notOpen,
      fillsNotRecovered: fillsLost,
    });
  }
  statusUnknownOf(orderId: string) {
    const mark = this.unknown.get(orderId);
    if (!mark || this.book.get(orderId)?.current !== mark.on) return null;
    return { code: 'NOT_OPEN_ON_EXCHANGE' as const, sinceMs: mark.sinceMs };
  }
  private unknownOrderIds() {
    return [...this.unknown]
      .filter(([id, m]) => this.book.get(id)?.current === m.on)
      .map(([id]) => id);
  }
  orderOf(orderId: string) {
    return bookOrderOf(this.book, orderId);
  }
  bookStatistics() {
    return this.book.statistics();
  }
  /**
   * Emits a stream update's frame (the executionReport that parses to it) then the update with
   * the book's verdict, as the engine does; a backfill update has no frame.
   */
  push(update: OrderUpdate, receivedAtMs = Date.now(), source: UpdateSource = 'stream') {
    let frameText: string | null = null;
    if (source === 'stream') {
      const real = JSON.stringify({
        stream: 'alpha@ff950c2e0d...',
        data: executionReportData(update),
      });
      const parsed = parseFrame(real);
      // A made-up update the parser would not read back (an order id like "A") keeps a frame
      // of its own, as a frame the engine could not join to an update.
      if (parsed.kind === 'order-update' && isDeepStrictEqual(parsed.update, update))
        frameText = real;
      this.frameEmitter.fire({
        text: frameText ?? JSON.stringify({ e: 'executionReport', i: update.orderId }),
        receivedAtMs,
        carriesUpdate: frameText !== null,
      });
    }
    const verdict = this.book.apply(update, source, receivedAtMs);
    this.updateEmitter.fire({ update, source, receivedAtMs, verdict, frameText });
    return verdict;
  }
}

/** An in-memory AccountsPort. */
export class FakeAccounts implements AccountsPort {
  readonly records = new Map<string, { record: AccountSummary; connection: AccountConnection }>();
  async list() {
    return [...this.records.values()].map((r) => r.record);
  }
  async addFromCurl(input: { curl: string; label?: string }) {
    const id = input.label ?? 'acc';
    const connection = {
      accountId: id,
      credentials: { headers: { csrftoken: 'CSRF-SECRET-123' }, cookies: 'p20t=COOKIE-SECRET-456' },
      restUrl: 'http://127.0.0.1:1',
      wsUrl: 'ws://127.0.0.1:1',
    };
    const record: AccountSummary = {
      id,
      label: id,
      userId: null,
      environment: 'custom',
      addedAtMs: 1,
      lastVerifiedAtMs: 1,
    };
    this.records.set(id, { record, connection });
    return { account: record, warnings: [], found: { headers: ['csrftoken'], cookies: ['p20t'] } };
  }
  async reimportFromCurl(input: { accountId: string; curl: string }) {
    const entry = this.records.get(input.accountId);
    if (!entry)
      throw Object.assign(new Error(`No account "${input.accountId}".`), {
        code: 'ACCOUNT_NOT_FOUND',
      });
    return {
      account: entry.record,
      warnings: [],
      found: { headers: ['csrftoken'], cookies: ['p20t'] },
    };
  }
  async addDirect(input: {
    id: string;
    label: string;
    environment: AccountSummary['environment'];
    connection: AccountConnection;
  }) {
    const record: AccountSummary = {
      id: input.id,
      label: input.label,
      userId: null,
      environment: input.environment,
      addedAtMs: 1,
      lastVerifiedAtMs: null,
    };
    this.records.set(input.id, { record, connection: input.connection });
    return record;
  }
  async verify() {
    return { userId: null };
  }
  async remove(id: string) {
    this.records.delete(id);
  }
  async connection(id: string) {
    const entry = this.records.get(id);
    if (!entry)
      throw Object.assign(new Error(`No account "${id}".`), { code: 'ACCOUNT_NOT_FOUND' });
    return entry.connection;
  }
}
