import type { OrderUpdate, UpdateSource } from '../../shared/domain/order-update.ts';
import type { UpdateVerdict } from '../../shared/domain/update-verdict.ts';
import type {
  ConnectionView,
  FillPoint,
  MonitorSnapshot,
  OrderView,
  SessionStatsView,
} from '../../shared/ipc/views-monitor.ts';
import { StatisticsAccumulator } from '../core/book/index.ts';
import { fromJournalProblem } from '../core/journal/journal-problem.ts';
import { readJournal } from '../core/journal/journal-reader.ts';
import { JournalVerdicts } from '../core/journal/journal-verdicts.ts';
import { parseFrame } from '../core/parser/index.ts';
import { ConnectionTracker } from './connection-tracker.ts';
import { fillPointOf, orderViewOf, statsViewOf, type ConnectionStats } from './order-views.ts';

interface OrderEntry {
  last: OrderUpdate;
  orderListId: string | null;
  firstSeenAtMs: number;
  lastReceivedAtMs: number;
  lastSource: UpdateSource;
  updateCount: number;
}

/** A session as its journal holds it: the window's snapshot, and what the read found. */
export interface JournalSessionRead {
  snapshot: MonitorSnapshot;
  /** The connection as the journal's records tell it (the live tracker knows better while it runs). */
  tracker: ConnectionTracker;
  tornTail: boolean;
  skippedLines: number;
}

/**
 * Reads a session journal into the window's view: every order in the state the engine's
 * verdicts (as journalled) gave it, every fill it counted, the statistics and the connection.
 * This is how a reopened past session is shown, and, flushed first, how a running session's
 * snapshot shows what its book no longer keeps in memory (ended orders, fills): the journal is
 * the record (ADR 012), the book decides (ADR 010), this only folds their verdicts for the
 * duration of the read. A journal without verdicts (older) is run through a fresh book.
 */
export async function readJournalSession(options: {
  path: string;
  accountId: string;
  sessionId: string;
  startedAtMs: number;
  /** Orders a strategy placed (a running session's marks; none for a past one). */
  placedByStrategy?: (orderId: string) => boolean;
}): Promise<JournalSessionRead> {
  const { accountId, sessionId } = options;
  // Reconciliation as the journal recorded it: missed updates summed, marks held until the
  // order's next applied update (as the engine's marks are).
  const marks = new Map<string, number>();
  let missedByStream = 0;
  const fillsNotRecovered = new Set<string>();
  const fold = new JournalFold();
  const tracker = new ConnectionTracker(accountId);
  tracker.begin(sessionId, options.startedAtMs);
  const { records, report } = readJournal(options.path);
  const verdicts = new JournalVerdicts();
  let lastAtMs = options.startedAtMs;
  // Journals before verdicts held only the updates the engine accepted: the duplicates it
  // dropped are the order-update frames without an update record.
  let streamUpdateFrames = 0;
  let streamUpdateRecords = 0;
  for await (const record of records) {
    if (record.k !== 'session') lastAtMs = record.atMs;
    switch (record.k) {
      case 'session':
        break;
      case 'frame': {
        tracker.noteFrame(record.atMs);
        const parsed = parseFrame(record.text);
        if (parsed.kind === 'malformed') tracker.noteMalformedFrame();
        if (parsed.kind === 'order-update') streamUpdateFrames++;
        break;
      }
      case 'update': {
        const verdict = verdicts.of(record);
        fold.apply(record.update, record.source, record.atMs, verdict);
        if (verdict.outcome === 'applied') marks.delete(record.update.orderId);
        // A fill counted below the order's state after the report: the lost frame came after
        // all (a frame or a backfill), which is what closes a hole. (The running window reads
        // the engine's own count instead: the book knows when a hole closes.)
        if (verdict.outcome === 'late' && verdict.counted !== null)
          fillsNotRecovered.delete(record.update.orderId);
        if (record.source === 'stream') {
          streamUpdateRecords++;
          tracker.noteLatency(record.atMs, record.update.eventTimeMs);
        }
        break;
      }
      case 'reconcile':
        missedByStream += record.missedByStream;
        for (const orderId of record.statusUnknown) marks.set(orderId, record.atMs);
        for (const orderId of record.fillsNotRecovered ?? []) fillsNotRecovered.add(orderId);
        break;
      case 'state':
        tracker.applyState({
          state: record.state,
          atMs: record.atMs,
          problem: record.problem ? fromJournalProblem(record.problem) : null,
        });
        break;
      case 'end':
        tracker.applyState({ state: 'stopped', atMs: record.atMs });
        break;
    }
  }
  const unrecorded = verdicts.rederived ? Math.max(0, streamUpdateFrames - streamUpdateRecords) : 0;
  const placed = options.placedByStrategy ?? (() => false);
  const orders = fold.orders(accountId, (orderId) => {
    const sinceMs = marks.get(orderId);
    return {
      placedByStrategy: placed(orderId),
      statusUnknown:
        sinceMs === undefined ? null : { code: 'NOT_OPEN_ON_EXCHANGE' as const, sinceMs },
    };
  });
  return {
    snapshot: {
      connection: tracker.snapshot(),
      orders,
      fills: fold.fills,
      stats: statsViewOf(
        fold.statistics.snapshot(),
        tracker.counters(lastAtMs),
        {
          missedByStream,
          statusUnknown: [...marks.keys()].filter((id) => fold.has(id)).length,
          fillsNotRecovered: fillsNotRecovered.size,
        },
        unrecorded,
      ),
    },
    tracker,
    tornTail: report.tornTail,
    skippedLines: report.skippedLines,
  };
}

