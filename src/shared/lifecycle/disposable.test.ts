import { afterEach, describe, expect, it } from 'vitest';
import { setUnexpectedErrorHandler } from '../errors/unexpected-error.ts';
import {
  AsyncDisposableStore,
  DisposableStore,
  toAsyncDisposable,
  toDisposable,
  type AsyncDisposable,
} from './disposable.ts';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('DisposableStore (sync)', () => {
  it('disposes newest first, once, and an item added after disposal at once', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => order.push('first')));
    store.add(toDisposable(() => order.push('second')));
    store.dispose();
    store.dispose();
    expect(order).toEqual(['second', 'first']);
    store.add(toDisposable(() => order.push('late')));
    expect(order).toEqual(['second', 'first', 'late']);
    expect(store.isDisposed).toBe(true);
  });

  it('a throwing item does not stop the others; the first error is rethrown', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => order.push('kept')));
    store.add(
      toDisposable(() => {
        throw new Error('first');
      }),
    );
    store.add(
      toDisposable(() => {
        throw new Error('second');
      }),
    );
    expect(() => store.dispose()).toThrow('second');
    expect(order).toEqual(['kept']);
  });

  it('refuses an AsyncDisposable at compile time', () => {
    const server: AsyncDisposable = { dispose: async () => {} };
    const store = new DisposableStore();
    // @ts-expect-error an async disposal would float: it belongs in an AsyncDisposableStore
    store.add(server);
    store.dispose();
  });
});

describe('AsyncDisposableStore', () => {
  it('awaits each item before the next, newest first, sync and async alike', async () => {
    const order: string[] = [];
    const store = new AsyncDisposableStore();
    store.add(toDisposable(() => order.push('sync')));
    store.add(
      toAsyncDisposable(async () => {
        await Promise.resolve();
        order.push('async done');
      }),
    );
    store.add(toDisposable(() => order.push('newest')));
    await store.dispose();
    expect(order).toEqual(['newest', 'async done', 'sync']);
  });

  it('a second dispose() waits for the same teardown; a rejection is rethrown after the rest', async () => {
    const order: string[] = [];
    const store = new AsyncDisposableStore();
    store.add(toDisposable(() => order.push('kept')));
    store.add(toAsyncDisposable(() => Promise.reject(new Error('close failed'))));
    const first = store.dispose();
    expect(store.dispose()).toBe(first);
    await expect(first).rejects.toThrow('close failed');
    expect(order).toEqual(['kept']);
  });

  it('an item added after disposal is disposed at once; its failure reaches onUnexpectedError', async () => {
    const reported: Array<{ origin: string; message: string }> = [];
    restore = setUnexpectedErrorHandler((error, origin) =>
      reported.push({ origin, message: (error as Error).message }),
    );
    const store = new AsyncDisposableStore();
    await store.dispose();
    let closed = false;
    store.add(
      toAsyncDisposable(async () => {
        closed = true;
        throw new Error('late close failed');
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(closed).toBe(true);
    expect(reported).toEqual([{ origin: 'late dispose', message: 'late close failed' }]);
  });
});

describe('toAsyncDisposable', () => {
  it('runs the cleanup once and hands every caller the same promise', async () => {
    let runs = 0;
    const d = toAsyncDisposable(async () => {
      runs++;
    });
    const [a, b] = [d.dispose(), d.dispose()];
    expect(a).toBe(b);
    await a;
    expect(runs).toBe(1);
  });
});
