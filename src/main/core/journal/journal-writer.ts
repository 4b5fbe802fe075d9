import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Emitter, type Event } from '../../../shared/event/emitter.ts';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import { maskFrameText } from '../parser/index.ts';
import type { Clock } from '../ports/clock.ts';
import type { JournalRecord } from './journal-record.ts';

export interface JournalWriterOptions {
  path: string;
  clock: Clock;
  /** Flush at least this often while records are waiting. */
  flushIntervalMs?: number;
  /** Flush at once when this many records wait. */
  flushBatchSize?: number;
}

/** A write failed (e.g. `ENOSPC`). Records stay queued and are retried at the next flush. */
export interface JournalWriteFailure {
  code: string;
  message: string;
  pendingRecords: number;
}

/**
 * Appends records to one session's JSONL file. `append` is synchronous and cheap (the record
 * joins an in-memory batch) so callers journal a frame *before* applying it; batches go to
 * disk every `flushIntervalMs` or `flushBatchSize` records. A failed write (full disk) keeps
 * the batch and says so through `onDidFail`: nothing is dropped while the process lives.
 */
export class JournalWriter implements Disposable {
  private readonly queue: string[] = [];
  private handle: FileHandle | undefined;
  private flushing: Promise<void> | undefined;
  private timer: Disposable | undefined;
  private closed = false;
  private readonly failEmitter = new Emitter<JournalWriteFailure>();
  readonly onDidFail: Event<JournalWriteFailure> = this.failEmitter.event;
  private readonly flushIntervalMs: number;
  private readonly flushBatchSize: number;

  constructor(private readonly options: JournalWriterOptions) {
    this.flushIntervalMs = options.flushIntervalMs ?? 250;
    this.flushBatchSize = options.flushBatchSize ?? 200;
  }

  get path(): string {
    return this.options.path;
  }

  /** Queues a record; it reaches the disk within `flushIntervalMs`. */
  append(record: JournalRecord): void {
    if (this.closed) return;
    // Defence in depth: the engine hands over frames already masked, and masking is idempotent,
    // so a frame that reached here unmasked by any other path still never hits the disk whole.
    const safe = record.k === 'frame' ? { ...record, text: maskFrameText(record.text) } : record;
    const line = JSON.stringify(safe);
    this.queue.push(line + '\n');
    if (this.queue.length >= this.flushBatchSize) void this.flush();
    else
      this.timer ??= this.options.clock.setTimeout(() => void this.flush(), this.flushIntervalMs);
  }

  /** Writes every queued record now. Resolves once they are on disk, or the write failed. */
  flush(): Promise<void> {
    this.flushing ??= this.writeQueued().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async writeQueued(): Promise<void> {
    this.timer?.dispose();
    this.timer = undefined;
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, this.flushBatchSize);
      try {
        if (!this.handle) {
          await mkdir(dirname(this.options.path), { recursive: true });
          this.handle = await open(this.options.path, 'a', 0o600);
        }
        await this.handle.appendFile(batch.join(''));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'JOURNAL_WRITE_FAILED';
        this.failEmitter.fire({
          code,
          message:
            code === 'ENOSPC'
              ? `The disk is full: the session journal ${this.options.path} cannot grow. Updates are kept in memory; free some space.`
              : `Cannot write the session journal ${this.options.path}: ${(error as Error).message}`,
          pendingRecords: this.queue.length,
        });
        if (!this.closed)
          this.timer ??= this.options.clock.setTimeout(
            () => void this.flush(),
            this.flushIntervalMs * 4,
          );
        return;
      }
      this.queue.splice(0, batch.length);
    }
  }

  /** Flushes and closes the file. Further appends are ignored. */
  async dispose(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    this.timer?.dispose();
    await this.handle?.close();
    this.handle = undefined;
    this.failEmitter.dispose();
  }
}
