import {
  EVENT_NAMES,
  REQUEST_CHANNELS,
  type EventName,
  type EventPayload,
  type RequestChannel,
  type RequestInput,
  type RequestResult,
} from './contract.ts';
import type { IpcResult } from './result.ts';
import type { ClientTransport } from './transport.ts';

/** Channels without a payload become zero-argument methods. */
type RequestMethod<K extends RequestChannel> = [RequestInput<K>] extends [undefined | null]
  ? () => Promise<IpcResult<RequestResult<K>>>
  : undefined extends RequestInput<K>
    ? (payload?: RequestInput<K>) => Promise<IpcResult<RequestResult<K>>>
    : (payload: RequestInput<K>) => Promise<IpcResult<RequestResult<K>>>;

/** `orderUpdates` → `onOrderUpdates`. */
export type EventMethodName<K extends EventName> = `on${Capitalize<K>}`;

/** Returns a function that stops listening. */
type EventMethod<K extends EventName> = (
  listener: (payload: EventPayload<K>) => void,
) => () => void;

/** The typed API: one method per request channel and one `onX` per event. */
export type ContractApi = { [K in RequestChannel]: RequestMethod<K> } & {
  [K in EventName as EventMethodName<K>]: EventMethod<K>;
};

export function eventMethodName<K extends EventName>(name: K): EventMethodName<K> {
  return `on${name[0]!.toUpperCase()}${name.slice(1)}` as EventMethodName<K>;
}

/**
 * Builds the API from a transport. The preload does
 * `contextBridge.exposeInMainWorld('api', createApi(ipcTransport))`; the renderer's
 * browser transport does the same over a WebSocket. There is deliberately no generic
 * `invoke(channel)` on the result: the renderer can only call what the contract names.
 */
export function createApi(transport: ClientTransport): ContractApi {
  const api: Record<string, unknown> = {};
  for (const channel of REQUEST_CHANNELS) {
    api[channel] = (payload?: unknown) => transport.invoke(channel, payload);
  }
  for (const name of EVENT_NAMES) {
    api[eventMethodName(name)] = (listener: (payload: unknown) => void) =>
      transport.listen(name, listener);
  }
  return Object.freeze(api) as ContractApi;
}
