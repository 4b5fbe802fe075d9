import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Emitter, type Event } from '../../../shared/event/emitter.ts';
import type { AsyncDisposable, Disposable } from '../../../shared/lifecycle/disposable.ts';
import type { Clock } from '../ports/clock.ts';
import { nodeJournalFileSystem, type JournalFile, type JournalFileSystem } from './journal-fs.ts';
import type { OrderUpdate, UpdateSource } from '../../../shared/domain/order-update.ts';
import type { UpdateVerdict } from '../../../shared/domain/update-verdict.ts';
import {
  encodeFrameUpdateHead,
  frameUpdateHeadBound,
  isOneLine,
  journalLine,
  updateEntries,
  type JournalEntry,
} from './journal-record.ts';
import { cutTornTail } from './torn-tail.ts';

export interface JournalWriterOptions {
  path: string;
  clock: Clock;
  /** Flush at least this often while records are waiting. Default 250 ms. */
  flushIntervalMs?: number;
  /** Flush at once when this many records wait (a flush writes all that wait). Default 200. */
  flushBatchSize?: number;
  /** Default: the real file system. */
  fs?: JournalFileSystem;
  /** Where records that could not be written go when the writer closes. Default `os.tmpdir()`. */
  emergencyDir?: string;
  /** First retry after a failed write; doubles up to `maxRetryDelayMs`. Default 1 s / 10 s. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/** Writing started failing (e.g. `ENOSPC`). Fired once per episode, not per attempt. */
export interface JournalWriteFailure {
  code: string;
  message: string;
  /** Records (of any kind) and order updates waiting in memory. */
  pendingRecords: number;
  pendingUpdates: number;
}

/** Writing works again after a failure; everything that waited is on disk. */
export interface JournalWriteRecovery {
  writtenRecords: number;
  writtenUpdates: number;
}

/** What closing left behind. Nothing is ever dropped without being counted here. */
export interface JournalCloseReport {
  /** Records (and order updates among them) that never reached the journal. */
  unwrittenRecords: number;
  unwrittenUpdates: number;
  /** Where they were saved instead; null when there were none, or saving failed too. */
  savedTo: string | null;
  /** Why saving them failed (then they are lost, and this says so). */
  saveError: { code: string; message: string } | null;
}

/** A writer's first buffer, and the most it keeps once written (a burst's buffer is let go). */
const INITIAL_BUFFER_BYTES = 16 << 10;
const MAX_KEPT_BUFFER_BYTES = 256 << 10;

/**
 * Appends records to one session's JSONL file. `append` is synchronous and cheap (the record
 * joins an in-memory batch) and returns the record's sequence number; `writtenSeq` and
 * `onDidWrite` say which records are on disk, so callers show an update only once it is.
 *
 * Records are written whole: each batch goes at the end of what is known to be on disk
 * (`committedBytes`), never with O_APPEND, so a write that failed half-way (full disk) is
 * overwritten by its retry instead of leaving a torn line and a second copy of the records
 * before it. A file opened with a torn last line (a crash mid-write) has that line cut first.
 * Records are encoded (UTF-8) into the writer's buffer as they are appended, while their text
 * is fresh, and a write takes every byte waiting: no record objects or strings wait in memory.
 * A failed write keeps everything queued, says so once (`onDidFail`), retries on the clock
 * with backoff, and says once when it recovers (`onDidRecover`). Closing with records still
 * unwritten saves them to an emergency file elsewhere and reports how many.
 */
export class JournalWriter implements AsyncDisposable {
  /**
   * The records waiting for the disk, encoded one after the other: `pendingBytes` bytes of
   * `buffer`, `pendingRecords` records (`pendingUpdateCount` order updates among them). A write
   * takes the first bytes; records appended meanwhile follow them and wait for the next.
   */
  private buffer: Buffer | null = null;
  private pendingBytes = 0;
  private pendingRecords = 0;
  private pendingUpdateCount = 0;
  private file: JournalFile | undefined;
  /** Bytes of whole records on disk; writes go here. */
  private committedBytes = -1;
  /** A failed write may have left bytes past `committedBytes`: cut them before the next. */
  private dirty = false;
  private flushing: Promise<void> | undefined;
  private timer: Disposable | undefined;
  private closed = false;
  private closeReport: Promise<JournalCloseReport> | undefined;
  private failing: { sinceSeq: number; retryDelayMs: number } | null = null;
  private appendedSeq = 0;
  private written = 0;
  private headerText: string | null = null;
  private headerWritten = false;
  private readonly fs: JournalFileSystem;
  private readonly failEmitter = new Emitter<JournalWriteFailure>({ name: 'journal-writer.fail' });
  private readonly recoverEmitter = new Emitter<JournalWriteRecovery>({
    name: 'journal-writer.recover',
  });
  private readonly writeEmitter = new Emitter<{ writtenSeq: number }>({
    name: 'journal-writer.write',
  });
  readonly onDidFail: Event<JournalWriteFailure> = this.failEmitter.event;
  readonly onDidRecover: Event<JournalWriteRecovery> = this.recoverEmitter.event;
  /** Records up to `writtenSeq` are on disk. */
  readonly onDidWrite: Event<{ writtenSeq: number }> = this.writeEmitter.event;
  private readonly flushIntervalMs: number;
  private readonly flushBatchSize: number;

