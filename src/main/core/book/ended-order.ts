import type { OrderStatus, UpdateSource } from '../../../shared/domain/order-update.ts';

/**
 * What the book keeps of an order that ended (FILLED, CANCELED, EXPIRED, EXPIRED_IN_MATCH,
 * REJECTED): only what
 * it needs to judge a late or repeated frame of it and to count a late fill once, plus the few
 * facts the app's live view shows (agreed with the app side, #15). The order's updates
 * themselves are in the session journal, which is the record; memory grows with what is open,
 * not with history.
 */
export interface EndedOrder {
  readonly orderId: string;
  readonly status: OrderStatus;
  /** Accepted updates, late ones included. */
  readonly updateCount: number;
  readonly firstSeenAtMs: number;
  readonly lastReceivedAtMs: number;
  readonly lastSource: UpdateSource;
  /** Event id of the update that ended it (an older one is `older-event`, a newer one `after-terminal`). */
  readonly eventId: number;
  /** Event ids of its accepted stream updates: a repeat is a duplicate. */
  readonly eventIds: readonly number[];
  /** The highest cumulative filled quantity counted in the statistics. */
  readonly countedFilledQty: string;
  readonly orderListId: string | null;
  /** The other OTO leg, when seen. */
  readonly peerOrderId: string | null;
}

const SEP = '|';
const STATUS_CODES: Partial<Record<OrderStatus, string>> = {
  FILLED: 'F',
  CANCELED: 'C',
  EXPIRED: 'E',
  EXPIRED_IN_MATCH: 'M',
  REJECTED: 'R',
};
const STATUS_OF_CODE: Record<string, OrderStatus> = {
  F: 'FILLED',
  C: 'CANCELED',
  E: 'EXPIRED',
  M: 'EXPIRED_IN_MATCH',
  R: 'REJECTED',
};

/**
 * Times and event ids are written as deltas from the first ended order of the book: short
 * strings of small integers (cheaper to write than base 36 of a 13-digit time).
 */
export interface PackBase {
  readonly timeMs: number;
  readonly eventId: number;
}

/**
 * One string per ended order (about 50 characters instead of an object graph): status,
 * count, source, times and event ids (as deltas), the counted quantity, the OTO ids. Null when a value would not round-trip (a non-integer time, a `|` in
 * an id from an odd backfill row): the book then keeps the full record.
 */
export function packEnded(order: Omit<EndedOrder, 'orderId'>, base: PackBase): string | null {
  const status = STATUS_CODES[order.status];
  const { firstSeenAtMs, lastReceivedAtMs, eventId, orderListId, peerOrderId } = order;
  if (
    status === undefined ||
    !Number.isSafeInteger(firstSeenAtMs) ||
    !Number.isSafeInteger(lastReceivedAtMs) ||
    !Number.isSafeInteger(eventId) ||
    !isPackable(orderListId) ||
    !isPackable(peerOrderId)
  )
    return null;
  const ids: string[] = [];
  for (const id of order.eventIds) {
    if (!Number.isSafeInteger(id)) return null;
    ids.push(String(id - eventId));
  }
  // join, not +: a chain of + would be kept as a tree of string pieces, several times larger.
  return [
    status,
    String(order.updateCount),
    order.lastSource === 'stream' ? 's' : 'b',
    String(firstSeenAtMs - base.timeMs),
    String(lastReceivedAtMs - firstSeenAtMs),
    String(eventId - base.eventId),
    ids.join(','),
    order.countedFilledQty,
    orderListId ?? '',
    peerOrderId ?? '',
  ].join(SEP);
}

/** An id that survives the round trip ('' would come back as null). */
function isPackable(id: string | null): boolean {
  return id === null || (id !== '' && !id.includes(SEP));
}

/** The status of a packed order, read without unpacking it. */
export function packedStatus(packed: string): OrderStatus {
  return STATUS_OF_CODE[packed.charAt(0)]!;
}

/** The ended order back from its string. */
export function unpackEnded(orderId: string, packed: string, base: PackBase): EndedOrder {
  const f = packed.split(SEP);
  const firstSeenAtMs = base.timeMs + Number(f[3]);
  const eventId = base.eventId + Number(f[5]);
  return {
    orderId,
    status: STATUS_OF_CODE[f[0]!]!,
    updateCount: Number(f[1]),
    lastSource: f[2] === 's' ? 'stream' : 'backfill',
    firstSeenAtMs,
    lastReceivedAtMs: firstSeenAtMs + Number(f[4]),
    eventId,
    eventIds: f[6] === '' ? [] : f[6]!.split(',').map((d) => eventId + Number(d)),
    countedFilledQty: f[7]!,
    orderListId: f[8] === '' ? null : f[8]!,
    peerOrderId: f[9] === '' ? null : f[9]!,
  };
}
