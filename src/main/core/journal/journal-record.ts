import type { JournalProblem } from './journal-problem.ts';
import type { OrderUpdate, UpdateSource } from '../../../shared/domain/order-update.ts';
import type { SessionStateName } from '../../../shared/domain/session-state.ts';
import { isUpdateVerdict, type UpdateVerdict } from '../../../shared/domain/update-verdict.ts';

/**
 * Bumped when a record's shape changes incompatibly; readers skip what they do not know.
 * 2: a stream update and its frame are one `frame-update` line (1: a `frame` and an `update`
 * line each). This reader reads both.
 */
export const JOURNAL_FORMAT_VERSION = 2;

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
   * open on the exchange" (a mark holds until the order's next applied update), and which
   * orders it left with a lost fill the exchange does not list (`fillsNotRecovered`; older
   * journals lack it).
   */
  | {
      k: 'reconcile';
      atMs: number;
      missedByStream: number;
      statusUnknown: string[];
      fillsNotRecovered?: string[];
    }
  /**
   * Written on a clean stop; its absence means the session ended abruptly (or is still live).
   * `updates` / `orders` (accepted updates, distinct orders) let a listing show the size of a
   * session without reading it; older journals lack them.
   */
  | { k: 'end'; atMs: number; updates?: number; orders?: number };

export type JournalRecordKind = JournalRecord['k'];

/**
 * What a writer appends: a record, or a stream update together with the frame it came from.
 * The latter is written as one line, `{"k":"frame-update","atMs":…,"verdict":{…},"frame":<the
 * frame>}`, the frame (already masked) embedded as the JSON it is, not re-escaped as a string,
 * and the update not written at all: readers get it back from the frame with the same parser
 * (`readJournal` hands them a `frame` and an `update` record, as a version 1 journal has).
 */
export type JournalEntry = JournalRecord | FrameUpdateEntry;

export interface FrameUpdateEntry {
  k: 'frame-update';
  atMs: number;
  verdict: UpdateVerdict;
  /** The masked frame text: one JSON object on one line (see `frameUpdateEntry`). */
  frame: string;
}

/** How a `frame-update` line starts, and the key before its frame (always the last). */
export const FRAME_UPDATE_PREFIX = '{"k":"frame-update",';
export const FRAME_KEY = ',"frame":';

/**
 * The journal entry of a stream update: one `frame-update` line when the frame can be embedded
 * as it is (it parsed as JSON, so only a line break in it would split the line), else the
 * version 1 pair of a `frame` and an `update` record.
 */
export function frameUpdateEntries(event: {
  update: OrderUpdate;
  verdict: UpdateVerdict;
  receivedAtMs: number;
  frameText: string;
}): JournalEntry[] {
  const { update, verdict, receivedAtMs: atMs, frameText: frame } = event;
  if (isOneLine(frame)) return [{ k: 'frame-update', atMs, verdict, frame }];
  return [
    { k: 'frame', atMs, text: frame },
    { k: 'update', atMs, source: 'stream', verdict, update },
  ];
}

/**
 * A frame that can be embedded in a `frame-update` line as it is: it parsed as JSON, so only a
 * line break in it (white space between its tokens) would split the line.
 */
export function isOneLine(frame: string): boolean {
  return frame.indexOf('\n') === -1 && frame.indexOf('\r') === -1;
}

/**
 * The journal entries of an update as the monitor hands it on: a stream update with its frame
 * (`frameUpdateEntries`), or a record of its own (a backfill, or no frame given).
 */
export function updateEntries(event: {
  update: OrderUpdate;
  source: UpdateSource;
  verdict: UpdateVerdict;
  receivedAtMs: number;
  frameText?: string | null;
}): JournalEntry[] {
  const { update, source, verdict, receivedAtMs, frameText } = event;
  if (frameText != null && source === 'stream')
    return frameUpdateEntries({ update, verdict, receivedAtMs, frameText });
  return [{ k: 'update', atMs: receivedAtMs, source, verdict, update }];
}

