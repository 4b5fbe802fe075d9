import { maskListenKey } from '../../../shared/secrets/mask.ts';
import {
  EXECUTION_TYPES,
  ORDER_STATUSES,
  type ExecutionType,
  type OrderStatus,
  type OrderUpdate,
} from '../../../shared/domain/order-update.ts';
import type { AccountBalance, OtherEvent, ParsedFrame } from './frame-types.ts';

const STATUS_SET: ReadonlySet<string> = new Set(ORDER_STATUSES);
const EXECUTION_TYPE_SET: ReadonlySet<string> = new Set(EXECUTION_TYPES);

/** Thrown inside the parser only; turned into a `malformed` result. */
class FrameError extends Error {}

type Obj = Record<string, unknown>;

/**
 * Parses one text frame of the `alpha@` order-push socket. Never throws: anything we cannot
 * read exactly (bad JSON, a missing or mistyped required field) is `malformed`, so one bad
 * frame can never stop a session or be counted as an update.
 */
export function parseFrame(text: string): ParsedFrame {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'malformed', reason: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'malformed', reason: 'not a JSON object' };
  }
  try {
    return classify(value as Obj);
  } catch (error) {
    if (error instanceof FrameError) return { kind: 'malformed', reason: error.message };
    throw error;
  }
}

function classify(frame: Obj): ParsedFrame {
  // Pushes are wrapped {"stream","data"}; replies to our requests carry a top-level id.
  if (
    frame.data !== undefined &&
    (typeof frame.stream === 'string' || frame.stream === undefined)
  ) {
    if (typeof frame.data !== 'object' || frame.data === null || Array.isArray(frame.data)) {
      throw new FrameError('data is not an object');
    }
    return parseEvent(frame.data as Obj, typeof frame.stream === 'string' ? frame.stream : null);
  }
  if ('result' in frame || ('id' in frame && !('e' in frame) && !('error' in frame))) {
    return { kind: 'ack', requestId: requestIdOf(frame.id), result: frame.result ?? null };
  }
  if ('error' in frame) {
    const err = frame.error as Obj | string | null;
    const errorCode =
      typeof err === 'object' && err !== null && err.code !== undefined ? String(err.code) : null;
    const errorMessage =
      typeof err === 'string'
        ? err
        : typeof err === 'object' && err !== null && typeof err.msg === 'string'
          ? err.msg
          : 'error';
    return { kind: 'request-error', requestId: requestIdOf(frame.id), errorCode, errorMessage };
  }
  // An unwrapped event (a raw-stream connection would push these) is handled the same way.
  if (typeof frame.e === 'string') return parseEvent(frame, null);
  throw new FrameError('neither a push, an ack nor an event');
}

function requestIdOf(id: unknown): number | string | null {
  return typeof id === 'number' || typeof id === 'string' ? id : null;
}

function parseEvent(data: Obj, stream: string | null): ParsedFrame {
  const eventType = data.e;
  if (eventType === 'executionReport')
    return { kind: 'order-update', stream, update: parseExecutionReport(data) };
  return { kind: 'other-event', stream, event: parseOtherEvent(data) };
}

/**
 * `executionReport` → OrderUpdate, keeping every decimal as the exact string received.
 * This is the ingest hot path (see `npm run bench`): fields are read once, by name, and
 * checked with plain comparisons rather than generic helpers.
 */
