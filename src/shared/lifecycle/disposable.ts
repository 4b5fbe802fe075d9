import { onUnexpectedError } from '../errors/unexpected-error.ts';

/**
 * Everything that starts something (a timer, a socket, a listener, a server) returns a
 * Disposable. Disposing is synchronous: after `dispose()` returns, nothing more happens.
 * What has to wait on I/O to close (a server, a file being flushed) is an AsyncDisposable.
 */
export interface Disposable {
  dispose(): void;
}

/** Disposal that waits on I/O (closing a server, flushing a file). Always awaited. */
export interface AsyncDisposable {
  dispose(): Promise<void>;
}

/**
 * A value that must be a sync Disposable. An object whose `dispose()` returns a promise is
 * structurally a Disposable too (a promise is a void), so this turns it away at compile time.
 */
export type SyncOnly<T extends Disposable> = T extends AsyncDisposable ? never : T;

/** Wraps a cleanup function as a Disposable that runs at most once. */
export function toDisposable(cleanup: () => void): Disposable {
  let disposed = false;
  return {
    dispose() {
      if (disposed) return;
      disposed = true;
      cleanup();
    },
  };
}

/** Wraps an asynchronous cleanup as an AsyncDisposable that runs at most once. */
export function toAsyncDisposable(cleanup: () => Promise<void>): AsyncDisposable {
  let closing: Promise<void> | undefined;
  return {
    dispose() {
      closing ??= cleanup();
      return closing;
    },
  };
}

/**
 * Owns a set of Disposables and disposes them together, newest first, so that things are
 * torn down in the reverse order they were set up. Errors do not stop the others; the first
 * is rethrown.
 */
export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = [];
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Adds a disposable; if the store is already disposed, the item is disposed at once. */
  add<T extends Disposable>(item: SyncOnly<T>): T {
    if (this.disposed) {
      item.dispose();
    } else {
      this.items.push(item);
    }
    return item;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    let firstError: unknown;
    while (this.items.length > 0) {
      const item = this.items.pop()!;
      try {
        item.dispose();
      } catch (error) {
        firstError ??= error;
      }
    }
    if (firstError !== undefined) throw firstError;
  }
}

/**
 * A DisposableStore that may also hold AsyncDisposables (servers, writers): `dispose()` awaits
 * each one before the next, newest first. Errors do not stop the others; the first is rethrown.
 */
export class AsyncDisposableStore implements AsyncDisposable {
  private readonly items: (Disposable | AsyncDisposable)[] = [];
  private disposed = false;
  private closing: Promise<void> | undefined;

  get isDisposed(): boolean {
    return this.disposed;
  }

  /**
   * Adds a disposable. If the store is already disposed, the item is disposed at once; nobody
   * is left to await that late disposal, so its failure goes to `onUnexpectedError`.
   */
  add<T extends Disposable | AsyncDisposable>(item: T): T {
    if (this.disposed) {
      void disposeReporting(item);
    } else {
      this.items.push(item);
    }
    return item;
  }

  dispose(): Promise<void> {
    this.disposed = true;
    this.closing ??= this.disposeAll();
    return this.closing;
  }

  private async disposeAll(): Promise<void> {
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

async function disposeReporting(item: Disposable | AsyncDisposable): Promise<void> {
  try {
    await item.dispose();
  } catch (error) {
    onUnexpectedError(error, 'late dispose');
  }
}
