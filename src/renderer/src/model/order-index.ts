import type { OrderView } from '../../../shared/ipc/views-monitor.ts';
import { assertNever } from '../../../shared/assert-never.ts';
import { compareDecimalWithHint, compareIdText, decimalHint } from './exact-compare.ts';
import {
  isEmptyFilter,
  matchesFilter,
  type OrderFilter,
  type OrderSort,
  type OrderSortKey,
} from './order-query.ts';

/** What an index reads: the model's rows and which of them changed since a version. */
export interface OrderRowsSource {
  readonly rows: readonly OrderView[];
  readonly version: number;
  /** Slots changed after `version` (may repeat), or null when only a full re-read will do. */
  changesSince(version: number): readonly number[] | null;
}

/** How a sort key compares: plain numbers, exact decimals, ids, or text (then newest first). */
type KeyKind = 'time' | 'decimal' | 'id' | 'text';

function kindOf(key: OrderSortKey): KeyKind {
  switch (key) {
    case 'created':
    case 'updated':
      return 'time';
    case 'price':
    case 'quantity':
    case 'executed':
      return 'decimal';
    case 'orderId':
      return 'id';
    case 'symbol':
    case 'side':
    case 'status':
      return 'text';
    default:
      return assertNever(key, 'sort key');
  }
}

function textKey(order: OrderView, key: OrderSortKey): string {
  const u = order.last;
  switch (key) {
    case 'price':
      return u.price;
    case 'quantity':
      return u.quantity;
    case 'executed':
      return u.cumulativeFilledQty;
    case 'orderId':
      return u.orderId;
    case 'symbol':
      return u.symbol;
    case 'side':
      return u.side;
    case 'status':
      return u.status;
    case 'created':
    case 'updated':
      return '';
    default:
      return assertNever(key, 'sort key');
  }
}

function legRank(order: OrderView): number {
  if (order.otoLeg === 'OTO_WORKING') return 0;
  if (order.otoLeg === 'OTO_PENDING') return 1;
  return 2;
}

/** An OTO (or other list) groups its legs; any other order is its own group. */
function groupOf(order: OrderView): string {
  return order.last.orderListId !== null
    ? `l:${order.last.orderListId}`
    : `o:${order.last.orderId}`;
}

const NO_SLOTS = new Int32Array(0);

/** Where a slot was placed: whether it passed the filter, and everything its position depends on. */
interface Placed {
  in: boolean;
  num: number;
  str: string;
  group: string;
  rank: number;
}

function samePlace(a: Placed, b: Placed): boolean {
  // NaN hints (text that is not a decimal) compare by their text.
  const sameNum = a.num === b.num || (Number.isNaN(a.num) && Number.isNaN(b.num));
  return sameNum && a.str === b.str && a.group === b.group && a.rank === b.rank;
}

/**
 * The table's display order (slots into the model's rows) for one filter and sort, kept up to
 * date incrementally. OTO legs stay together: a pair sorts by its working leg and the pending
 * leg follows right below it. Built once in O(n log n); after that, an update costs only the
 * orders it touched: an order whose sort key and filter match did not change keeps its place
 * (rows read their latest data from the model), one that moved is found by binary search
 * on its old keys, taken out and put back by binary search on its new ones: O(k log n)
 * comparisons for k moved orders, and the slot array copied in runs (a memory copy, no
 * per-row work), so sorting by "updated" at 100,000 orders costs little more per frame than
 * sorting by "created". Keys compare exactly: ids by length then digits,
 * decimals by value, never as floats.
 */
export class OrderIndex {
  private readonly kind: KeyKind;
  private readonly direction: 1 | -1;
  private readonly needle: string;
  private readonly everything: boolean;
  /** Per slot: the key of its group's representative, as last placed. */
  private num = new Float64Array(0);
  private str: string[] = [];
  private group: string[] = [];
  private rank = new Uint8Array(0);
  private inIndex = new Uint8Array(0);
  /** Slots of each list group (only groups with a list id: a lone order is its own group). */
  private readonly members = new Map<string, number[]>();
  private known = 0;
  private order: Int32Array = NO_SLOTS;
  private sourceVersion: number;

  constructor(
    private readonly source: OrderRowsSource,
    private readonly filter: OrderFilter,
    private readonly sort: OrderSort,
  ) {
    this.kind = kindOf(sort.key);
    this.direction = sort.direction === 'asc' ? 1 : -1;
    this.needle = filter.text.trim().toLowerCase();
    this.everything = isEmptyFilter(filter);
    this.sourceVersion = source.version;
    this.rebuild();
  }

  /** The display order: a new array whenever it changed, the same one otherwise. */
  get slots(): Int32Array {
    return this.order;
  }

