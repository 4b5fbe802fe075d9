import type { ListenKeyApi } from '../listen-key/listen-key-service.ts';

/**
 * The monitor's listen-key POSTs, tracked so a stop can end them: `cancelAndWait()` aborts
 * every request still running and resolves once each has settled. A stop that returned while a
 * POST was in flight let the exchange close under it (a demo simulator disposed next), and the
 * request then failed loudly (`WARN … get-listen-key … ECONNRESET`) after the monitor was gone.
 */
export interface ListenKeyRequests {
  /** `api` with its `getListenKey` tracked (every other method untouched). */
  readonly api: ListenKeyApi;
  cancelAndWait(): Promise<void>;
}

export function trackListenKeyRequests<T extends ListenKeyApi>(
  api: T,
): ListenKeyRequests & { api: T } {
  const running = new Map<Promise<string>, AbortController>();
  const tracked = Object.create(api) as T;
  tracked.getListenKey = (options?: { signal?: AbortSignal }) => {
    const controller = new AbortController();
    const signal = options?.signal
      ? AbortSignal.any([options.signal, controller.signal])
      : controller.signal;
    const request = api.getListenKey({ ...options, signal });
    running.set(request, controller);
    const forget = () => void running.delete(request);
    request.then(forget, forget);
    return request;
  };
  return {
    api: tracked,
    async cancelAndWait() {
      const requests = [...running];
      for (const [, controller] of requests) controller.abort();
      await Promise.allSettled(requests.map(([request]) => request));
    },
  };
}
