import { onUnexpectedError } from '../errors/unexpected-error.ts';
import type { Disposable } from '../lifecycle/disposable.ts';

/** Subscribes a listener; dispose the result to unsubscribe. */
export type Event<T> = (listener: (value: T) => void) => Disposable;

/**
 * A typed event source in the style of VS Code's Emitter: expose `event`, keep `fire`
 * private to the owner. Listener errors are isolated so one bad listener cannot stop others,
 * and reported (by default to `onUnexpectedError`, which the composition root logs): never
 * swallowed.
 */
export class Emitter<T> {
  private listeners = new Set<(value: T) => void>();
  private readonly name: string;

  /**
   * `name` says whose event this is (`<component>.<event>`, e.g. `stream-session.state`): a
   * listener's error is reported with it as the component, so the log says where it came from.
   */
  constructor(options: { name: string }) {
    this.name = options.name;
  }

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }

  fire(value: T): void {
    const count = this.listeners.size;
    if (count === 0) return;
    // One listener (most events, once per frame on the stream path): no copy of the set.
    if (count === 1) {
      this.call(this.listeners.values().next().value!, value);
      return;
    }
    // A copy: a listener added or removed by another one takes effect from the next fire.
    for (const listener of [...this.listeners]) this.call(listener, value);
  }

  private call(listener: (value: T) => void, value: T): void {
    try {
      listener(value);
    } catch (error) {
      onUnexpectedError(error, 'event listener', { component: this.name });
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
