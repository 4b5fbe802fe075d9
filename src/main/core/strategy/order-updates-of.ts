import type { Event } from '../../../shared/event/emitter.ts';
import type { BookedOrderUpdate, OrderUpdateFeed } from './strategy-ports.ts';

/**
 * The strategy's order stream from an AccountMonitor: its `onDidReceiveOrderUpdate` carries
 * `{ update, source, receivedAtMs, verdict, ... }`; both live and backfilled updates count (a
 * fill recovered after a reconnect is still a fill), as the book's verdict says. Typed
 * structurally so the strategy does not depend on the monitor module.
 */
export function orderUpdatesOf(monitor: {
  onDidReceiveOrderUpdate: Event<BookedOrderUpdate>;
}): OrderUpdateFeed {
  return (listener) =>
    monitor.onDidReceiveOrderUpdate(({ update, verdict }) => listener({ update, verdict }));
}