/**
 * A monitored account's window (running, or stopped since) from its journal: orders, fills and
 * statistics as on disk, with the connection as the live tracker has it. A journal that cannot
 * be read (never reached the disk, deleted) shows no orders: nothing is shown before it is
 * written; the statistics are then `unread`.
 */
export async function snapshotFromJournal(options: {
  path: string;
  accountId: string;
  sessionId: string;
  connection: ConnectionView;
  counters: ConnectionStats;
  placedByStrategy: ReadonlySet<string>;
  unread: () => SessionStatsView;
  /**
   * While the session runs: the engine's count of orders with a lost fill not recovered
   * (exact: the book knows when a hole closes); otherwise the journal's.
   */
  fillsNotRecovered?: number;
}): Promise<MonitorSnapshot> {
  const { connection, counters } = options;
  try {
    const read = await readJournalSession({
      path: options.path,
      accountId: options.accountId,
      sessionId: options.sessionId,
      startedAtMs: connection.startedAtMs ?? 0,
      placedByStrategy: (id) => options.placedByStrategy.has(id),
    });
    return {
      ...read.snapshot,
      connection,
      stats: {
        ...read.snapshot.stats,
        ...counters,
        fillsNotRecovered: options.fillsNotRecovered ?? read.snapshot.stats.fillsNotRecovered,
      },
    };
  } catch {
    return { connection, orders: [], fills: [], stats: options.unread() };
  }
}

/**
 * The fold of one journal read: each order's last applied update, counts and times, the
 * statistics (the same accumulator the book uses, fed the same verdicts) and the fills. An
 * `applied` update becomes its order's state, a `late` one is counted and kept out of it, a
 * `duplicate` only counts. It lives for one read, never alongside a running book.
 */
class JournalFold {
  private readonly entries = new Map<string, OrderEntry>();
  private readonly lists = new Map<string, string[]>();
  readonly statistics = new StatisticsAccumulator();
  readonly fills: FillPoint[] = [];

  apply(
    update: OrderUpdate,
    source: UpdateSource,
    receivedAtMs: number,
    verdict: UpdateVerdict,
  ): void {
    this.statistics.record(update, source, verdict);
    if (verdict.outcome === 'duplicate') return;
    const entry = this.entries.get(update.orderId);
    if (entry) {
      entry.updateCount++;
      entry.lastReceivedAtMs = receivedAtMs;
      entry.lastSource = source;
      if (verdict.outcome === 'applied') entry.last = update;
      if (entry.orderListId === null && update.orderListId !== null) {
        entry.orderListId = update.orderListId;
        this.link(update);
      }
    } else {
      this.entries.set(update.orderId, {
        last: update,
        orderListId: update.orderListId,
        firstSeenAtMs: receivedAtMs,
        lastReceivedAtMs: receivedAtMs,
        lastSource: source,
        updateCount: 1,
      });
      this.link(update);
    }
    const fill = fillPointOf(update, verdict);
    if (fill) this.fills.push(fill);
  }

  has(orderId: string): boolean {
    return this.entries.has(orderId);
  }

  orders(
    accountId: string,
    marksOf: (orderId: string) => Parameters<typeof orderViewOf>[3],
  ): OrderView[] {
    const out: OrderView[] = [];
    for (const [orderId, entry] of this.entries) {
      const listId = entry.orderListId;
      const peer = listId ? this.lists.get(listId)?.find((id) => id !== orderId) : undefined;
      out.push(
        orderViewOf(
          accountId,
          { ...entry, otoPeerOrderId: peer ?? null },
          entry.last,
          marksOf(orderId),
        ),
      );
    }
    return out;
  }

  private link(update: OrderUpdate): void {
    if (update.orderListId === null) return;
    const legs = this.lists.get(update.orderListId);
    if (legs === undefined) this.lists.set(update.orderListId, [update.orderId]);
    else if (!legs.includes(update.orderId)) legs.push(update.orderId);
  }
}
