import {
  ORDER_STATUSES,
  type OrderStatus,
  type UpdateSource,
} from '../../../shared/domain/order-update.ts';
import { NOT_PLAIN, plainId, RowIndex } from './row-index.ts';

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

/** What `EndedArchive.put` reads of an order besides its status, last event id and peer. */
export type ArchivedFields = Pick<
  EndedOrder,
  | 'orderId'
  | 'updateCount'
  | 'firstSeenAtMs'
  | 'lastReceivedAtMs'
  | 'lastSource'
  | 'eventIds'
  | 'countedFilledQty'
  | 'orderListId'
>;

// A row is STRIDE numbers in its chunk's `cells`; its event ids are in the chunk's `ids`. A
// row's number is its chunk's index × CHUNK_ROWS + its place in the chunk. Chunks are made at
// their full size (the first ones smaller, so a book with few ended orders stays small): no
// copy as they fill, and the large ones are made outside the young generation, so the
// scavenger never copies them.
const CHUNK_BITS = 12;
const CHUNK_ROWS = 1 << CHUNK_BITS;
const FIRST_CHUNK_ROWS = 256;
/** Event ids a chunk makes room for per row (an order has about three). */
const IDS_PER_ROW = 4;
const STRIDE = 9;
const FIRST_SEEN = 0;
const LAST_RECEIVED = 1;
const EVENT_ID = 2;
/** The counted quantity's digits as an integer (see `plainDigits`), or ODD. */
const COUNTED = 3;
/** An id as a number (see `plainId`), NONE for null, or ODD. */
const LIST_ID = 4;
const PEER_ID = 5;
const UPDATE_COUNT = 6;
const IDS_START = 7;
/** status index + 16 × backfill + 32 × digits after the counted quantity's dot + 2048 × ids. */
const META = 8;
const NONE = -1;
/** The value is a string kept in `odd` (it would not come back the same as a number). */
const ODD = NOT_PLAIN;
const ODD_COUNTED = 0;
const ODD_LIST = 1;
const ODD_PEER = 2;

interface Chunk {
  /** Numbers only (kept unboxed by V8): STRIDE per row. */
  readonly cells: number[];
  readonly ids: number[];
  /** Rows used, of `cells.length / STRIDE`. */
  rows: number;
  /** Event ids used, of `ids.length`. */
  idsUsed: number;
}

/**
 * The book's ended orders: one row of numbers per order in chunked arrays (no object and no
 * string per order), found by order id. Ids, times and quantities are kept as numbers where
 * they come back exactly the same (plain integers and decimals of up to 15 digits, the
 * exchange's form); any other value is kept as the string it was. Cheaper to write than a
 * packed string and about as small.
 */
export class EndedArchive {
  private readonly rowOfId = new RowIndex();
  private readonly chunks: Chunk[] = [];
  /** Strings that are not kept as numbers, by `row * 4 + ODD_*`. */
  private readonly odd = new Map<number, string>();

  /** Ended orders kept. */
  get size(): number {
    return this.rowOfId.size;
  }

  /** The row of an ended order, or -1. */
  rowOf(orderId: string): number {
    return this.rowOfId.get(orderId);
  }

  has(orderId: string): boolean {
    return this.rowOfId.get(orderId) !== -1;
  }

  /** Keeps an order that ended (a new row; the order's earlier row, if any, is replaced). */
  put(
    order: ArchivedFields,
    status: OrderStatus,
    eventId: number,
    peerOrderId: string | null,
  ): void {
    const eventIds = order.eventIds;
    const chunk = this.chunkWithRoom(eventIds.length);
    const row = (this.chunks.length - 1) * CHUNK_ROWS + chunk.rows;
    const earlier = this.rowOfId.set(order.orderId, row);
    if (earlier !== -1) this.forgetOdd(earlier);
    const ids = chunk.ids;
    const idsStart = chunk.idsUsed;
    for (let i = 0; i < eventIds.length; i++) ids[idsStart + i] = eventIds[i]!;
    chunk.idsUsed = idsStart + eventIds.length;
    const counted = plainDigits(order.countedFilledQty);
    const digits = counted === ODD ? 0 : digitsAfterDot;
    if (counted === ODD) this.odd.set(row * 4 + ODD_COUNTED, order.countedFilledQty);
    const c = chunk.cells;
    const at = chunk.rows++ * STRIDE;
    c[at + FIRST_SEEN] = order.firstSeenAtMs;
    c[at + LAST_RECEIVED] = order.lastReceivedAtMs;
    c[at + EVENT_ID] = eventId;
    c[at + COUNTED] = counted;
    c[at + LIST_ID] = this.idCell(row, ODD_LIST, order.orderListId);
    c[at + PEER_ID] = this.idCell(row, ODD_PEER, peerOrderId);
    c[at + UPDATE_COUNT] = order.updateCount;
    c[at + IDS_START] = idsStart;
    c[at + META] =
      ORDER_STATUSES.indexOf(status) +
      (order.lastSource === 'backfill' ? 16 : 0) +
      digits * 32 +
      eventIds.length * 2048;
  }

  /** The last chunk, or a new one when it has no room for a row with `idCount` event ids. */
  private chunkWithRoom(idCount: number): Chunk {
    const last = this.chunks.at(-1);
    if (
      last !== undefined &&
      last.rows * STRIDE < last.cells.length &&
      last.idsUsed + idCount <= last.ids.length
    )
      return last;
    // Doubling from FIRST_CHUNK_ROWS up to CHUNK_ROWS; not by `<<` on the chunk count, a 32-bit
    // shift that turned negative at the 24th chunk (81,664 rows: every ended order then threw).
    const rows = Math.min(
      CHUNK_ROWS,
      FIRST_CHUNK_ROWS * 2 ** Math.min(this.chunks.length, CHUNK_BITS),
    );
    const chunk: Chunk = {
      cells: numbers(rows * STRIDE),
      ids: numbers(Math.max(rows * IDS_PER_ROW, idCount)),
      rows: 0,
      idsUsed: 0,
    };
    this.chunks.push(chunk);
    return chunk;
  }

