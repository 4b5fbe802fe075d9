import { fromJournalProblem } from '../core/journal/journal-problem.ts';
import type { SessionDeleted, SessionReplay, SessionSummary } from '../../shared/ipc/views-app.ts';
import { countJournalUpdates, readJournal } from '../core/journal/journal-reader.ts';
import { JournalVerdicts } from '../core/journal/journal-verdicts.ts';
import { parseFrame } from '../core/parser/index.ts';
import type { JournalInfo, SessionJournals } from '../core/journal/session-journals.ts';
import { appError } from './app-error.ts';
import { ConnectionTracker } from './connection-tracker.ts';
import { OrderProjection } from './order-projection.ts';

/** Lists past session journals, reopens one read-only by replaying it, and deletes one. */
export class SessionService {
  constructor(
    private readonly journals: SessionJournals,
    private readonly isLive: (sessionId: string) => boolean,
    private readonly flushLive: (sessionId: string) => Promise<void>,
    /** Deletes the files exported from a session where the app keeps them; how many. */
    private readonly discardExports: (sessionId: string) => Promise<number> = async () => 0,
  ) {}

  /**
   * Deletes a past session: its journal and the exports the app keeps of it. A running
   * session is refused (`SESSION_LIVE`: stop the account first); an unknown one is
   * `SESSION_NOT_FOUND`.
   */
  async delete(sessionId: string): Promise<SessionDeleted> {
    if (this.isLive(sessionId))
      throw appError(
        'SESSION_LIVE',
        'This session is still running. Stop the account first, then delete the session.',
      );
    if (!(await this.journals.remove(sessionId)))
      throw appError(
        'SESSION_NOT_FOUND',
        `No session "${sessionId.slice(0, 60)}" in ${this.journals.dir}.`,
      );
    const exportsDeleted = await this.discardExports(sessionId);
    return { sessionId, exportsDeleted };
  }

  async list(accountId?: string): Promise<SessionSummary[]> {
    const infos = await this.journals.list();
    return Promise.all(
      infos
        .filter((i) => accountId === undefined || i.accountId === accountId)
        .map((i) => this.summary(i)),
    );
  }

  private async summary(info: JournalInfo): Promise<SessionSummary> {
    const live = this.isLive(info.sessionId);
    // A clean end carries its counts; without one (crash, still live, older journal) count the lines.
    const updateCount = info.updates ?? (await countJournalUpdates(info.path).catch(() => 0));
    return {
      sessionId: info.sessionId,
      accountId: info.accountId,
      accountLabel: info.accountLabel,
      startedAtMs: info.startedAtMs,
      endedAtMs: live ? null : info.lastRecordAtMs,
      live,
      status: live ? 'live' : info.ended ? 'ended' : 'interrupted',
      updateCount,
      orderCount: info.orders,
      sizeBytes: info.sizeBytes,
    };
  }

  /** The journal's path after flushing a live session; throws `SESSION_NOT_FOUND`. */
  async pathOf(sessionId: string): Promise<JournalInfo> {
    const info = await this.journals.info(sessionId);
    if (!info)
      throw appError(
        'SESSION_NOT_FOUND',
        `No session "${sessionId.slice(0, 60)}" in ${this.journals.dir}.`,
      );
    if (this.isLive(sessionId)) await this.flushLive(sessionId);
    return info;
  }

  /**
   * Reopens a journal read-only: the same view the session had, from the verdicts the engine
   * journalled (an older journal without them is run through the book once more).
   */
  async open(sessionId: string): Promise<SessionReplay> {
    const info = await this.pathOf(sessionId);
    // Reconciliation as the journal recorded it: missed updates summed, marks held until the
    // order's next applied update (as the engine's marks are).
    const marks = new Map<string, number>();
    let missedByStream = 0;
    const projection = new OrderProjection(info.accountId, (orderId) => {
      const sinceMs = marks.get(orderId);
      return sinceMs === undefined ? null : { code: 'NOT_OPEN_ON_EXCHANGE', sinceMs };
    });
    const tracker = new ConnectionTracker(info.accountId);
    tracker.begin(sessionId, info.startedAtMs);
    const { records, report } = readJournal(info.path);
    const verdicts = new JournalVerdicts();
    let lastAtMs = info.startedAtMs;
    // Journals before verdicts held only the updates the engine accepted: the duplicates it
    // dropped are the order-update frames without an update record.
    let streamUpdateFrames = 0;
    let streamUpdateRecords = 0;
    for await (const record of records) {
      switch (record.k) {
        case 'session':
          break;
        case 'frame': {
          tracker.noteFrame(record.atMs);
          const parsed = parseFrame(record.text);
          if (parsed.kind === 'malformed') tracker.noteMalformedFrame();
          if (parsed.kind === 'order-update') streamUpdateFrames++;
          lastAtMs = record.atMs;
          break;
        }
        case 'update': {
          const verdict = verdicts.of(record);
          projection.apply(record.update, record.source, record.atMs, verdict);
          if (verdict.outcome === 'applied') marks.delete(record.update.orderId);
          if (record.source === 'stream') {
            streamUpdateRecords++;
            tracker.noteLatency(record.atMs, record.update.eventTimeMs);
          }
          lastAtMs = record.atMs;
          break;
        }
        case 'reconcile':
          missedByStream += record.missedByStream;
          for (const orderId of record.statusUnknown) marks.set(orderId, record.atMs);
          lastAtMs = record.atMs;
          break;
        case 'state':
          tracker.applyState({
            state: record.state,
            atMs: record.atMs,
            problem: record.problem ? fromJournalProblem(record.problem) : null,
          });
          lastAtMs = record.atMs;
          break;
        case 'end':
          tracker.applyState({ state: 'stopped', atMs: record.atMs });
          lastAtMs = record.atMs;
          break;
      }
    }
    if (verdicts.rederived)
      projection.noteUnrecordedDuplicates(Math.max(0, streamUpdateFrames - streamUpdateRecords));
    const connection = tracker.snapshot();
    // The masked key is in the journal's state records; the tracker only keeps it from a full key.
    return {
      summary: await this.summary(info),
      snapshot: {
        connection,
        orders: projection.orders(),
        fills: projection.allFills(),
        stats: projection.stats(tracker.counters(lastAtMs), {
          missedByStream,
          statusUnknown: [...marks.keys()].filter((id) => projection.order(id) !== null).length,
        }),
      },
      tornTail: report.tornTail,
      skippedLines: report.skippedLines,
    };
  }
}
