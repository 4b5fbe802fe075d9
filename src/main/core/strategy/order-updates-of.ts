import type { OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { Event } from '../../../shared/event/emitter.ts';
import type { OrderUpdateFeed } from './strategy-ports.ts';

/**
 * The strategy's order stream from an AccountMonitor: its `onDidReceiveOrderUpdate` carries
 * `{ update, source, receivedAtMs, accepted }`; both live and backfilled updates count (a
 * fill recovered after a reconnect is still a fill). Typed structurally so the strategy does
 * not depend on the monitor module.
 */
export function orderUpdatesOf(monitor: {
  onDidReceiveOrderUpdate: Event<{ update: OrderUpdate }>;
}): OrderUpdateFeed {
  return (listener) => monitor.onDidReceiveOrderUpdate((e) => listener(e.update));
}
