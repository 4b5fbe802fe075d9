import type { EventName, EventPayload } from './contract.ts';
import type { IpcResult } from './result.ts';

/**
 * How the renderer side reaches main. Two implementations: Electron IPC (the preload) and a
 * WebSocket to the browser host (src/renderer/src/transport). `createApi` wraps either into
 * the same typed API, so the renderer cannot tell them apart.
 */
export interface ClientTransport {
  /** Sends one request; resolves with its result (never rejects: failures are results). */
  invoke(channel: string, payload: unknown): Promise<IpcResult<unknown>>;
  /** Listens to one event; returns a function that stops listening. */
  listen(event: string, listener: (payload: unknown) => void): () => void;
}

/** Main's side of pushing events: one typed `emit()` used by every service. */
export interface EventSink {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
}

/** An EventSink that fans out to several (e.g. the Electron window and nothing else, or every WebSocket client). */
export function fanOutSink(sinks: () => Iterable<EventSink>): EventSink {
  return {
    emit(name, payload) {
      for (const sink of sinks()) sink.emit(name, payload);
    },
  };
}
