import type { SessionDeleted, SessionReplay, SessionSummary } from '../../shared/ipc/views-app.ts';
import { countJournalUpdates } from '../core/journal/journal-reader.ts';
import type { JournalInfo, SessionJournals } from '../core/journal/session-journals.ts';
import { appError } from './app-error.ts';
import { readJournalSession } from './journal-session-view.ts';

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
    const read = await readJournalSession({
      path: info.path,
      accountId: info.accountId,
      sessionId,
      startedAtMs: info.startedAtMs,
    });
    return {
      summary: await this.summary(info),
      snapshot: read.snapshot,
      tornTail: read.tornTail,
      skippedLines: read.skippedLines,
    };
  }
}
