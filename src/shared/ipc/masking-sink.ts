import { maskKnownListenKeysDeep } from '../secrets/listen-key-registry.ts';
import type { EventSink } from './transport.ts';

/**
 * An EventSink that masks every listen key this process obtained in whatever it forwards, so
 * no event (a state reason, a notice, an error, an unknown event's fields) can carry a full
 * key to the renderer, whichever transport it goes over. Payloads without a key pass as they are.
 */
export function maskingEventSink(sink: EventSink): EventSink {
  return {
    emit(name, payload) {
      sink.emit(name, maskKnownListenKeysDeep(payload));
    },
  };
}