export function parseExecutionReport(d: Obj): OrderUpdate {
  const X = d.X;
  // Alpha's statuses and execution types beyond the captured ones are unknown (ALPHA-PROTOCOL.md
  // §4): one we do not know keeps its update, read as UNRECOGNIZED with the value as sent.
  let rawStatus: string | null = null;
  let rawExecutionType: string | null = null;
  // The captured values first: a comparison is cheaper than a Set lookup on this path. The
  // update keeps the literal, not the frame's string: JSON.parse internalizes only values of up
  // to 10 characters, and the book and statistics compare and look up statuses on every frame.
  let status: string;
  if (X === 'NEW') status = 'NEW';
  else if (X === 'FILLED') status = 'FILLED';
  else if (X === 'PARTIALLY_FILLED') status = 'PARTIALLY_FILLED';
  else if (X === 'PENDING') status = 'PENDING';
  else {
    if (typeof X !== 'string' || X === '') throw new FrameError('bad X (status)');
    if (!STATUS_SET.has(X)) rawStatus = X;
    status = X;
  }
  const executionType = d.x;
  if (executionType !== 'NEW' && executionType !== 'TRADE') {
    if (typeof executionType !== 'string' || executionType === '') {
      throw new FrameError('bad x (execution type)');
    }
    if (!EXECUTION_TYPE_SET.has(executionType)) rawExecutionType = executionType;
  }
  const side = d.S;
  if (side !== 'BUY' && side !== 'SELL') throw new FrameError('bad S (side)');
  const symbol = d.s;
  if (typeof symbol !== 'string') throw new FrameError('s missing or not a string');
  const orderType = d.o;
  if (typeof orderType !== 'string') throw new FrameError('o missing or not a string');
  // The checks are written out here, not in ~30 calls of small helpers: TurboFan inlined only
  // part of those (its inlining budget per function ran out), and a call cost more than its check.
  // Same checks, same order, same messages.
  const T = d.T;
  if (typeof T !== 'number' || !Number.isSafeInteger(T))
    throw new FrameError('T missing or not an integer');
  const n = d.n;
  if (n !== undefined && n !== null && n !== '0' && (typeof n !== 'string' || !isDecimal(n)))
    throw new FrameError('n missing or not a decimal string');
  const commission = n === undefined ? null : n;
  const commissionAsset = d.N;
  if (
    commission !== null
      ? typeof commissionAsset !== 'string'
      : commissionAsset != null && typeof commissionAsset !== 'string'
  ) {
    throw new FrameError('N missing or not a string');
  }
  const E = d.E;
  if (typeof E !== 'number' || !Number.isSafeInteger(E))
    throw new FrameError('E missing or not an integer');
  const u = d.u;
  if (u !== undefined && (typeof u !== 'number' || !Number.isSafeInteger(u)))
    throw new FrameError('u missing or not an integer');
  const O = d.O;
  if (O !== undefined && (typeof O !== 'number' || !Number.isSafeInteger(O)))
    throw new FrameError('O missing or not an integer');
  const ba = d.ba;
  if (ba != null && typeof ba !== 'string') throw new FrameError('ba not a string');
  const qa = d.qa;
  if (qa != null && typeof qa !== 'string') throw new FrameError('qa not a string');
  const c = d.c;
  if (c != null && typeof c !== 'string') throw new FrameError('c not a string');
  const ot = d.ot;
  if (ot != null && typeof ot !== 'string') throw new FrameError('ot not a string');
  const f = d.f;
  if (f != null && typeof f !== 'string') throw new FrameError('f not a string');
  const q = d.q;
  if (q !== '0' && (typeof q !== 'string' || !isDecimal(q)))
    throw new FrameError('q missing or not a decimal string');
  const p = d.p;
  if (p !== '0' && (typeof p !== 'string' || !isDecimal(p)))
    throw new FrameError('p missing or not a decimal string');
  const P = d.P;
  if (P != null && P !== '0' && (typeof P !== 'string' || !isDecimal(P)))
    throw new FrameError('P missing or not a decimal string');
  const ap = d.ap;
  if (ap != null && ap !== '0' && (typeof ap !== 'string' || !isDecimal(ap)))
    throw new FrameError('ap missing or not a decimal string');
  const i = d.i;
  const orderId = typeof i === 'string' && isDigits(i) ? i : id(i, 'i');
  const l = d.l;
  if (l !== '0' && (typeof l !== 'string' || !isDecimal(l)))
    throw new FrameError('l missing or not a decimal string');
  const z = d.z;
  if (z !== '0' && (typeof z !== 'string' || !isDecimal(z)))
    throw new FrameError('z missing or not a decimal string');
  const L = d.L;
  if (L !== '0' && (typeof L !== 'string' || !isDecimal(L)))
    throw new FrameError('L missing or not a decimal string');
  const t = d.t;
  const tradeId = t === undefined ? '0' : typeof t === 'string' && isDigits(t) ? t : id(t, 't');
  const m = d.m;
  if (m !== undefined && typeof m !== 'boolean') throw new FrameError('m not a boolean');
  const Z = d.Z;
  if (Z != null && Z !== '0' && (typeof Z !== 'string' || !isDecimal(Z)))
    throw new FrameError('Z missing or not a decimal string');
  const Y = d.Y;
  if (Y != null && Y !== '0' && (typeof Y !== 'string' || !isDecimal(Y)))
    throw new FrameError('Y missing or not a decimal string');
  const Q = d.Q;
  if (Q != null && Q !== '0' && (typeof Q !== 'string' || !isDecimal(Q)))
    throw new FrameError('Q missing or not a decimal string');
  const ev = d.id;
  const eventIdValue =
    typeof ev === 'number' && Number.isSafeInteger(ev) && ev >= 0 ? ev : eventId(ev);
  const il = d.il;
  const listId =
    il === undefined || il === null
      ? null
      : typeof il === 'string' && isDigits(il)
        ? il === '-1'
          ? null
          : il
        : orderListId(il);
  const ct = d.ct;
  if (ct != null && typeof ct !== 'string') throw new FrameError('ct not a string');
  const contingencyPosition = contingencyPositionOf(d.cp);
  const st = d.st;
  if (st != null && (typeof st !== 'number' || !Number.isSafeInteger(st)))
    throw new FrameError('st missing or not an integer');
  const update: OrderUpdate = {
    eventTimeMs: E,
    transactionTimeMs: T,
    // `u` equals `T` in every capture; a frame without it is still an exact update.
    updateTimeMs: u === undefined ? T : u,
    orderCreationTimeMs: O === undefined ? T : O,
    symbol,
    baseAsset: ba ?? '',
    quoteAsset: qa ?? '',
    clientOrderId: c ?? '',
    side,
    orderType,
    originalOrderType: ot ?? orderType,
    timeInForce: f ?? '',
    quantity: q,
    price: p,
    stopPrice: P ?? '0',
    avgPrice: ap ?? '0',
    executionType: executionType as ExecutionType,
    status: status as OrderStatus,
    orderId,
    lastFilledQty: l,
    cumulativeFilledQty: z,
    lastFilledPrice: L,
    commission,
    commissionAsset: (commissionAsset as string | undefined) ?? null,
    tradeId,
    isMaker: m === true,
    cumulativeQuoteQty: Z ?? '0',
    lastQuoteQty: Y ?? '0',
    quoteOrderQty: Q ?? '0',
    eventId: eventIdValue,
    orderListId: listId,
    contingencyType: (ct as string | undefined) ?? null,
    contingencyPosition,
    st: st === undefined || st === null ? null : st,
  };
  if (rawStatus !== null) unrecognizedStatus(update, rawStatus);
  if (rawExecutionType !== null) unrecognizedExecutionType(update, rawExecutionType);
  return update;
}

