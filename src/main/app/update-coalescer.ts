import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import type { Clock } from '../core/ports/clock.ts';

/** One frame at 60 Hz: the renderer cannot draw faster than this anyway. */
export const DEFAULT_BATCH_INTERVAL_MS = 16;

/**
 * Collects items and hands them on in batches, at most one batch per `intervalMs`. The
 * first item after a quiet period starts the timer, so a lone update waits at most one
 * interval, and a 10,000-update burst becomes a handful of batches instead of 10,000 IPC
 * messages.
 */
export class UpdateCoalescer<T> implements Disposable {
  private items: T[] = [];
  private timer: Disposable | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly deliver: (batch: T[]) => void,
    private readonly intervalMs = DEFAULT_BATCH_INTERVAL_MS,
  ) {}

  push(item: T): void {
    this.items.push(item);
    this.timer ??= this.clock.setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Delivers what is waiting now (e.g. before a snapshot or on stop). */
  flush(): void {
    this.timer?.dispose();
    this.timer = undefined;
    if (this.items.length === 0) return;
    const batch = this.items;
    this.items = [];
    this.deliver(batch);
  }

  dispose(): void {
    this.timer?.dispose();
    this.timer = undefined;
    this.items = [];
  }
}
