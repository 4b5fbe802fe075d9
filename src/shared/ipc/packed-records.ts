/**
 * A compact JSON form for long lists of same-shaped records (a 100,000-order snapshot is over
 * 100 MB as plain JSON, mostly key names repeated per row): column by column, each column a
 * constant, a dictionary of its few distinct values, integers as deltas from the row before,
 * integer-looking strings (order and trade ids) the same way, or the plain values. Nested
 * objects that every row has (an order's `last` update) are packed the same way. Decoding
 * gives back records equal to the ones packed, keys in the same order. The browser host's
 * replies use it (wire.ts); Electron's structured clone needs none of it.
 */

/** Lists shorter than this stay plain (the gain is in long lists). */
export const PACK_MIN_RECORDS = 64;
/** A column uses a dictionary when it has at most this share of distinct values. */
const DICTIONARY_SHARE = 0.5;
/** Strings read as integers only this long (no float rounding, no leading zero). */
const MAX_INT_TEXT = 15;

export interface PackedRecords {
  /** Marks a packed list (a plain view never has this key). */
  $records: 1;
  count: number;
  keys: string[];
  columns: PackedColumn[];
}

export type PackedColumn =
  /** Every row has this value. */
  | { c: unknown }
  /** Each row's value is `dict[index]`. */
  | { dict: unknown[]; index: number[] }
  /** Integers: the first row's value, then each row's difference from the one before. */
  | { deltas: number[] }
  /** Canonical integer strings, as `deltas`. */
  | { textDeltas: number[] }
  /** Records again (every row has a plain object here, with the same keys). */
  | { nested: PackedRecords }
  | { values: unknown[] };

type Row = Record<string, unknown>;

