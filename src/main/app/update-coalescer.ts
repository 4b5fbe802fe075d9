import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import type { Clock } from '../core/ports/clock.ts';

/** One frame at 60 Hz: the renderer cannot draw faster than this anyway. */
export const DEFAULT_BATCH_INTERVAL_MS = 16;

/**
 * Collects items and hands them on in batches, at most one batch per `intervalMs`. An item
 * after a quiet period goes at the end of the turn that brought it (the journal's write has
 * batched already: waiting another interval would only add latency); within an interval of
 * the last batch it waits for the interval's end, so a 10,000-update burst becomes a handful
 * of batches instead of 10,000 IPC messages.
 */
export class UpdateCoalescer<T> implements Disposable {
  private items: T[] = [];
  private timer: Disposable | undefined;
  private lastDeliveredMs = -Infinity;

  constructor(
    private readonly clock: Clock,
    private readonly deliver: (batch: T[]) => void,
    private readonly intervalMs = DEFAULT_BATCH_INTERVAL_MS,
  ) {}

  push(item: T): void {
    this.items.push(item);
    this.timer ??= this.clock.setTimeout(
      () => this.flush(),
      Math.max(0, this.lastDeliveredMs + this.intervalMs - this.clock.now()),
    );
  }

  /** Delivers what is waiting now (e.g. before a snapshot or on stop). */
  flush(): void {
    this.timer?.dispose();
    this.timer = undefined;
    if (this.items.length === 0) return;
    const batch = this.items;
    this.items = [];
    this.lastDeliveredMs = this.clock.now();
    this.deliver(batch);
  }

  dispose(): void {
    this.timer?.dispose();
    this.timer = undefined;
    this.items = [];
  }
}
