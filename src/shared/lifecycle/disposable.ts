/**
 * Everything that starts something (a timer, a socket, a listener, a server) returns a
 * Disposable. Disposal may be asynchronous when closing waits on I/O.
 */
export interface Disposable {
  dispose(): void | Promise<void>;
}

/** Wraps a cleanup function as a Disposable that runs at most once. */
export function toDisposable(cleanup: () => void | Promise<void>): Disposable {
  let disposed = false;
  return {
    dispose() {
      if (disposed) return;
      disposed = true;
      return cleanup();
    },
  };
}

/**
 * Owns a set of disposables and disposes them together, newest first, so that things are
 * torn down in the reverse order they were set up.
 */
export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = [];
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Adds a disposable; if the store is already disposed, the item is disposed at once. */
  add<T extends Disposable>(item: T): T {
    if (this.disposed) {
      void item.dispose();
    } else {
      this.items.push(item);
    }
    return item;
  }

  /** Disposes every item, newest first. Errors do not stop the others; the first is rethrown. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    let firstError: unknown;
    while (this.items.length > 0) {
      const item = this.items.pop()!;
      try {
        await item.dispose();
      } catch (error) {
        firstError ??= error;
      }
    }
    if (firstError !== undefined) throw firstError;
  }
}