  /** Forgets an ended order (a journal reopened it). */
  delete(orderId: string): void {
    const row = this.rowOfId.get(orderId);
    if (row === -1) return;
    this.forgetOdd(row);
    this.rowOfId.delete(orderId);
  }

  status(row: number): OrderStatus {
    return ORDER_STATUSES[this.cell(row, META) % 16]!;
  }

  /** Whether the order accepted a stream update with this event id. */
  hasEventId(row: number, eventId: number): boolean {
    const ids = this.chunks[row >>> CHUNK_BITS]!.ids;
    const start = this.cell(row, IDS_START);
    const end = start + Math.floor(this.cell(row, META) / 2048);
    for (let i = start; i < end; i++) if (ids[i] === eventId) return true;
    return false;
  }

  peer(row: number): string | null {
    return this.idOf(row, ODD_PEER, this.cell(row, PEER_ID));
  }

  /** The other leg of an OTO pair, once it is seen. */
  setPeer(row: number, peerOrderId: string): void {
    const cells = this.chunks[row >>> CHUNK_BITS]!.cells;
    cells[(row & (CHUNK_ROWS - 1)) * STRIDE + PEER_ID] = this.idCell(row, ODD_PEER, peerOrderId);
  }

  /** The ended order of a row, as it was put. */
  read(orderId: string, row: number): EndedOrder {
    const chunk = this.chunks[row >>> CHUNK_BITS]!;
    const at = (row & (CHUNK_ROWS - 1)) * STRIDE;
    const c = chunk.cells;
    const meta = c[at + META]!;
    const idsStart = c[at + IDS_START]!;
    const counted = c[at + COUNTED]!;
    return {
      orderId,
      status: ORDER_STATUSES[meta % 16]!,
      updateCount: c[at + UPDATE_COUNT]!,
      firstSeenAtMs: c[at + FIRST_SEEN]!,
      lastReceivedAtMs: c[at + LAST_RECEIVED]!,
      lastSource: Math.floor(meta / 16) % 2 === 1 ? 'backfill' : 'stream',
      eventId: c[at + EVENT_ID]!,
      eventIds: chunk.ids.slice(idsStart, idsStart + Math.floor(meta / 2048)),
      countedFilledQty:
        counted === ODD
          ? this.odd.get(row * 4 + ODD_COUNTED)!
          : decimalOf(counted, Math.floor(meta / 32) % 64),
      orderListId: this.idOf(row, ODD_LIST, c[at + LIST_ID]!),
      peerOrderId: this.idOf(row, ODD_PEER, c[at + PEER_ID]!),
    };
  }

  private cell(row: number, field: number): number {
    return this.chunks[row >>> CHUNK_BITS]!.cells[(row & (CHUNK_ROWS - 1)) * STRIDE + field]!;
  }

  private idCell(row: number, oddKey: number, id: string | null): number {
    if (id === null) return NONE;
    const n = plainId(id);
    if (n === NOT_PLAIN) this.odd.set(row * 4 + oddKey, id);
    // Only `setPeer` can find a string there: a new row has none.
    else if (this.odd.size > 0) this.odd.delete(row * 4 + oddKey);
    return n;
  }

  private idOf(row: number, oddKey: number, cell: number): string | null {
    if (cell === NONE) return null;
    return cell === ODD ? this.odd.get(row * 4 + oddKey)! : String(cell);
  }

  private forgetOdd(row: number): void {
    if (this.odd.size === 0) return;
    this.odd.delete(row * 4 + ODD_COUNTED);
    this.odd.delete(row * 4 + ODD_LIST);
    this.odd.delete(row * 4 + ODD_PEER);
  }
}

/** An array of `length` numbers, ready for doubles. */
function numbers(length: number): number[] {
  return new Array<number>(length).fill(0.5);
}

/** Up to 15 digits: every such integer is exact as a number. */
const MAX_DIGITS = 15;

/** Set by `plainDigits`: the digits after the dot of the decimal it read. */
let digitsAfterDot = 0;

/**
 * A plain decimal (`"869.56000000"`: digits, at most one dot between digits, no leading zero
 * before a whole part of more than one digit, up to 15 digits) as the integer of its digits
 * (86956000000), with the digits after the dot in `digitsAfterDot` (8); ODD for anything else.
 */
function plainDigits(value: string): number {
  const n = value.length;
  if (n === 0 || (n > 1 && value.charCodeAt(0) === 48 && value.charCodeAt(1) !== 46)) return ODD;
  let digits = 0;
  let dot = -1;
  let mantissa = 0;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === 46) {
      if (dot !== -1 || i === 0 || i === n - 1) return ODD;
      dot = i;
    } else {
      const d = c - 48;
      if (d < 0 || d > 9 || ++digits > MAX_DIGITS) return ODD;
      mantissa = mantissa * 10 + d;
    }
  }
  digitsAfterDot = dot === -1 ? 0 : n - dot - 1;
  return mantissa;
}

/** The decimal `plainDigits` read, written back the same. */
function decimalOf(mantissa: number, digits: number): string {
  const text = String(mantissa);
  if (digits === 0) return text;
  const padded = text.length > digits ? text : '0'.repeat(digits + 1 - text.length) + text;
  return `${padded.slice(0, padded.length - digits)}.${padded.slice(padded.length - digits)}`;
}
