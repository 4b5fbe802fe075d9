import { dispatchRequest, type ContractHandlers } from './dispatch.ts';
import type { EventName, EventPayload } from './contract.ts';
import type { ClientTransport, EventSink } from './transport.ts';

/**
 * A client transport wired straight to handlers, with a structured-clone hop so that
 * tests catch values that would not survive a real transport (functions, class instances).
 */
export function createInMemoryTransportPair(handlers: ContractHandlers): {
  client: ClientTransport;
  sink: EventSink;
} {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const client: ClientTransport = {
    async invoke(channel, payload) {
      const result = await dispatchRequest(handlers, channel, structuredClone(payload));
      return structuredClone(result);
    },
    listen(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
  const sink: EventSink = {
    emit<K extends EventName>(name: K, payload: EventPayload<K>) {
      for (const listener of [...(listeners.get(name) ?? [])]) listener(structuredClone(payload));
    },
  };
  return { client, sink };
}