  constructor(private readonly options: JournalWriterOptions) {
    this.flushIntervalMs = options.flushIntervalMs ?? 250;
    this.flushBatchSize = options.flushBatchSize ?? 200;
    this.fs = options.fs ?? nodeJournalFileSystem;
  }

  get path(): string {
    return this.options.path;
  }

  /** Sequence number of the last record on disk (records are numbered from 1 as appended). */
  get writtenSeq(): number {
    return this.written;
  }

  /** True while writes fail (records wait in memory). */
  get isFailing(): boolean {
    return this.failing !== null;
  }

  /**
   * Queues a record and returns its sequence number; it reaches the disk within
   * `flushIntervalMs` (or, while the disk refuses, when a retry succeeds). After close: 0.
   */
  append(record: JournalEntry): number {
    if (this.closed) return 0;
    // Frames come masked: the engine masks each frame once, as it receives it
    // (AccountMonitor), and nothing else hands frames to a journal.
    if (record.k === 'frame-update')
      return this.appendFrameUpdate(record.atMs, record.verdict, record.frame);
    const text = journalLine(record);
    if (record.k === 'session' && this.headerText === null) this.headerText = text;
    const buffer = this.room(text.length * 3);
    this.pendingBytes += buffer.write(text, this.pendingBytes, 'utf8');
    return this.appended(record.k === 'update');
  }

  /**
   * Queues the journal record(s) of an order update as the monitor hands it on, as `append`
   * would each of `updateEntries(event)`, and returns the last one's sequence number: a stream
   * update with its frame is encoded at once, no entry built for it.
   */
  appendUpdate(event: {
    update: OrderUpdate;
    source: UpdateSource;
    verdict: UpdateVerdict;
    receivedAtMs: number;
    frameText?: string | null;
  }): number {
    const frame = event.frameText;
    if (frame != null && event.source === 'stream') {
      if (this.closed) return 0;
      // Encoded first, then looked at: encoding flattens the (masked) frame, which makes the
      // search for a line break a plain scan instead of another copy of it.
      const from = this.pendingBytes;
      const end = this.encodeFrameUpdate(event.receivedAtMs, event.verdict, frame);
      if (isOneLine(frame)) {
        this.pendingBytes = end;
        return this.appended(true);
      }
      this.pendingBytes = from;
    }
    let seq = 0;
    for (const entry of updateEntries(event)) seq = this.append(entry);
    return seq;
  }

  /**
   * A `frame-update` line, encoded as its head (`encodeFrameUpdateHead`), its frame as it is
   * (masked) and its end, with no line string built in between.
   */
  private appendFrameUpdate(atMs: number, verdict: UpdateVerdict, frame: string): number {
    this.pendingBytes = this.encodeFrameUpdate(atMs, verdict, frame);
    return this.appended(true);
  }

  /** Encodes a `frame-update` line after what waits; returns where it ends (not yet kept). */
  private encodeFrameUpdate(atMs: number, verdict: UpdateVerdict, frame: string): number {
    const buffer = this.room(frameUpdateHeadBound(verdict) + frame.length * 3 + 2);
    let at = encodeFrameUpdateHead(buffer, this.pendingBytes, atMs, verdict);
    at += buffer.write(frame, at, 'utf8');
    // FRAME_UPDATE_END, `}` and a line break, as bytes: no call for two of them.
    buffer[at++] = 0x7d;
    buffer[at++] = 0x0a;
    return at;
  }

  /**
   * The buffer with room for `bytes` more after what waits (UTF-8 takes at most 3 bytes per
   * UTF-16 code unit): grown (doubled, what waits copied) when short. A write in flight keeps
   * reading the old buffer, which is not changed after.
   */
  private room(bytes: number): Buffer {
    const needed = this.pendingBytes + bytes;
    const buffer = this.buffer;
    if (buffer !== null && buffer.length >= needed) return buffer;
    let size = buffer === null ? INITIAL_BUFFER_BYTES : buffer.length * 2;
    while (size < needed) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    if (buffer !== null) buffer.copy(grown, 0, 0, this.pendingBytes);
    this.buffer = grown;
    return grown;
  }