/** The JSON of a verdict that counted nothing, by reason (most verdicts), made once. */
const FIXED_VERDICT_JSON = new Map<string, string>();

/**
 * A decimal string as JSON: quoted as it is when it holds only digits, `.` and `-` (the book's
 * decimals always do; nothing in them needs escaping), else as JSON.stringify writes it.
 */
function decimalJson(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 48 || c > 57) && c !== 46 && c !== 45) return JSON.stringify(value);
  }
  return `"${value}"`;
}

function verdictJson(verdict: UpdateVerdict): string {
  const counted = verdict.counted;
  if (counted !== null) {
    // As JSON.stringify writes it (same keys, same order), without walking the object.
    const fee = counted.fee === null ? 'null' : decimalJson(counted.fee);
    return `{"outcome":"${verdict.outcome}","reason":"${verdict.reason}","counted":{"base":${decimalJson(counted.base)},"quote":${decimalJson(counted.quote)},"fee":${fee}}}`;
  }
  let text = FIXED_VERDICT_JSON.get(verdict.reason);
  if (text === undefined) {
    text = JSON.stringify({ outcome: verdict.outcome, reason: verdict.reason, counted: null });
    FIXED_VERDICT_JSON.set(verdict.reason, text);
  }
  return text;
}

/** The last time written, its head up to the verdict, and heads by fixed verdict at that time. */
let lastAtMs = Number.NaN;
let lastPrefix = '';
const fixedHeads = new Map<string, string>();

/**
 * A `frame-update` line up to its frame, `{"k":"frame-update","atMs":…,"verdict":{…},"frame":`;
 * the line is this, the frame as it is, then `FRAME_UPDATE_END`. A writer copies the three
 * pieces into its buffer one after the other: the whole line is never built as one string.
 * Frames of one burst share their receive time, and most verdicts count nothing: such a head
 * is made once per time and verdict, not once per frame.
 */
export function frameUpdateHead(entry: FrameUpdateEntry): string {
  if (entry.atMs !== lastAtMs) {
    lastAtMs = entry.atMs;
    lastPrefix = `${FRAME_UPDATE_PREFIX}"atMs":${String(entry.atMs)},"verdict":`;
    fixedHeads.clear();
  }
  const verdict = entry.verdict;
  if (verdict.counted !== null) return lastPrefix + verdictJson(verdict) + FRAME_KEY;
  let head = fixedHeads.get(verdict.reason);
  if (head === undefined) {
    head = lastPrefix + verdictJson(verdict) + FRAME_KEY;
    fixedHeads.set(verdict.reason, head);
  }
  return head;
}

/** How a `frame-update` line ends after its frame. */
export const FRAME_UPDATE_END = '}\n';

/**
 * Writing a `frame-update` line's head straight into a writer's buffer (`encodeFrameUpdateHead`):
 * the same bytes as `frameUpdateHead`, but a head is only ever copied as bytes, never built as a
 * string: per receive time and fixed verdict once; a counted verdict from cached pieces and its
 * decimals, digit by digit.
 */
let bytesAtMs = Number.NaN;
let prefixBytes: Buffer = Buffer.alloc(0);
const fixedHeadBytes = new Map<string, Buffer>();
/** `{"outcome":"…","reason":"…","counted":{"base":`, by outcome and reason. */
const countedHeadBytes = new Map<string, Map<string, Buffer>>();
const QUOTE_KEY_BYTES = Buffer.from(',"quote":');
const FEE_KEY_BYTES = Buffer.from(',"fee":');
const NULL_BYTES = Buffer.from('null');
const COUNTED_END_BYTES = Buffer.from('}}' + FRAME_KEY);

/**
 * At most how many bytes `encodeFrameUpdateHead` writes for this verdict: the fixed parts, and
 * a decimal at its longest as JSON (6 ASCII characters per UTF-16 unit, `\u2028`).
 */
