import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Emitter, type Event } from '../../../shared/event/emitter.ts';
import type { AsyncDisposable, Disposable } from '../../../shared/lifecycle/disposable.ts';
import type { Clock } from '../ports/clock.ts';
import { nodeJournalFileSystem, type JournalFile, type JournalFileSystem } from './journal-fs.ts';
import {
  FRAME_UPDATE_END,
  frameUpdateHead,
  journalLine,
  type JournalEntry,
} from './journal-record.ts';
import { cutTornTail } from './torn-tail.ts';

export interface JournalWriterOptions {
  path: string;
  clock: Clock;
  /** Flush at least this often while records are waiting. Default 250 ms. */
  flushIntervalMs?: number;
  /** Flush at once when this many records wait. Default 200. */
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

/**
 * A record waiting for the disk: its line, or, for a `frame-update`, the line's head and its
 * frame (the line is `text`, `frame`, `FRAME_UPDATE_END`), copied to the disk's buffer as they are.
 */
interface Pending {
  text: string;
  frame: string | null;
  update: boolean;
}

function lineOf(p: Pending): string {
  return p.frame === null ? p.text : p.text + p.frame + FRAME_UPDATE_END;
}

/**
 * A buffer lent to one batch's write and given back once the write settled: the batch's lines
 * are encoded into it one by one, not joined into one string that is then copied again (a
 * writer writes one batch at a time; a batch of another writer meanwhile gets a new buffer).
 */
let spareBuffer: Buffer | null = null;
/** A bigger buffer is not kept between writes. */
const MAX_SPARE_BYTES = 1 << 20;

/** The first `count` records of the queue, encoded (UTF-8) one after the other. */
function encodeBatch(queue: readonly Pending[], count: number): { buffer: Buffer; length: number } {
  let units = 0;
  for (let i = 0; i < count; i++) {
    const p = queue[i]!;
    units += p.text.length + (p.frame === null ? 0 : p.frame.length + FRAME_UPDATE_END.length);
  }
  // UTF-8 takes at most 3 bytes per UTF-16 code unit (4 per surrogate pair of 2).
  const capacity = units * 3;
  let buffer: Buffer;
  if (spareBuffer !== null && spareBuffer.length >= capacity) {
    buffer = spareBuffer;
    spareBuffer = null;
  } else buffer = Buffer.allocUnsafe(capacity);
  let length = 0;
  for (let i = 0; i < count; i++) {
    const p = queue[i]!;
    length += buffer.write(p.text, length, 'utf8');
    if (p.frame === null) continue;
    length += buffer.write(p.frame, length, 'utf8');
    // FRAME_UPDATE_END, `}` and a line break, as bytes: no call for two of them.
    buffer[length++] = 0x7d;
    buffer[length++] = 0x0a;
  }
  return { buffer, length };
}

/** Order updates among the first `count` records. */
function updatesIn(queue: readonly Pending[], count: number): number {
  let n = 0;
  for (let i = 0; i < count; i++) if (queue[i]!.update) n++;
  return n;
}

function giveBack(buffer: Buffer): void {
  if (buffer.length > MAX_SPARE_BYTES) return;
  if (spareBuffer === null || spareBuffer.length < buffer.length) spareBuffer = buffer;
}

/**
 * Appends records to one session's JSONL file. `append` is synchronous and cheap (the record
 * joins an in-memory batch) and returns the record's sequence number; `writtenSeq` and
 * `onDidWrite` say which records are on disk, so callers show an update only once it is.
 *
 * Records are written whole: each batch goes at the end of what is known to be on disk
 * (`committedBytes`), never with O_APPEND, so a write that failed half-way (full disk) is
 * overwritten by its retry instead of leaving a torn line and a second copy of the records
 * before it. A file opened with a torn last line (a crash mid-write) has that line cut first.
 * A failed write keeps everything queued, says so once (`onDidFail`), retries on the clock
 * with backoff, and says once when it recovers (`onDidRecover`). Closing with records still
 * unwritten saves them to an emergency file elsewhere and reports how many.
 */
export class JournalWriter implements AsyncDisposable {
  private queue: Pending[] = [];
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
      this.queue.push({ text: frameUpdateHead(record), frame: record.frame, update: true });
    else {
      const text = journalLine(record);
      if (record.k === 'session' && this.headerText === null) this.headerText = text;
      this.queue.push({ text, frame: null, update: record.k === 'update' });
    }
    this.appendedSeq++;
    // While failing, only the retry timer writes: no attempt per update (no storm).
    if (this.failing === null) {
      if (this.queue.length >= this.flushBatchSize) void this.flush();
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
      if (this.queue.length > 0 && this.failing === null && !this.closed)
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
      while (this.queue.length > 0) await this.writeBatch();
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
    // The first records, as many as a batch takes; appends during the write wait for the next.
    const count = Math.min(this.queue.length, this.flushBatchSize);
    const { buffer, length } = encodeBatch(this.queue, count);
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
    } finally {
      giveBack(buffer);
    }
    this.committedBytes += length;
    if (this.failing !== null) this.writtenUpdatesSinceFail += updatesIn(this.queue, count);
    if (count === this.queue.length) this.queue = [];
    else this.queue.splice(0, count);
    this.written += count;
    if (this.headerText !== null) this.headerWritten = true;
    this.writeEmitter.fire({ writtenSeq: this.written });
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
        pendingRecords: this.queue.length,
        pendingUpdates: this.pendingUpdates(),
      });
    }
    this.timer?.dispose();
    this.timer = undefined;
    if (!this.closed) this.schedule(retryDelayMs);
  }

  private pendingUpdates(): number {
    return updatesIn(this.queue, this.queue.length);
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
      unwrittenRecords: this.queue.length,
      unwrittenUpdates: this.pendingUpdates(),
      savedTo: null,
      saveError: null,
    };
    if (this.queue.length > 0) {
      const stamp = new Date(this.options.clock.now()).toISOString().replace(/[:.]/g, '-');
      const target = join(
        this.options.emergencyDir ?? tmpdir(),
        `alpha-monitor-unwritten-${basename(this.options.path, '.jsonl')}-${stamp}.jsonl`,
      );
      // With its session header, the emergency file is a journal of its own (readJournal opens it).
      const header = this.headerWritten && this.headerText !== null ? this.headerText : '';
      try {
        await this.fs.writeNewFile(target, header + this.queue.map(lineOf).join(''));
        report.savedTo = target;
        this.queue = [];
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