  private appended(update: boolean): number {
    this.pendingRecords++;
    if (update) this.pendingUpdateCount++;
    this.appendedSeq++;
    // While failing, only the retry timer writes: no attempt per update (no storm).
    if (this.failing === null) {
      if (this.pendingRecords >= this.flushBatchSize) void this.flush();
      else this.schedule(this.flushIntervalMs);
    }
    return this.appendedSeq;
  }

  private schedule(delayMs: number): void {
    this.timer ??= this.options.clock.setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
  }

  /** Writes every queued record now. Resolves once they are on disk, or the write failed. */
  flush(): Promise<void> {
    this.flushing ??= this.writeQueued().finally(() => {
      this.flushing = undefined;
      // Records that came after the last batch was taken wait for the next flush.
      if (this.pendingRecords > 0 && this.failing === null && !this.closed)
        this.schedule(this.flushIntervalMs);
    });
    return this.flushing;
  }

  /** Resolves when no write is in flight (without starting one). */
  async whenIdle(): Promise<void> {
    await this.flushing;
  }

  private async writeQueued(): Promise<void> {
    this.timer?.dispose();
    this.timer = undefined;
    try {
      while (this.pendingRecords > 0) await this.writeBatch();
    } catch (error) {
      this.noteFailure(error);
      return;
    }
    if (this.failing !== null) {
      const writtenRecords = this.written - this.failing.sinceSeq;
      this.failing = null;
      this.recoverEmitter.fire({ writtenRecords, writtenUpdates: this.writtenUpdatesSinceFail });
      this.writtenUpdatesSinceFail = 0;
    }
  }

  private writtenUpdatesSinceFail = 0;

  private async writeBatch(): Promise<void> {
    const file = await this.openFile();
    if (this.dirty) {
      await file.truncate(this.committedBytes);
      this.dirty = false;
    }
    // Every record waiting; appends during the write wait for the next. While the disk has been
    // refusing (a full disk), a few whole records at a time: when some room comes back, what
    // fits is written and shown, instead of nothing until everything that waits fits.
    const buffer = this.buffer!;
    const part = this.failing !== null ? wholeRecordsWithin(buffer, this.pendingBytes) : null;
    const length = part?.bytes ?? this.pendingBytes;
    const count = part?.records ?? this.pendingRecords;
    const updates = part?.updates ?? this.pendingUpdateCount;
    let offset = 0;
    try {
      while (offset < length) {
        const n = await file.write(buffer, offset, length - offset, this.committedBytes + offset);
        if (n <= 0)
          throw Object.assign(new Error('The journal file took no bytes.'), { code: 'EIO' });
        offset += n;
      }
    } catch (error) {
      this.dirty = true;
      throw error;
    }
    this.committedBytes += length;
    if (this.failing !== null) this.writtenUpdatesSinceFail += updates;
    this.dropWritten(length, count, updates);
    this.written += count;
    if (this.headerText !== null) this.headerWritten = true;
    this.writeEmitter.fire({ writtenSeq: this.written });
  }

  /** The first `bytes` (`records`, `updates`) are on disk: what came after moves to the front. */
  private dropWritten(bytes: number, records: number, updates: number): void {
    this.pendingRecords -= records;
    this.pendingUpdateCount -= updates;
    const rest = this.pendingBytes - bytes;
    this.pendingBytes = rest;
    const buffer = this.buffer!;
    if (rest > 0) buffer.copyWithin(0, bytes, bytes + rest);
    else if (buffer.length > MAX_KEPT_BUFFER_BYTES) this.buffer = null;
  }

  private async openFile(): Promise<JournalFile> {
    if (this.file) return this.file;
    await this.fs.mkdir(dirname(this.options.path));
    const file = await this.fs.open(this.options.path);
    try {
      const size = await file.size();
      if (this.committedBytes < 0) {
        // First open: whatever is there ends with a whole record (a torn last line is cut).
        this.committedBytes = await cutTornTail(file, size);
      } else if (size !== this.committedBytes) {
        // Reopened after a failure: only whole records of ours count.
        await file.truncate(this.committedBytes);
      }
      this.dirty = false;
    } catch (error) {
      await file.close().catch(() => undefined);
      throw error;
    }
    this.file = file;
    return file;
  }

  private noteFailure(error: unknown): void {
    // A handle that failed is reopened for the retry (it may be the handle that broke).
    const file = this.file;
    this.file = undefined;
    void file?.close().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code ?? 'JOURNAL_WRITE_FAILED';
    const first = this.failing === null;
    const retryDelayMs = first
      ? (this.options.retryDelayMs ?? 1000)
      : Math.min(this.failing!.retryDelayMs * 2, this.options.maxRetryDelayMs ?? 10_000);
    this.failing = { sinceSeq: first ? this.written : this.failing!.sinceSeq, retryDelayMs };
    if (first) {
      this.failEmitter.fire({
        code,
        message:
          code === 'ENOSPC'
            ? `The disk is full: the session journal ${this.options.path} cannot grow. Monitoring goes on; new updates wait in memory and are written (and shown) as soon as there is space again.`
            : `Cannot write the session journal ${this.options.path}: ${(error as Error).message}. Monitoring goes on; new updates wait in memory and are written (and shown) once writing works again.`,
        pendingRecords: this.pendingRecords,
        pendingUpdates: this.pendingUpdates(),
      });
    }
    this.timer?.dispose();
    this.timer = undefined;
    if (!this.closed) this.schedule(retryDelayMs);
  }

