import type { IpcError } from '../../../shared/ipc/result.ts';
import { FramePublisher, scheduleAnimationFrame, type ScheduleFrame } from './frame-publisher.ts';
import type { LiveSink } from './live-feed.ts';

/** How a live state is made from a load (and the events that raced it) and moved by events. */
export interface LiveReducer<T, L, E> {
  loaded(value: L, held: readonly E[]): T;
  event(current: T | null, event: E): T | null;
}

/** What views read of a live state: replaced (never mutated) when it changes. */
export interface LiveSnapshot<T> {
  value: T | null;
  error: IpcError | null;
}

/**
 * A live feed's value as a store: every load and event is applied at once, the views are told
 * once per animation frame (a burst of events between two paints renders once, with the last
 * state). For useSyncExternalStore.
 */
export class LiveStateStore<T, L, E> implements LiveSink<L, E> {
  private current: T | null = null;
  private currentError: IpcError | null = null;
  private published: LiveSnapshot<T> = { value: null, error: null };
  private readonly publisher: FramePublisher;

  constructor(
    private readonly reducer: LiveReducer<T, L, E>,
    scheduleFrame: ScheduleFrame = scheduleAnimationFrame,
  ) {
    this.publisher = new FramePublisher(scheduleFrame);
    this.publisher.subscribe(() => {
      this.published = { value: this.current, error: this.currentError };
    });
  }

  loaded(value: L, held: readonly E[]): void {
    this.current = this.reducer.loaded(value, held);
    this.currentError = null;
    this.publisher.changed();
  }

  event(event: E): void {
    this.current = this.reducer.event(this.current, event);
    this.publisher.changed();
  }

  failed(error: IpcError): void {
    this.currentError = error;
    this.publisher.changed();
  }

  subscribe = (listener: () => void): (() => void) => this.publisher.subscribe(listener);

  getSnapshot = (): LiveSnapshot<T> => this.published;
}
