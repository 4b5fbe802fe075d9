import { open } from 'node:fs/promises';
import type { OrderUpdate } from '../../../shared/domain/order-update.ts';
import { frameUpdateRecords } from './journal-reader.ts';
import { FRAME_UPDATE_PREFIX, isJournalRecord, type UpdateRecord } from './journal-record.ts';

/** What one read of a few orders' last updates found, and what it cost. */
export interface LastAppliedUpdates {
  /** The last applied update of each order found: the one a full read makes its state. */
  found: Map<string, OrderUpdate>;
  /**
   * Orders whose latest update record has no verdict (a journal written before verdicts):
   * whether it was applied only a replay of the whole journal can tell.
   */
  undecided: Set<string>;
  /** Bytes read from the file's end, and lines parsed (only lines that mention a wanted id). */
  bytesRead: number;
  linesParsed: number;
}

const NEWLINE = 0x0a;
const DEFAULT_CHUNK_BYTES = 64 * 1024;

/**
 * The last applied update of each of a few orders, read from the journal's end backwards in
 * chunks until every one is found: only as far back as the oldest of them, holding one chunk
 * (and a line that spans chunks) at a time, and parsing only the lines that mention one of the
 * ids. No order is folded: this is how a running session rebuilds the row of an order whose
 * last update its book no longer keeps, without reading the session (#15). A torn last line
 * does not parse and is passed over.
 */
export async function readLastAppliedUpdates(
  path: string,
  orderIds: Iterable<string>,
  chunkBytes = DEFAULT_CHUNK_BYTES,
): Promise<LastAppliedUpdates> {
  const wanted = new Map<string, Buffer>();
  for (const id of orderIds) if (id !== '') wanted.set(id, Buffer.from(id, 'utf8'));
  const result: LastAppliedUpdates = {
    found: new Map(),
    undecided: new Set(),
    bytesRead: 0,
    linesParsed: 0,
  };
  if (wanted.size === 0) return result;
  const handle = await open(path, 'r');
  try {
    let position = (await handle.stat()).size;
    // The start of a line whose beginning lies in a chunk not read yet.
    let tail = Buffer.alloc(0);
    while (position > 0 && wanted.size > 0) {
      const length = Math.min(chunkBytes, position);
      position -= length;
      const chunk = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(chunk, 0, length, position);
      if (bytesRead !== length) throw new Error('The journal got shorter while it was read.');
      result.bytesRead += length;
      const region = tail.length === 0 ? chunk : Buffer.concat([chunk, tail]);
      let start = 0;
      if (position > 0) {
        const firstNewline = region.indexOf(NEWLINE);
        if (firstNewline === -1) {
          tail = region;
          continue;
        }
        start = firstNewline + 1;
        tail = Buffer.from(region.subarray(0, firstNewline));
      } else tail = Buffer.alloc(0);
      scanLines(region, start, wanted, result);
    }
  } finally {
    await handle.close();
  }
  return result;
}

/**
 * Whole lines from `start` to the end of `region`: for each wanted id, the lines mentioning it,
 * latest first, until its last applied update (or a record without a verdict) is found.
 */
function scanLines(
  region: Buffer,
  start: number,
  wanted: Map<string, Buffer>,
  result: LastAppliedUpdates,
): void {
  for (const [orderId, needle] of wanted) {
    // lastIndexOf counts a negative offset from the end: `from` never goes below `start`.
    let from = region.length - 1;
    while (from >= start) {
      const hit = region.lastIndexOf(needle, from);
      if (hit < start) break;
      const lineStart = hit === 0 ? 0 : region.lastIndexOf(NEWLINE, hit - 1) + 1;
      const newline = region.indexOf(NEWLINE, hit);
      const lineEnd = newline === -1 ? region.length : newline;
      result.linesParsed++;
      const record = updateRecordOf(region.toString('utf8', lineStart, lineEnd));
      if (record !== null && record.update.orderId === orderId) {
        if (record.verdict === undefined) {
          result.undecided.add(orderId);
          wanted.delete(orderId);
          break;
        }
        if (record.verdict.outcome === 'applied') {
          result.found.set(orderId, record.update);
          wanted.delete(orderId);
          break;
        }
      }
      from = lineStart - 2;
    }
  }
}

/** The update record of one journal line (a `frame-update` line gives its update), or null. */
function updateRecordOf(line: string): UpdateRecord | null {
  if (line.startsWith(FRAME_UPDATE_PREFIX)) return frameUpdateRecords(line)?.[1] ?? null;
  try {
    const value: unknown = JSON.parse(line);
    return isJournalRecord(value) && value.k === 'update' ? value : null;
  } catch {
    return null;
  }
}