  private pendingUpdates(): number {
    return this.pendingUpdateCount;
  }

  /**
   * Flushes (one last attempt) and closes the file. Records that still cannot be written are
   * saved to an emergency file in `emergencyDir` and counted in the report. Further appends are
   * ignored.
   */
  close(): Promise<JournalCloseReport> {
    this.closeReport ??= this.closeOnce();
    return this.closeReport;
  }

  private async closeOnce(): Promise<JournalCloseReport> {
    this.timer?.dispose();
    this.timer = undefined;
    await this.flush();
    this.closed = true;
    // A failed last attempt scheduled a retry: nothing will run it now.
    (this.timer as Disposable | undefined)?.dispose();
    this.timer = undefined;
    const report: JournalCloseReport = {
      unwrittenRecords: this.pendingRecords,
      unwrittenUpdates: this.pendingUpdates(),
      savedTo: null,
      saveError: null,
    };
    if (this.pendingRecords > 0) {
      // A last write that failed part-way may have left whole lines of records that go to the
      // emergency file: cut the journal back to what was written, so none is in both (best
      // effort: the disk may refuse this too; readers still cut a torn last line).
      if (this.committedBytes >= 0) {
        try {
          const file = await this.openFile();
          if (this.dirty) await file.truncate(this.committedBytes);
          this.dirty = false;
        } catch {
          // The records are saved below either way.
        }
      }
      const stamp = new Date(this.options.clock.now()).toISOString().replace(/[:.]/g, '-');
      const target = join(
        this.options.emergencyDir ?? tmpdir(),
        `alpha-monitor-unwritten-${basename(this.options.path, '.jsonl')}-${stamp}.jsonl`,
      );
      // With its session header, the emergency file is a journal of its own (readJournal opens it).
      const header = this.headerWritten && this.headerText !== null ? this.headerText : '';
      try {
        const records = this.buffer!.toString('utf8', 0, this.pendingBytes);
        await this.fs.writeNewFile(target, header + records);
        report.savedTo = target;
        this.dropWritten(this.pendingBytes, this.pendingRecords, this.pendingUpdateCount);
      } catch (error) {
        report.saveError = {
          code: (error as NodeJS.ErrnoException).code ?? 'EMERGENCY_WRITE_FAILED',
          message: (error as Error).message,
        };
      }
    }
    await this.file?.close().catch(() => undefined);
    this.file = undefined;
    this.failEmitter.dispose();
    this.recoverEmitter.dispose();
    this.writeEmitter.dispose();
    return report;
  }

  async dispose(): Promise<void> {
    await this.close();
  }
}

/** What a write takes at most while the disk has been refusing (see `writeBatch`). */
const RECOVERING_WRITE_BYTES = 64 << 10;
const LINE_END = 0x0a;
const UPDATE_LINE = Buffer.from('{"k":"update"');
const FRAME_UPDATE_LINE = Buffer.from('{"k":"frame-update"');

/**
 * The whole records at the start of `buffer`'s first `length` bytes that fit in
 * `RECOVERING_WRITE_BYTES` (at least one), with how many of them are order updates; null when
 * all of it fits. Every record is one line (a frame with a line break in it is written as two
 * records), so records are counted by line ends.
 */
export function wholeRecordsWithin(
  buffer: Buffer,
  length: number,
): { bytes: number; records: number; updates: number } | null {
  if (length <= RECOVERING_WRITE_BYTES) return null;
  let bytes = buffer.lastIndexOf(LINE_END, RECOVERING_WRITE_BYTES - 1) + 1;
  if (bytes === 0) bytes = buffer.indexOf(LINE_END, RECOVERING_WRITE_BYTES) + 1;
  if (bytes === 0 || bytes >= length) return null;
  let records = 0;
  let updates = 0;
  for (let start = 0; start < bytes;) {
    const end = buffer.indexOf(LINE_END, start) + 1;
    records++;
    if (startsWith(buffer, start, UPDATE_LINE) || startsWith(buffer, start, FRAME_UPDATE_LINE))
      updates++;
    start = end;
  }
  return { bytes, records, updates };
}

function startsWith(buffer: Buffer, at: number, prefix: Buffer): boolean {
  return buffer.compare(prefix, 0, prefix.length, at, at + prefix.length) === 0;
}