  /** Brings the order up to the source's latest version and returns it. */
  refresh(): Int32Array {
    const version = this.source.version;
    if (version === this.sourceVersion) return this.order;
    const changed = this.source.changesSince(this.sourceVersion);
    this.sourceVersion = version;
    if (changed === null) this.rebuild();
    else if (changed.length > 0) this.apply(changed);
    return this.order;
  }

  private rebuild(): void {
    const rows = this.source.rows;
    this.num = new Float64Array(rows.length);
    this.str = new Array<string>(rows.length);
    this.group = new Array<string>(rows.length);
    this.rank = new Uint8Array(rows.length);
    this.inIndex = new Uint8Array(rows.length);
    this.members.clear();
    this.known = 0;
    this.compare = this.makeCompare();
    const all: number[] = [];
    for (let slot = 0; slot < rows.length; slot++) {
      this.register(slot, rows[slot]!);
      all.push(slot);
    }
    const placed = this.place(all);
    placed.sort(this.compare);
    this.order = Int32Array.from(placed);
  }

  private apply(changed: readonly number[]): void {
    const rows = this.source.rows;
    if (rows.length > this.inIndex.length) this.grow(rows.length);
    // Every slot whose place may have changed: the changed orders and the rest of their groups
    // (a new or changed leg can change its group's representative, so the whole group's key).
    const affected = new Set<number>();
    const oldKnown = this.known;
    for (const slot of changed) {
      if (slot >= oldKnown) continue;
      this.addGroup(this.group[slot]!, slot, affected);
      this.addGroup(groupOf(rows[slot]!), slot, affected);
    }
    for (let slot = oldKnown; slot < rows.length; slot++)
      this.addGroup(groupOf(rows[slot]!), slot, affected);
    const before = new Map<number, Placed>();
    // Where each affected slot sits now, found by its old keys before they are overwritten.
    const oldPosition = new Map<number, number>();
    for (const slot of affected) {
      if (slot >= oldKnown) continue;
      const placed = this.placedOf(slot);
      before.set(slot, placed);
      if (!placed.in) continue;
      const position = this.positionOf(this.order, slot);
      // The order is sorted by these keys, so the search finds it; never trust that blindly.
      oldPosition.set(slot, this.order[position] === slot ? position : this.order.indexOf(slot));
    }
    for (let slot = oldKnown; slot < rows.length; slot++) this.register(slot, rows[slot]!);
    for (const slot of changed) {
      if (slot >= oldKnown) continue;
      const row = rows[slot]!;
      if (this.group[slot] !== groupOf(row)) {
        this.unregister(slot);
        this.register(slot, row);
      } else {
        this.rank[slot] = legRank(row);
      }
    }
    const passing = new Set(this.place([...affected]));
    // Only slots that entered, left, or changed key move; the others keep their place.
    const removed: number[] = [];
    const inserted: number[] = [];
    for (const slot of affected) {
      const was = before.get(slot);
      const isIn = passing.has(slot);
      const wasIn = was !== undefined && was.in;
      if (!wasIn && !isIn) continue;
      if (wasIn && isIn && samePlace(was, this.placedOf(slot))) continue;
      if (wasIn) removed.push(oldPosition.get(slot)!);
      if (isIn) inserted.push(slot);
    }
    if (removed.length === 0 && inserted.length === 0) return;
    const kept = removed.length > 0 ? withoutPositions(this.order, removed) : this.order;
    inserted.sort(this.compare);
    this.order = this.insertSorted(kept, inserted);
  }

