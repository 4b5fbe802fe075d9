import type { SessionReplay, SessionSummary } from '../../shared/ipc/views-app.ts';
import { readJournal } from '../core/journal/journal-reader.ts';
import type { JournalInfo, SessionJournals } from '../core/journal/session-journals.ts';
import { appError } from './app-error.ts';
import { ConnectionTracker } from './connection-tracker.ts';
import { OrderProjection } from './order-projection.ts';

/** Lists past session journals and reopens one read-only by replaying it. */
export class SessionService {
  constructor(
    private readonly journals: SessionJournals,
    private readonly isLive: (sessionId: string) => boolean,
    private readonly flushLive: (sessionId: string) => Promise<void>,
  ) {}

  async list(accountId?: string): Promise<SessionSummary[]> {
    const infos = await this.journals.list();
    return infos.filter((i) => accountId === undefined || i.accountId === accountId).map((i) => this.summary(i));
  }

  private summary(info: JournalInfo): SessionSummary {
    return {
      sessionId: info.sessionId,
      accountId: info.accountId,
      accountLabel: info.accountLabel,
      startedAtMs: info.startedAtMs,
      endedAtMs: info.lastRecordAtMs,
      live: this.isLive(info.sessionId),
      sizeBytes: info.sizeBytes,
    };
  }

  /** The journal's path after flushing a live session; throws `SESSION_NOT_FOUND`. */
  async pathOf(sessionId: string): Promise<JournalInfo> {
    const info = await this.journals.info(sessionId);
    if (!info) throw appError('SESSION_NOT_FOUND', `No session "${sessionId.slice(0, 60)}" in ${this.journals.dir}.`);
    if (this.isLive(sessionId)) await this.flushLive(sessionId);
    return info;
  }

  /** Replays a journal through the order book: the same view the session had, read-only. */
  async open(sessionId: string): Promise<SessionReplay> {
    const info = await this.pathOf(sessionId);
    const projection = new OrderProjection(info.accountId);
    const tracker = new ConnectionTracker(info.accountId);
    tracker.begin(sessionId, info.startedAtMs);
    const { records, report } = readJournal(info.path);
    let lastAtMs = info.startedAtMs;
    for await (const record of records) {
      switch (record.k) {
        case 'session':
          break;
        case 'frame':
          tracker.noteFrame(record.atMs);
          lastAtMs = record.atMs;
          break;
        case 'update':
          projection.apply(record.update, record.source, record.atMs);
          if (record.source === 'stream') tracker.noteLatency(record.atMs, record.update.eventTimeMs);
          lastAtMs = record.atMs;
          break;
        case 'state':
          tracker.applyState({ state: record.state, atMs: record.atMs, problem: record.problem ?? null });
          lastAtMs = record.atMs;
          break;
        case 'end':
          tracker.applyState({ state: 'stopped', atMs: record.atMs });
          lastAtMs = record.atMs;
          break;
      }
    }
    const connection = tracker.snapshot();
    // The masked key is in the journal's state records; the tracker only keeps it from a full key.
    return {
      summary: this.summary(info),
      snapshot: {
        connection,
        orders: projection.orders(),
        fills: projection.allFills(),
        stats: projection.stats(tracker.counters(lastAtMs)),
      },
      tornTail: report.tornTail,
      skippedLines: report.skippedLines,
    };
  }
}