/** Off the usual path: the extra property is added only to the rare update that needs it. */
function unrecognizedStatus(update: OrderUpdate, raw: string): void {
  update.status = 'UNRECOGNIZED';
  update.rawStatus = raw;
}

function unrecognizedExecutionType(update: OrderUpdate, raw: string): void {
  update.executionType = 'UNRECOGNIZED';
  update.rawExecutionType = raw;
}

/** `cp` as the literal for the captured values (kept with every open OTO leg). */
function contingencyPositionOf(v: unknown): string | null {
  if (v === 'OTO_WORKING') return 'OTO_WORKING';
  if (v === 'OTO_PENDING') return 'OTO_PENDING';
  return optStr(v, 'cp');
}

function parseOtherEvent(d: Obj): OtherEvent {
  const eventTimeMs = typeof d.E === 'number' ? d.E : null;
  switch (d.e) {
    case 'listenKeyExpired':
      // Spot's shape; never captured on nbstream (ALPHA-PROTOCOL.md §2), so fields are optional.
      // The event is handed on to listeners, logs and the renderer: the key is masked here.
      return {
        type: 'listenKeyExpired',
        eventTimeMs,
        listenKey: typeof d.listenKey === 'string' ? maskListenKey(d.listenKey) : null,
      };
    case 'outboundAccountPosition': {
      const balances: AccountBalance[] = [];
      for (const b of Array.isArray(d.B) ? (d.B as Obj[]) : []) {
        if (typeof b?.a === 'string' && typeof b.f === 'string' && typeof b.l === 'string') {
          balances.push({ asset: b.a, free: b.f, locked: b.l });
        }
      }
      return { type: 'outboundAccountPosition', eventTimeMs, balances };
    }
    case 'balanceUpdate':
      if (typeof d.a === 'string' && typeof d.d === 'string') {
        return { type: 'balanceUpdate', eventTimeMs, asset: d.a, delta: d.d };
      }
      return { type: 'unknown', eventType: 'balanceUpdate', data: d };
    default:
      return { type: 'unknown', eventType: typeof d.e === 'string' ? d.e : null, data: d };
  }
}

function optStr(v: unknown, key: string): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new FrameError(`${key} not a string`);
  return v;
}

/**
 * A decimal as the exchange writes it: `"0"`, `"869.56000000"`, `"200"`; no sign, no
 * exponent. A char loop: this runs ~11 times per frame.
 */
function isDecimal(v: string): boolean {
  const n = v.length;
  if (n === 0) return false;
  let dot = -1;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c === 46) {
      if (dot !== -1 || i === 0 || i === n - 1) return false;
      dot = i;
    } else if (c < 48 || c > 57) {
      return false;
    }
  }
  return true;
}

function isDigits(v: string): boolean {
  const n = v.length;
  if (n === 0) return false;
  for (let i = v.charCodeAt(0) === 45 ? 1 : 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return n > 1 || v !== '-';
}

/**
 * `i` and `t` are strings on the wire. An integer is tolerated (converted exactly) because a
 * server variant sending numbers loses nothing; anything else is malformed.
 */
function id(v: unknown, key: string): string {
  if (v === '0' || (typeof v === 'string' && isDigits(v))) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  throw new FrameError(`${key} missing or not an id`);
}

/** `id` is a number on the wire (the per-event id); a digit string is tolerated. */
function eventId(v: unknown): number {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  if (typeof v === 'string' && /^\d{1,15}$/.test(v)) return Number(v);
  throw new FrameError('id (event id) missing or not an integer');
}

/** `il` links OTO legs; `"-1"` (history's value for plain orders) and absence mean none. */
function orderListId(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const s = id(v, 'il');
  return s === '-1' ? null : s;
}
