import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { IpcError, IpcResult } from '../../../shared/ipc/result.ts';
import {
  startLiveFeed,
  type LiveFeed,
  type LiveSink,
  type RunningFeed,
} from '../model/live-feed.ts';
import { LiveStateStore, type LiveReducer } from '../model/live-state.ts';
import { useReconnects } from '../shell/api-context.tsx';

/**
 * Follows a value of main's for as long as `deps` stay the same (see startLiveFeed): listens,
 * loads, holds events that race the load, and loads again after the transport reconnects.
 * `feed` and `sink` may be new objects every render; the ones of the render where `deps`
 * changed are used. Returns a function that loads again on demand.
 */
export function useLiveFeed<L, E>(
  feed: LiveFeed<L, E> | null,
  sink: LiveSink<L, E> | null,
  deps: readonly unknown[],
): () => void {
  const reconnects = useReconnects();
  const runningRef = useRef<RunningFeed | null>(null);
  useEffect(() => {
    if (feed === null || sink === null) return;
    const running = startLiveFeed(feed, sink, reconnects);
    runningRef.current = running;
    return () => {
      running.dispose();
      if (runningRef.current === running) runningRef.current = null;
    };
    // The caller's deps decide when to start over; feed/sink are recreated every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reconnects, ...deps]);
  return useCallback(() => runningRef.current?.reload(), []);
}

/**
 * A live value as React state (see useLiveFeed and LiveStateStore): starts empty whenever
 * `deps` change, renders at most once per animation frame however many events arrive.
 */
export function useLiveState<T, L, E>(
  load: () => Promise<IpcResult<L>>,
  subscribe: (listener: (event: E) => void) => () => void,
  reducer: LiveReducer<T, L, E>,
  deps: readonly unknown[],
): { value: T | null; error: IpcError | null; reload: () => void } {
  // One store per deps, like the feed itself; the reducer is part of what the caller passes.
  // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo
  const store = useMemo(() => new LiveStateStore(reducer), deps);
  const reload = useLiveFeed<L, E>({ subscribe, load }, store, [store]);
  const { value, error } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { value, error, reload };
}

/** The event carries the whole value: the newest one wins, a load only fills in before it. */
function latest<T>(): LiveReducer<T, T, T> {
  return {
    loaded: (value, held) => (held.length > 0 ? held[held.length - 1]! : value),
    event: (_current, event) => event,
  };
}

/**
 * A value loaded by one request and then kept current by one event carrying the whole value;
 * loaded again after the transport reconnects.
 */
export function useLiveValue<T>(
  load: () => Promise<IpcResult<T>>,
  subscribe: (set: (value: T) => void) => () => void,
  deps: readonly unknown[],
): { value: T | null; error: IpcError | null; reload: () => void } {
  return useLiveState(load, subscribe, latest<T>(), deps);
}
