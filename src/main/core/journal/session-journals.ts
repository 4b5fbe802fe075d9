import { randomBytes } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../ports/clock.ts';
import { JOURNAL_FORMAT_VERSION } from './journal-record.ts';
import { readJournalHeader, readJournalLastTimeMs } from './journal-reader.ts';
import { JournalWriter, type JournalWriterOptions } from './journal-writer.ts';

/** How journals are written: the writer's tunables and ports (file system, emergency folder). */
export type SessionJournalOptions = Omit<JournalWriterOptions, 'path' | 'clock'> & {
  /** The folder of the journal files; default `<dataDir>/sessions`. */
  dir?: string;
};

/** Sub-folder of the data folder holding one `<sessionId>.jsonl` per session. */
export const SESSIONS_DIR_NAME = 'sessions';

/** A journal on disk, as listed. */
export interface JournalInfo {
  sessionId: string;
  path: string;
  accountId: string;
  accountLabel: string;
  startedAtMs: number;
  /** Time of the last record; null when the journal holds only its header. */
  lastRecordAtMs: number | null;
  /** A clean `end` record closes it. */
  ended: boolean;
  /** Accepted updates and distinct orders, as the `end` record tells; null without one. */
  updates: number | null;
  orders: number | null;
  sizeBytes: number;
}

/** Session ids are file names: letters, digits, dash, underscore, dot. Nothing else reaches a path. */
const SESSION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/;

/** The session journals in one data folder: create, list, locate. */
export class SessionJournals {
  readonly dir: string;

  private readonly writerOptions: Omit<JournalWriterOptions, 'path' | 'clock'>;

  constructor(
    dataDir: string,
    private readonly clock: Clock,
    options: SessionJournalOptions = {},
  ) {
    const { dir, ...writerOptions } = options;
    this.dir = dir ?? join(dataDir, SESSIONS_DIR_NAME);
    this.writerOptions = writerOptions;
  }

  /** Starts a new journal for an account and writes its header. */
  create(
    account: { accountId: string; accountLabel: string },
    overrides: Pick<JournalWriterOptions, 'flushIntervalMs'> = {},
  ): {
    sessionId: string;
    writer: JournalWriter;
  } {
    const startedAtMs = this.clock.now();
    const stamp = new Date(startedAtMs).toISOString().replace(/[:.]/g, '-');
    const slug = account.accountId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40) || 'account';
    const sessionId = `${stamp}_${slug}_${randomBytes(3).toString('hex')}`;
    const writer = new JournalWriter({
      ...this.writerOptions,
      ...overrides,
      path: this.pathOf(sessionId),
      clock: this.clock,
    });
    writer.append({
      k: 'session',
      v: JOURNAL_FORMAT_VERSION,
      sessionId,
      accountId: account.accountId,
      accountLabel: account.accountLabel,
      startedAtMs,
    });
    return { sessionId, writer };
  }

  /** The file of a session; throws `SESSION_NOT_FOUND` for an id that cannot be one of ours. */
  pathOf(sessionId: string): string {
    if (!SESSION_ID_PATTERN.test(sessionId)) {
      throw Object.assign(new Error(`No session "${sessionId.slice(0, 60)}".`), {
        code: 'SESSION_NOT_FOUND',
      });
    }
    return join(this.dir, `${sessionId}.jsonl`);
  }

  /** Deletes a session's journal file; false when there was none. */
  async remove(sessionId: string): Promise<boolean> {
    const path = this.pathOf(sessionId);
    try {
      await stat(path);
    } catch {
      return false;
    }
    await rm(path, { force: true });
    return true;
  }

  /** Every readable journal, newest first. Unreadable files are skipped, not fatal. */
  async list(): Promise<JournalInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const infos = await Promise.all(
      names
        .filter((n) => n.endsWith('.jsonl'))
        .map((name) => this.info(name.slice(0, -'.jsonl'.length))),
    );
    return infos
      .filter((i): i is JournalInfo => i !== null)
      .sort((a, b) => b.startedAtMs - a.startedAtMs);
  }

  /** One journal's info; null when it is missing or has no header. */
  async info(sessionId: string): Promise<JournalInfo | null> {
    try {
      const path = this.pathOf(sessionId);
      const header = await readJournalHeader(path);
      if (!header) return null;
      const [{ size }, last] = await Promise.all([stat(path), readJournalLastTimeMs(path)]);
      return {
        sessionId,
        path,
        accountId: header.accountId,
        accountLabel: header.accountLabel,
        startedAtMs: header.startedAtMs,
        lastRecordAtMs: last.atMs === header.startedAtMs ? null : last.atMs,
        ended: last.ended,
        updates: last.updates,
        orders: last.orders,
        sizeBytes: size,
      };
    } catch {
      return null;
    }
  }
}
