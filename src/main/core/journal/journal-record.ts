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

/**
 * A `frame-update` line up to its frame, `{"k":"frame-update","atMs":…,"verdict":{…},"frame":`;
 * the line is this, the frame as it is, then `FRAME_UPDATE_END`. Writers never build it: they
 * encode the same bytes into their buffer (`encodeFrameUpdateHead`); this is its definition.
 */
export function frameUpdateHead(entry: FrameUpdateEntry): string {
  return `${FRAME_UPDATE_PREFIX}"atMs":${String(entry.atMs)}${VERDICT_KEY}${verdictJson(entry.verdict)}${FRAME_KEY}`;
}

/** How a `frame-update` line ends after its frame. */
export const FRAME_UPDATE_END = '}\n';

/**
 * Writing a `frame-update` line's head straight into a writer's buffer (`encodeFrameUpdateHead`):
 * the same bytes as `frameUpdateHead`, but a head is only ever copied as bytes, never built as a
 * string. Nothing cached depends on the time (live, nearly every frame has a receive time of its
 * own): the constant start, the time's digits one by one, then the verdict's bytes, made once per
 * fixed verdict, a counted one from cached pieces and its decimals, digit by digit.
 */
const HEAD_START_BYTES = Buffer.from(`${FRAME_UPDATE_PREFIX}"atMs":`);
/** `,"verdict":{…},"frame":` of a verdict that counts nothing, by outcome and reason. */
const fixedTailBytes = new Map<string, Map<string, Buffer>>();
/** `,"verdict":{"outcome":"…","reason":"…","counted":{"base":`, by outcome and reason. */
const countedHeadBytes = new Map<string, Map<string, Buffer>>();
const QUOTE_KEY_BYTES = Buffer.from(',"quote":');
const FEE_KEY_BYTES = Buffer.from(',"fee":');
const NULL_BYTES = Buffer.from('null');
const COUNTED_END_BYTES = Buffer.from('}}' + FRAME_KEY);
const VERDICT_KEY = ',"verdict":';

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
  buffer.set(HEAD_START_BYTES, at);
  at = encodeTime(buffer, at + HEAD_START_BYTES.length, atMs);
  const counted = verdict.counted;
  if (counted === null) {
    const tail = cachedBytes(fixedTailBytes, verdict);
    buffer.set(tail, at);
    return at + tail.length;
  }
  const start = cachedBytes(countedHeadBytes, verdict);
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

/**
 * The cached bytes for this verdict's outcome and reason, made on first use: the whole rest of
 * the head (`fixedTailBytes`, a verdict that counts nothing) or the part before its decimals.
 */
function cachedBytes(cache: Map<string, Map<string, Buffer>>, verdict: UpdateVerdict): Buffer {
  let byReason = cache.get(verdict.outcome);
  if (byReason === undefined) cache.set(verdict.outcome, (byReason = new Map()));
  let bytes = byReason.get(verdict.reason);
  if (bytes === undefined) {
    const text =
      cache === fixedTailBytes
        ? VERDICT_KEY + verdictJson(verdict) + FRAME_KEY
        : `${VERDICT_KEY}{"outcome":"${verdict.outcome}","reason":"${verdict.reason}","counted":{"base":`;
    byReason.set(verdict.reason, (bytes = Buffer.from(text)));
  }
  return bytes;
}

/**
 * `String(atMs)` as bytes at `at`: a whole number of milliseconds (every receive time) digit by
 * digit, in two parts that fit 32-bit arithmetic; anything else (never seen: a fraction, a
 * negative, beyond 2^53) as `String` writes it.
 */
function encodeTime(buffer: Buffer, at: number, atMs: number): number {
  if (!(atMs >= 0 && atMs <= Number.MAX_SAFE_INTEGER && Math.floor(atMs) === atMs))
    return at + buffer.write(String(atMs), at, 'latin1');
  if (atMs < LOW_PART) return encodeDigits(buffer, at, atMs, digitsOf(atMs));
  const high = Math.floor(atMs / LOW_PART);
  at = encodeDigits(buffer, at, high, digitsOf(high));
  return encodeDigits(buffer, at, atMs - high * LOW_PART, LOW_DIGITS);
}
const LOW_DIGITS = 9;
const LOW_PART = 1e9;

/** How many digits `value` (0 ≤ value < 2^31) has. */
function digitsOf(value: number): number {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = (rest / 10) | 0) digits++;
  return digits;
}

/** `value` (0 ≤ value < 2^31) as exactly `digits` digits (zeros first) at `at`. */
function encodeDigits(buffer: Buffer, at: number, value: number, digits: number): number {
  let rest = value | 0;
  for (let i = at + digits - 1; i >= at; i--) {
    const next = (rest / 10) | 0;
    buffer[i] = 48 + rest - next * 10;
    rest = next;
  }
  return at + digits;
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
