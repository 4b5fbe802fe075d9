import type {
  OrderStatus,
  OrderUpdate,
  UpdateSource,
  ExecutionType,
  OrderSide,
} from '../../../shared/domain/order-update.ts';

/**
 * The compact form of an order that ended (FILLED, CANCELED, EXPIRED, REJECTED): one string
 * holding its last update and the book's bookkeeping, lossless, instead of an object graph of
 * some forty fields and strings. An ended order changes rarely (a late or repeated frame), so
 * it is unpacked on demand; memory then grows with what is open, not with history (#15).
 *
 * Fields are separated by U+001F; null is U+0002. Strings that repeat across orders (symbol,
 * assets, types, statuses, OTO legs) are indices into a shared table; times are deltas from
 * `E`; event ids are deltas from the current one.
 */

/** What the book keeps of an order besides its current update. */
export interface OrderState {
  current: OrderUpdate;
  statuses: OrderStatus[];
  commissions: string[];
  eventIds: number[];
  orderListId: string | null;
  countedFilledQty: string;
  lastSource: UpdateSource;
  firstSeenAtMs: number;
  lastReceivedAtMs: number;
}

const SEP = '\u001f';
const NULL = '\u0002';
/** Separators a packed order has (fields − 1). */
const SEPARATORS = 41;
/** Past this many distinct repeated strings, a value is written out instead (`~value`). */
const MAX_TABLE = 10_000;

/** The shared table of repeated strings (one per book). */
export class StringTable {
  private readonly index = new Map<string, number>();
  private readonly values: string[] = [];

  encode(value: string | null): string {
    if (value === null) return NULL;
    const known = this.index.get(value);
    if (known !== undefined) return known.toString(36);
    if (this.values.length >= MAX_TABLE) return `~${value}`;
    this.index.set(value, this.values.length);
    this.values.push(value);
    return (this.values.length - 1).toString(36);
  }

  decode(field: string): string | null {
    if (field === NULL) return null;
    if (field.charCodeAt(0) === 126) return field.slice(1);
    return this.values[parseInt(field, 36)]!;
  }
}

function raw(value: string | null): string {
  return value === null ? NULL : value;
}

function unraw(field: string): string | null {
  return field === NULL ? null : field;
}

/** The packed form, or null when a value holds a separator (then the order stays unpacked). */
export function packOrder(state: OrderState, table: StringTable): string | null {
  const u = state.current;
  const e = u.eventTimeMs;
  const fields = [
    String(e),
    String(u.transactionTimeMs - e),
    String(u.updateTimeMs - e),
    String(u.orderCreationTimeMs - e),
    table.encode(u.symbol),
    table.encode(u.baseAsset),
    table.encode(u.quoteAsset),
    u.clientOrderId,
    table.encode(u.side),
    table.encode(u.orderType),
    table.encode(u.originalOrderType),
    table.encode(u.timeInForce),
    u.quantity,
    u.price,
    u.stopPrice,
    u.avgPrice,
    table.encode(u.executionType),
    table.encode(u.status),
    u.orderId,
    u.lastFilledQty,
    u.cumulativeFilledQty,
    u.lastFilledPrice,
    raw(u.commission),
    table.encode(u.commissionAsset),
    u.tradeId,
    u.isMaker ? '1' : '0',
    u.cumulativeQuoteQty,
    u.lastQuoteQty,
    u.quoteOrderQty,
    String(u.eventId),
    raw(u.orderListId),
    table.encode(u.contingencyType),
    table.encode(u.contingencyPosition),
    u.st === null ? NULL : String(u.st),
    // The book's bookkeeping.
    state.statuses.map((s) => table.encode(s)).join(','),
    state.commissions.join(','),
    state.eventIds.map((id) => String(id - u.eventId)).join(','),
    state.orderListId === u.orderListId ? '=' : raw(state.orderListId),
    state.countedFilledQty === u.cumulativeFilledQty ? '=' : state.countedFilledQty,
    state.lastSource === 'stream' ? 's' : 'b',
    String(state.firstSeenAtMs - e),
    String(state.lastReceivedAtMs - e),
  ];
  for (const fee of state.commissions) if (fee.includes(',')) return null;
  const packed = fields.join(SEP);
  let separators = 0;
  for (let i = 0; i < packed.length; i++) if (packed.charCodeAt(i) === 31) separators++;
  return separators === SEPARATORS ? packed : null;
}

/** The order back from its packed form. */
export function unpackOrder(packed: string, table: StringTable): OrderState {
  const f = packed.split(SEP);
  const e = Number(f[0]);
  const eventId = Number(f[29]);
  const str = (i: number): string => table.decode(f[i]!) ?? '';
  const current: OrderUpdate = {
    eventTimeMs: e,
    transactionTimeMs: e + Number(f[1]),
    updateTimeMs: e + Number(f[2]),
    orderCreationTimeMs: e + Number(f[3]),
    symbol: str(4),
    baseAsset: str(5),
    quoteAsset: str(6),
    clientOrderId: f[7]!,
    side: str(8) as OrderSide,
    orderType: str(9),
    originalOrderType: str(10),
    timeInForce: str(11),
    quantity: f[12]!,
    price: f[13]!,
    stopPrice: f[14]!,
    avgPrice: f[15]!,
    executionType: str(16) as ExecutionType,
    status: str(17) as OrderStatus,
    orderId: f[18]!,
    lastFilledQty: f[19]!,
    cumulativeFilledQty: f[20]!,
    lastFilledPrice: f[21]!,
    commission: unraw(f[22]!),
    commissionAsset: table.decode(f[23]!),
    tradeId: f[24]!,
    isMaker: f[25] === '1',
    cumulativeQuoteQty: f[26]!,
    lastQuoteQty: f[27]!,
    quoteOrderQty: f[28]!,
    eventId,
    orderListId: unraw(f[30]!),
    contingencyType: table.decode(f[31]!),
    contingencyPosition: table.decode(f[32]!),
    st: f[33] === NULL ? null : Number(f[33]),
  };
  const list = (i: number): string[] => (f[i] === '' ? [] : f[i]!.split(','));
  return {
    current,
    statuses: list(34).map((s) => table.decode(s) as OrderStatus),
    commissions: list(35),
    eventIds: list(36).map((d) => eventId + Number(d)),
    orderListId: f[37] === '=' ? current.orderListId : unraw(f[37]!),
    countedFilledQty: f[38] === '=' ? current.cumulativeFilledQty : f[38]!,
    lastSource: f[39] === 's' ? 'stream' : 'backfill',
    firstSeenAtMs: e + Number(f[40]),
    lastReceivedAtMs: e + Number(f[41]),
  };
}
