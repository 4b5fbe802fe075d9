import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import type { EventName } from '../../shared/ipc/contract.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { EventSink } from '../../shared/ipc/transport.ts';
import { PendingEvents, type PageEvent } from './event-merge.ts';

/** One frame at 60 Hz: a page cannot show more often than this. */
export const OUTBOX_INTERVAL_MS = 16;
/**
 * Fills waiting for a page that does not read: past this many, the waiting order batches are
 * dropped and the page is told to reload (a gap in `seq`) rather than kept in memory.
 */
export const OUTBOX_MAX_PENDING_FILLS = 100_000;
/**
 * Events a reload restores waiting for such a page (orders, current values, a strategy run's
 * progress): past this, they are dropped and the page is told to reload. Notices are not
 * counted: no snapshot holds them.
 */
export const OUTBOX_MAX_PENDING_EVENTS = 10_000;
/**
 * Notices waiting for such a page: past this, the oldest are dropped (the page reloads on the
 * gap, which brings back everything but them). A page shows 3 notices at once and counts the
 * rest per kind, so the newest 1,000 are more than it would show one by one.
 */
export const OUTBOX_MAX_PENDING_NOTICES = 1_000;

export interface EventOutboxOptions {
  clock: Clock;
  /**
   * Sends one batch: every event that changed since the last, coalesced, oldest first.
   * `seq` counts batches from 1; a skipped number means something was dropped.
   */
  send(seq: number, events: PageEvent[]): void;
  /** False while the receiver has not read what was sent yet (e.g. the socket's buffer is full). */
  ready(): boolean;
  intervalMs?: number;
  maxPendingFills?: number;
  maxPendingEvents?: number;
  maxPendingNotices?: number;
  /**
   * Told, with the next batch sent, how many notices were dropped while the receiver did not
   * read (once per gap, not per notice), so the host can say so in its log.
   */
  onNoticesDropped?(count: number): void;
}

/**
 * What goes to one page: events are coalesced (PendingEvents) and sent together, at the end
 * of the event loop turn that produced them but at most one batch per `intervalMs`, and only
 * while the page keeps up (`ready`); meanwhile changes keep coalescing, so a slow page gets
 * the latest state in one batch, never a backlog. When even that would grow without bound
 * (fills of a page that never reads), the order batches are dropped and the next `seq` skips
 * one: the page reloads its snapshots on a gap, so nothing it shows is lost. Notices, which no
 * snapshot holds, are kept through that, up to their own limit; past it the oldest go (with
 * a gap too), so what a page that never reads costs stays bounded.
 */
export class EventOutbox implements Disposable {
  private readonly pending = new PendingEvents();
  private timer: Disposable | undefined;
  private lastSentMs = -Infinity;
  private seq = 0;
  private gap = false;
  private droppedNotices = 0;
  private readonly intervalMs: number;

  constructor(private readonly options: EventOutboxOptions) {
    this.intervalMs = options.intervalMs ?? OUTBOX_INTERVAL_MS;
  }

  push(event: EventName, payload: unknown): void {
    this.pending.add(event, payload);
    const tooMany =
      this.pending.reloadable > (this.options.maxPendingEvents ?? OUTBOX_MAX_PENDING_EVENTS);
    if (
      tooMany ||
      this.pending.fills > (this.options.maxPendingFills ?? OUTBOX_MAX_PENDING_FILLS)
    ) {
      this.gap = true;
      // What the page reloads on the gap may go; notices stay, in order.
      if (tooMany) this.pending.dropReloadable();
      else this.pending.dropOrderUpdates();
    }
    const maxNotices = this.options.maxPendingNotices ?? OUTBOX_MAX_PENDING_NOTICES;
    if (this.pending.notices > maxNotices) {
      this.gap = true;
      this.droppedNotices += this.pending.dropOldestNotices(maxNotices);
    }
    this.schedule(Math.max(0, this.lastSentMs + this.intervalMs - this.options.clock.now()));
  }

  /** Batches sent so far (the last `seq`). */
  get sent(): number {
    return this.seq;
  }

  private schedule(delayMs: number): void {
    this.timer ??= this.options.clock.setTimeout(() => this.flush(), delayMs);
  }

  /**
   * Sends what is waiting now, even while the page reads slowly. Called before a request's
   * reply goes out: a snapshot read after these events already holds them, and the page treats
   * only events that arrive before the reply as held back (it filters those against the
   * snapshot), so a batch arriving after the reply would count its fills a second time.
   */
  flushNow(): void {
    this.timer?.dispose();
    this.timer = undefined;
    if (this.pending.size === 0 && !this.gap) return;
    this.send();
  }

  private flush(): void {
    this.timer = undefined;
    if (this.pending.size === 0 && !this.gap) return;
    if (!this.options.ready()) {
      // Look again a frame later; changes meanwhile keep coalescing.
      this.schedule(this.intervalMs);
      return;
    }
    this.send();
  }

  private send(): void {
    if (this.gap) this.seq += 1;
    this.gap = false;
    this.seq += 1;
    this.lastSentMs = this.options.clock.now();
    this.options.send(this.seq, this.pending.take());
    if (this.droppedNotices > 0) {
      const count = this.droppedNotices;
      this.droppedNotices = 0;
      this.options.onNoticesDropped?.(count);
    }
  }

  dispose(): void {
    this.timer?.dispose();
    this.timer = undefined;
    this.pending.take();
  }
}

/**
 * An EventSink that coalesces like a page's outbox and hands each batch's events on to
 * `sink` one by one: the Electron window, whose IPC has no backpressure to wait for, gets the
 * same one-batch-per-frame coalescing as the browser host's pages.
 */
export function coalescingEventSink(
  sink: EventSink,
  clock: Clock,
): EventSink & Disposable & { flush(): void } {
  const outbox = new EventOutbox({
    clock,
    ready: () => true,
    send: (_seq, events) => {
      for (const { event, payload } of events) sink.emit(event, payload as never);
    },
    // The window has no seq to notice a gap and reload, so nothing may be dropped; it reads
    // every frame (ready is always true), so nothing piles up past one frame's events.
    maxPendingFills: Infinity,
    maxPendingEvents: Infinity,
    maxPendingNotices: Infinity,
  });
  return {
    emit: (name, payload) => outbox.push(name, payload),
    /** Before a request's reply: see EventOutbox.flushNow. */
    flush: () => outbox.flushNow(),
    dispose: () => outbox.dispose(),
  };
}
