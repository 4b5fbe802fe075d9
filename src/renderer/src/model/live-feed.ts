import type { IpcError, IpcResult } from '../../../shared/ipc/result.ts';

/** A value main serves: one request loads it, one event keeps it current. */
export interface LiveFeed<L, E> {
  /** Listens to the event; returns a function that stops listening. */
  subscribe(listener: (event: E) => void): () => void;
  load(): Promise<IpcResult<L>>;
}

/** Where a live feed delivers. */
export interface LiveSink<L, E> {
  /** A load finished; `held` are the events that arrived while it ran, oldest first. */
  loaded(value: L, held: readonly E[]): void;
  /** An event, after the load it followed. */
  event(event: E): void;
  /** The load failed; events keep coming to `event` (the held ones first). */
  failed(error: IpcError): void;
}

/** Fires after the page's link to main came back (nothing under Electron). */
export type ReconnectSource = (listener: () => void) => () => void;

export const NEVER_RECONNECTS: ReconnectSource = () => () => {};

export interface RunningFeed {
  /** Loads again (events are held meanwhile, as at the start). */
  reload(): void;
  dispose(): void;
}

/**
 * The one way the renderer follows a value of main's: listen first, then load, so a change
 * between the two is never lost (events that arrive while a load runs are held and handed to
 * the sink with its result); load again after every transport reconnect, since events sent
 * while the link was down are gone. A load overtaken by a newer one is dropped.
 */
export function startLiveFeed<L, E>(
  feed: LiveFeed<L, E>,
  sink: LiveSink<L, E>,
  reconnects: ReconnectSource,
): RunningFeed {
  let alive = true;
  let held: E[] | null = null;
  let generation = 0;
  const off = feed.subscribe((event) => {
    if (!alive) return;
    if (held) held.push(event);
    else sink.event(event);
  });
  const load = () => {
    if (!alive) return;
    const mine = ++generation;
    held ??= [];
    void feed.load().then((result) => {
      if (!alive || mine !== generation) return;
      const events = held ?? [];
      held = null;
      if (result.ok) {
        sink.loaded(result.value, events);
      } else {
        sink.failed(result.error);
        for (const event of events) sink.event(event);
      }
    });
  };
  const offReconnect = reconnects(load);
  load();
  return {
    reload: load,
    dispose() {
      alive = false;
      off();
      offReconnect();
    },
  };
}