function isPlainObject(value: unknown): value is Row {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The shared keys of `rows` when every row is a plain object with exactly those keys. */
function sharedKeys(rows: readonly unknown[]): string[] | null {
  const first = rows[0];
  if (!isPlainObject(first)) return null;
  const keys = Object.keys(first);
  for (const row of rows) {
    if (!isPlainObject(row)) return null;
    const rowKeys = Object.keys(row);
    if (rowKeys.length !== keys.length) return null;
    for (let i = 0; i < keys.length; i++) if (rowKeys[i] !== keys[i]) return null;
  }
  return keys;
}

function isIntText(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_INT_TEXT) return false;
  if (value.length > 1 && value.charCodeAt(0) === 48) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function deltasOf(values: readonly number[]): number[] | null {
  const out = new Array<number>(values.length);
  let previous = 0;
  for (let i = 0; i < values.length; i++) {
    const delta = values[i]! - previous;
    if (!Number.isSafeInteger(delta)) return null;
    out[i] = delta;
    previous = values[i]!;
  }
  return out;
}

/** How a column's values look, found in one pass; null when one is undefined. */
async function packColumn(
  rows: readonly unknown[],
  key: string,
  pause: Pause,
): Promise<PackedColumn | null> {
  const values = new Array<unknown>(rows.length);
  const first = (rows[0] as Row)[key];
  let same = true;
  let ints = true;
  let intTexts = true;
  let primitives = true;
  let objects = true;
  for (let i = 0; i < rows.length; i++) {
    const v = (rows[i] as Row)[key];
    // JSON leaves out an undefined field: such a list stays plain, as JSON would send it.
    if (v === undefined) return null;
    values[i] = v;
    if (v !== first) same = false;
    if (ints && !(typeof v === 'number' && Number.isSafeInteger(v))) ints = false;
    if (intTexts && !isIntText(v)) intTexts = false;
    if (typeof v === 'object' && v !== null) primitives = false;
    else objects = false;
  }
  if (same && primitives) return { c: first };
  if (ints) {
    const deltas = deltasOf(values as number[]);
    if (deltas) return { deltas };
  }
  if (intTexts) {
    const deltas = deltasOf(values.map(Number));
    if (deltas) return { textDeltas: deltas };
  }
  if (objects) {
    const nested = await packList(values, pause);
    if (nested) return { nested };
  }
  if (primitives) {
    const dictionary = dictionaryOf(values);
    if (dictionary) return dictionary;
  }
  return { values };
}

/** `values` as a dictionary and indexes, when few enough of them are distinct. */
function dictionaryOf(values: readonly unknown[]): PackedColumn | null {
  const slotOf = new Map<unknown, number>();
  const dict: unknown[] = [];
  const index = new Array<number>(values.length);
  const limit = values.length * DICTIONARY_SHARE;
  for (let i = 0; i < values.length; i++) {
    let slot = slotOf.get(values[i]);
    if (slot === undefined) {
      if (dict.length >= limit) return null;
      slot = dict.length;
      slotOf.set(values[i], slot);
      dict.push(values[i]);
    }
    index[i] = slot;
  }
  return { dict, index };
}

async function packList(rows: readonly unknown[], pause: Pause): Promise<PackedRecords | null> {
  const keys = sharedKeys(rows);
  if (!keys || keys.length === 0) return null;
  const columns: PackedColumn[] = [];
  for (const key of keys) {
    const column = await packColumn(rows, key, pause);
    if (!column) return null;
    columns.push(column);
    await pause();
  }
  return { $records: 1, count: rows.length, keys, columns };
}

function columnValues(column: PackedColumn, count: number): unknown[] {
  if ('c' in column) return new Array<unknown>(count).fill(column.c);
  if ('dict' in column) return column.index.map((i) => column.dict[i]);
  if ('deltas' in column || 'textDeltas' in column) {
    const deltas = 'deltas' in column ? column.deltas : column.textDeltas;
    const out = new Array<unknown>(count);
    let value = 0;
    for (let i = 0; i < count; i++) {
      value += deltas[i]!;
      out[i] = 'deltas' in column ? value : String(value);
    }
    return out;
  }
  if ('nested' in column) return unpackRecords(column.nested);
  return column.values;
}

/** The records of a packed list, as they were packed. */
export function unpackRecords(packed: PackedRecords): Row[] {
  const columns = packed.columns.map((column) => columnValues(column, packed.count));
  // Each row a copy of one template (one shape for all, keys in order), then filled in.
  const template: Row = {};
  for (const key of packed.keys) template[key] = null;
  const rows = new Array<Row>(packed.count);
  for (let i = 0; i < packed.count; i++) {
    const row: Row = { ...template };
    for (let k = 0; k < packed.keys.length; k++) row[packed.keys[k]!] = columns[k]![i];
    rows[i] = row;
  }
  return rows;
}

function isPacked(value: unknown): value is PackedRecords {
  return isPlainObject(value) && value.$records === 1 && Array.isArray(value.columns);
}

/** Nesting this deep is searched for long lists (a reply's value, then its fields). */
const MAX_DEPTH = 4;

/**
 * Lets other work run between two columns of a long list (the host: `setImmediate`), so that
 * packing 100,000 orders never holds the event loop for more than one column.
 */
export type Pause = () => Promise<void>;

/**
 * `value` with each long list of same-shaped records in it packed (searched through plain
 * objects and arrays a few levels down); null when there was none, so the caller sends `value`
 * as it is.
 */
export async function packLongLists(value: unknown, pause: Pause, depth = 0): Promise<unknown> {
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    if (value.length >= PACK_MIN_RECORDS) {
      const packed = await packList(value, pause);
      if (packed) return packed;
    }
    let changed: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const packed = await packLongLists(value[i], pause, depth + 1);
      if (packed === null) continue;
      changed ??= [...(value as unknown[])];
      changed[i] = packed;
    }
    return changed;
  }
  if (!isPlainObject(value)) return null;
  let changed: Row | null = null;
  for (const key of Object.keys(value)) {
    const packed = await packLongLists(value[key], pause, depth + 1);
    if (packed === null) continue;
    changed ??= { ...value };
    changed[key] = packed;
  }
  return changed;
}

/** Undoes `packLongLists` in place (the value is freshly parsed JSON) and returns it. */
export function unpackLongLists(value: unknown, depth = 0): unknown {
  if (isPacked(value)) return unpackRecords(value);
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = unpackLongLists(value[i], depth + 1);
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) value[key] = unpackLongLists(value[key], depth + 1);
  }
  return value;
}