  /** Where `slot` is in `order` (sorted by the current keys), by binary search. */
  private positionOf(order: Int32Array, slot: number): number {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(order[mid]!, slot) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * `order` with the sorted `inserted` slots put in place: a binary search each, then one copy
   * in runs, O(k log n) comparisons for k inserted, never one per row.
   */
  private insertSorted(order: Int32Array, inserted: readonly number[]): Int32Array {
    if (inserted.length === 0) return order;
    const out = new Int32Array(order.length + inserted.length);
    let from = 0;
    let at = 0;
    for (const slot of inserted) {
      const position = this.positionOf(order, slot);
      out.set(order.subarray(from, position), at);
      at += position - from;
      from = position;
      out[at++] = slot;
    }
    out.set(order.subarray(from), at);
    return out;
  }

  private placedOf(slot: number): Placed {
    return {
      in: this.inIndex[slot] === 1,
      num: this.num[slot]!,
      str: this.str[slot]!,
      group: this.group[slot]!,
      rank: this.rank[slot]!,
    };
  }

  /** Computes filter and keys for `slots` (whole groups); returns those that pass, unsorted. */
  private place(slots: readonly number[]): number[] {
    const rows = this.source.rows;
    const passing: number[] = [];
    // The representative of each group: its working leg when that passes the filter.
    const repOfGroup = new Map<string, number>();
    for (const slot of slots) {
      const row = rows[slot]!;
      const passes = this.everything || matchesFilter(row, this.filter, this.needle);
      this.inIndex[slot] = passes ? 1 : 0;
      if (!passes) continue;
      passing.push(slot);
      const group = this.group[slot]!;
      const rep = repOfGroup.get(group);
      if (
        rep === undefined ||
        this.rank[slot]! < this.rank[rep]! ||
        (this.rank[slot] === this.rank[rep] && slot < rep)
      )
        repOfGroup.set(group, slot);
    }
    for (const slot of passing) {
      const rep = rows[repOfGroup.get(this.group[slot]!)!]!;
      const text = textKey(rep, this.sort.key);
      this.str[slot] = text;
      this.num[slot] =
        this.kind === 'time'
          ? this.sort.key === 'created'
            ? rep.last.orderCreationTimeMs
            : rep.last.eventTimeMs
          : this.kind === 'decimal'
            ? decimalHint(text)
            : rep.last.orderCreationTimeMs;
    }
    return passing;
  }

  /** Display order of two placed slots (rebuilt whenever the key arrays are replaced). */
  private compare: (a: number, b: number) => number = () => 0;

  private makeCompare(): (a: number, b: number) => number {
    const { num, str, group, rank, direction: dir } = this;
    // The last tie-breaks: the group (so legs stay together), the leg, then first seen.
    const tail = (a: number, b: number): number => {
      const ga = group[a]!;
      const gb = group[b]!;
      if (ga !== gb) return ga < gb ? dir : -dir;
      return rank[a]! - rank[b]! || a - b;
    };
    switch (this.kind) {
      case 'time':
        return (a, b) => {
          const d = num[a]! - num[b]!;
          return d !== 0 && !Number.isNaN(d) ? d * dir : tail(a, b);
        };
      case 'decimal':
        return (a, b) =>
          compareDecimalWithHint(num[a]!, num[b]!, str[a]!, str[b]!) * dir || tail(a, b);
      case 'id':
        return (a, b) => compareIdText(str[a]!, str[b]!) * dir || tail(a, b);
      case 'text':
        return (a, b) => {
          const sa = str[a]!;
          const sb = str[b]!;
          if (sa !== sb) return sa < sb ? -dir : dir;
          // Ties inside a text key fall back to creation time, newest first, as traders expect.
          const d = num[b]! - num[a]!;
          return d !== 0 && !Number.isNaN(d) ? d : tail(a, b);
        };
      default:
        return assertNever(this.kind, 'key kind');
    }
  }

  private register(slot: number, row: OrderView): void {
    const group = groupOf(row);
    this.group[slot] = group;
    this.rank[slot] = legRank(row);
    if (group.startsWith('l:')) {
      const list = this.members.get(group);
      if (list) list.push(slot);
      else this.members.set(group, [slot]);
    }
    if (slot >= this.known) this.known = slot + 1;
  }

  private unregister(slot: number): void {
    const group = this.group[slot]!;
    const list = this.members.get(group);
    if (!list) return;
    const at = list.indexOf(slot);
    if (at !== -1) list.splice(at, 1);
    if (list.length === 0) this.members.delete(group);
  }

  /** Adds `slot` and, when it belongs to a list, the list's other legs. */
  private addGroup(group: string, slot: number, into: Set<number>): void {
    into.add(slot);
    const list = this.members.get(group);
    if (list) for (const member of list) into.add(member);
  }

  private grow(size: number): void {
    const capacity = Math.max(size, this.inIndex.length * 2, 64);
    const num = new Float64Array(capacity);
    num.set(this.num);
    this.num = num;
    const rank = new Uint8Array(capacity);
    rank.set(this.rank);
    this.rank = rank;
    const inIndex = new Uint8Array(capacity);
    inIndex.set(this.inIndex);
    this.inIndex = inIndex;
    this.compare = this.makeCompare();
  }
}

/** `order` without the entries at `positions` (any order, no repeats), copied in runs. */
function withoutPositions(order: Int32Array, positions: number[]): Int32Array {
  positions.sort((a, b) => a - b);
  const out = new Int32Array(order.length - positions.length);
  let from = 0;
  let at = 0;
  for (const position of positions) {
    out.set(order.subarray(from, position), at);
    at += position - from;
    from = position + 1;
  }
  out.set(order.subarray(from), at);
  return out;
}

/**
 * Filters and sorts the orders once, returning their slots in display order (see OrderIndex).
 */
export function queryOrders(
  rows: readonly OrderView[],
  filter: OrderFilter,
  sort: OrderSort,
): Int32Array {
  return new OrderIndex({ rows, version: 0, changesSince: () => [] }, filter, sort).slots;
}
