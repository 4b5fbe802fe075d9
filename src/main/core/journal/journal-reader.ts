import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseFrame } from '../parser/parse-frame.ts';
import { isUpdateVerdict } from '../../../shared/domain/update-verdict.ts';
import {
  FRAME_KEY,
  FRAME_UPDATE_PREFIX,
  isJournalRecord,
  type JournalRecord,
  type UpdateRecord,
} from './journal-record.ts';

/** What a read found besides the records. */
export interface JournalReadReport {
  /** The file did not end with a newline and its last line was not a complete record. */
  tornTail: boolean;
  /** Lines that were neither valid JSON nor a known record (skipped, not fatal). */
  skippedLines: number;
}

/**
 * Streams the records of a journal, one line at a time (a 100,000-update session is never
 * held in memory). A torn last line — the process died mid-write — is tolerated and
 * reported in `report`, which is complete once iteration ends.
 */
export function readJournal(path: string): {
  records: AsyncIterable<JournalRecord>;
  report: JournalReadReport;
} {
  const report: JournalReadReport = { tornTail: false, skippedLines: 0 };
  async function* records(): AsyncGenerator<JournalRecord> {
    const endsWithNewline = await fileEndsWithNewline(path);
    const lines = createInterface({
      input: createReadStream(path, { encoding: 'utf8' }),
      crlfDelay: Infinity,
    });
    let pendingBad = false;
    for await (const line of lines) {
      // A bad line followed by more lines is a skipped line, not a torn tail.
      if (pendingBad) report.skippedLines++;
      pendingBad = false;
      if (line.trim() === '') continue;
      if (line.startsWith(FRAME_UPDATE_PREFIX)) {
        const pair = frameUpdateRecords(line);
        if (pair === null) pendingBad = true;
        else yield* pair;
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        pendingBad = true;
        continue;
      }
      if (isJournalRecord(value)) yield value;
      else report.skippedLines++;
    }
    if (pendingBad) {
      if (endsWithNewline) report.skippedLines++;
      else report.tornTail = true;
    }
  }
  return { records: records(), report };
}

/**
 * A `frame-update` line (format 2) as the two records a version 1 journal holds for it: the
 * frame, and the update read from it by the engine's parser with the verdict as written. Null
 * for a line that is not whole (a torn tail) or whose frame is not an order update.
 */
export function frameUpdateRecords(
  line: string,
): [Extract<JournalRecord, { k: 'frame' }>, UpdateRecord] | null {
  const at = line.indexOf(FRAME_KEY);
  if (at === -1 || !line.endsWith('}')) return null;
  let head: unknown;
  try {
    head = JSON.parse(line.slice(0, at) + '}');
  } catch {
    return null;
  }
  const { atMs, verdict } = head as { atMs?: unknown; verdict?: unknown };
  if (typeof atMs !== 'number' || !isUpdateVerdict(verdict)) return null;
  const text = line.slice(at + FRAME_KEY.length, -1);
  const parsed = parseFrame(text);
  if (parsed.kind !== 'order-update') return null;
  return [
    { k: 'frame', atMs, text },
    { k: 'update', atMs, source: 'stream', verdict, update: parsed.update },
  ];
}

async function fileEndsWithNewline(path: string): Promise<boolean> {
  const { size } = await stat(path);
  if (size === 0) return true;
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1);
    await handle.read(buffer, 0, 1, size - 1);
    return buffer[0] === 0x0a;
  } finally {
    await handle.close();
  }
}

/** Reads the first record (the session header) without reading the whole file. */
export async function readJournalHeader(
  path: string,
): Promise<Extract<JournalRecord, { k: 'session' }> | null> {
  const text = await readSlice(path, 0, 16 * 1024);
  const newline = text.indexOf('\n');
  const first = newline === -1 ? text : text.slice(0, newline);
  try {
    const value: unknown = JSON.parse(first);
    return isJournalRecord(value) && value.k === 'session' ? value : null;
  } catch {
    return null;
  }
}

/**
 * Time of the last complete record, found by reading only the file's tail, and whether it is a
 * clean `end` (with the counts it carries).
 */
export async function readJournalLastTimeMs(
  path: string,
): Promise<{ atMs: number | null; ended: boolean; updates: number | null; orders: number | null }> {
  const { size } = await stat(path);
  const tailBytes = 64 * 1024;
  const text = await readSlice(path, Math.max(0, size - tailBytes), tailBytes);
  const lines = text.split('\n').reverse();
  for (const line of lines) {
    try {
      const value: unknown = JSON.parse(line);
      if (isFrameUpdateLine(value))
        return { atMs: value.atMs, ended: false, updates: null, orders: null };
      if (!isJournalRecord(value)) continue;
      const atMs = value.k === 'session' ? value.startedAtMs : value.atMs;
      if (value.k !== 'end') return { atMs, ended: false, updates: null, orders: null };
      return { atMs, ended: true, updates: value.updates ?? null, orders: value.orders ?? null };
    } catch {
      // A torn or partial first line of the slice: keep looking backwards.
    }
  }
  return { atMs: null, ended: false, updates: null, orders: null };
}

async function readSlice(path: string, position: number, length: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function isFrameUpdateLine(value: unknown): value is { atMs: number } {
  const r = value as { k?: unknown; atMs?: unknown } | null;
  return (
    typeof r === 'object' && r !== null && r.k === 'frame-update' && typeof r.atMs === 'number'
  );
}

/** How a duplicate's verdict starts in a journal line (an OrderUpdate has no `outcome` key). */
const DUPLICATE_VERDICT = '"verdict":{"outcome":"duplicate"';

/**
 * Update records in a journal that has no `end` with counts (a crashed, live or older
 * session): streams the file and looks only at each line's start, without parsing it.
 */
export async function countJournalUpdates(path: string): Promise<number> {
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let count = 0;
  // A duplicate (its verdict says so) is journalled but is not an update of the session.
  for await (const line of lines)
    if (
      (line.startsWith('{"k":"update"') || line.startsWith(FRAME_UPDATE_PREFIX)) &&
      line.endsWith('}') &&
      !line.includes(DUPLICATE_VERDICT)
    )
      count++;
  return count;
}