export function frameUpdateHeadBound(verdict: UpdateVerdict): number {
  const counted = verdict.counted;
  if (counted === null) return 256 + 6 * (verdict.outcome.length + verdict.reason.length);
  const decimals = counted.base.length + counted.quote.length + (counted.fee?.length ?? 0);
  return 320 + 3 * (verdict.outcome.length + verdict.reason.length) + 6 * decimals;
}

/**
 * Writes the head of a `frame-update` line, exactly the UTF-8 of `frameUpdateHead`, at `at`;
 * returns where it ends. The buffer has room for `frameUpdateHeadBound(verdict)` bytes there.
 */
export function encodeFrameUpdateHead(
  buffer: Buffer,
  at: number,
  atMs: number,
  verdict: UpdateVerdict,
): number {
  if (atMs !== bytesAtMs) {
    bytesAtMs = atMs;
    prefixBytes = Buffer.from(`${FRAME_UPDATE_PREFIX}"atMs":${String(atMs)},"verdict":`);
    fixedHeadBytes.clear();
  }
  const counted = verdict.counted;
  if (counted === null) {
    let head = fixedHeadBytes.get(verdict.reason);
    if (head === undefined) {
      head = Buffer.from(frameUpdateHead({ k: 'frame-update', atMs, verdict, frame: '' }));
      fixedHeadBytes.set(verdict.reason, head);
    }
    buffer.set(head, at);
    return at + head.length;
  }
  buffer.set(prefixBytes, at);
  at += prefixBytes.length;
  let byReason = countedHeadBytes.get(verdict.outcome);
  if (byReason === undefined) countedHeadBytes.set(verdict.outcome, (byReason = new Map()));
  let start = byReason.get(verdict.reason);
  if (start === undefined) {
    start = Buffer.from(
      `{"outcome":"${verdict.outcome}","reason":"${verdict.reason}","counted":{"base":`,
    );
    byReason.set(verdict.reason, start);
  }
  buffer.set(start, at);
  at = encodeDecimal(buffer, at + start.length, counted.base);
  buffer.set(QUOTE_KEY_BYTES, at);
  at = encodeDecimal(buffer, at + QUOTE_KEY_BYTES.length, counted.quote);
  buffer.set(FEE_KEY_BYTES, at);
  at += FEE_KEY_BYTES.length;
  if (counted.fee === null) {
    buffer.set(NULL_BYTES, at);
    at += NULL_BYTES.length;
  } else at = encodeDecimal(buffer, at, counted.fee);
  buffer.set(COUNTED_END_BYTES, at);
  return at + COUNTED_END_BYTES.length;
}

/** `decimalJson(value)` as UTF-8 at `at`: digits, `.` and `-` copied one by one between quotes. */
function encodeDecimal(buffer: Buffer, at: number, value: string): number {
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if ((c < 48 || c > 57) && c !== 46 && c !== 45)
      return at + buffer.write(JSON.stringify(value), at, 'utf8');
    buffer[at + 1 + i] = c;
  }
  buffer[at] = 0x22;
  buffer[at + n + 1] = 0x22;
  return at + n + 2;
}

/** One journal line (with its newline). A `frame-update`'s frame is written as it is. */
export function journalLine(entry: JournalEntry): string {
  if (entry.k !== 'frame-update') return JSON.stringify(entry) + '\n';
  return frameUpdateHead(entry) + entry.frame + FRAME_UPDATE_END;
}

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
        r.statusUnknown.every((id) => typeof id === 'string') &&
        (r.fillsNotRecovered === undefined ||
          (Array.isArray(r.fillsNotRecovered) &&
            r.fillsNotRecovered.every((id) => typeof id === 'string')))
      );
    case 'end':
      return typeof r.atMs === 'number';
    default:
      return false;
  }
}
