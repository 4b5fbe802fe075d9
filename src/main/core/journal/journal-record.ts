import type { JournalProblem } from './journal-problem.ts';
import type { OrderUpdate, UpdateSource } from '../../../shared/domain/order-update.ts';
import type { SessionStateName } from '../../../shared/domain/session-state.ts';
import { isUpdateVerdict, type UpdateVerdict } from '../../../shared/domain/update-verdict.ts';

/** Bumped when a record's shape changes incompatibly; readers skip what they do not know. */
export const JOURNAL_FORMAT_VERSION = 1;

/**
 * One line of a session journal (JSONL). Nothing here may hold a secret: frames are written
 * with every listen key masked, and credentials are never part of any record.
 */
export type JournalRecord =
  | {
      k: 'session';
      v: number;
      sessionId: string;
      accountId: string;
      accountLabel: string;
      startedAtMs: number;
    }
  /** A raw frame as received (listen key masked). */
  | { k: 'frame'; atMs: number; text: string }
  /**
   * An order update the engine produced from a frame or from REST backfill, with the order
   * book's verdict (duplicates included, so a reopened session counts them too). Readers use
   * the verdict as written; journals older than verdicts lack it, and readers re-derive it by
   * replaying the updates through the book (`JournalVerdicts`).
   */
  | UpdateRecord
  /** The session changed state; `listenKey` is already masked. */
  | {
      k: 'state';
      atMs: number;
      state: SessionStateName;
      problem?: JournalProblem | null;
      maskedListenKey?: string | null;
    }
  /**
   * A REST reconciliation finished: how many updates the stream missed (recovered, journalled
   * before this line as `backfill` updates) and which orders it marked "status unknown: not
   * open on the exchange" (a mark holds until the order's next applied update).
   */
  | { k: 'reconcile'; atMs: number; missedByStream: number; statusUnknown: string[] }
  /**
   * Written on a clean stop; its absence means the session ended abruptly (or is still live).
   * `updates` / `orders` (accepted updates, distinct orders) let a listing show the size of a
   * session without reading it; older journals lack them.
   */
  | { k: 'end'; atMs: number; updates?: number; orders?: number };

export type JournalRecordKind = JournalRecord['k'];

/** An `update` line. `verdict` is absent in journals written before verdicts were journalled. */
export interface UpdateRecord {
  k: 'update';
  atMs: number;
  source: UpdateSource;
  verdict?: UpdateVerdict;
  update: OrderUpdate;
}

/** Narrow check of a parsed line: known kind and the fields readers rely on. */
export function isJournalRecord(value: unknown): value is JournalRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  switch (r.k) {
    case 'session':
      return (
        typeof r.sessionId === 'string' &&
        typeof r.accountId === 'string' &&
        typeof r.startedAtMs === 'number'
      );
    case 'frame':
      return typeof r.atMs === 'number' && typeof r.text === 'string';
    case 'update':
      return (
        typeof r.atMs === 'number' &&
        typeof r.update === 'object' &&
        r.update !== null &&
        (r.verdict === undefined || isUpdateVerdict(r.verdict))
      );
    case 'state':
      return typeof r.atMs === 'number' && typeof r.state === 'string';
    case 'reconcile':
      return (
        typeof r.atMs === 'number' &&
        typeof r.missedByStream === 'number' &&
        Array.isArray(r.statusUnknown) &&
        r.statusUnknown.every((id) => typeof id === 'string')
      );
    case 'end':
      return typeof r.atMs === 'number';
    default:
      return false;
  }
}
