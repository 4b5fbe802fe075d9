/** Up to 15 digits: every such integer is exact as a number. */
const MAX_DIGITS = 15;
/** Not a plain id (see `plainId`). */
export const NOT_PLAIN = -2;

/** An id written as a plain integer (`"51481850"`: no sign, no leading zero) as a number; else NOT_PLAIN. */
export function plainId(id: string): number {
  const n = id.length;
  if (n === 0 || n > MAX_DIGITS || (n > 1 && id.charCodeAt(0) === 48)) return NOT_PLAIN;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NOT_PLAIN;
    value = value * 10 + d;
  }
  return value;
}

const EMPTY = -1;
const INITIAL_CAPACITY = 1024;

/**
 * Order id → row, for every order that ended. Exchange ids are plain integers: they are kept
 * as numbers in one open-addressing table (key and row side by side in a plain array of
 * numbers), so adding and finding one touches a slot or two, never the id strings (a `Map` of
 * strings re-reads every key when it grows, a cache miss each). Other ids go to a `Map`.
 * Ids above the highest plain id kept are not looked up at all: the exchange numbers orders in
 * increasing order, so a new order's first update is told from an ended one for free.
 */
export class RowIndex {
  /** [id, row] pairs; an empty slot's id is EMPTY, a deleted one keeps its id with row -1. */
  private slots: number[] = emptySlots(2 * INITIAL_CAPACITY);
  private mask = INITIAL_CAPACITY - 1;
  /** Slots with an id (deleted ones included). */
  private used = 0;
  private live = 0;
  private highest = -1;
  private readonly others = new Map<string, number>();

  get size(): number {
    return this.live + this.others.size;
  }

  /** The row of `id`, or -1. */
  get(id: string): number {
    const n = plainId(id);
    if (n === NOT_PLAIN) return this.others.get(id) ?? -1;
    if (n > this.highest) return -1;
    const slots = this.slots;
    for (let i = slotOf(n, this.mask); ; i = (i + 1) & this.mask) {
      const key = slots[2 * i]!;
      if (key === n) return slots[2 * i + 1]!;
      if (key === EMPTY) return -1;
    }
  }

  /** Sets the row of `id`; returns the row it had, or -1. */
  set(id: string, row: number): number {
    const n = plainId(id);
    if (n === NOT_PLAIN) {
      const earlier = this.others.get(id) ?? -1;
      this.others.set(id, row);
      return earlier;
    }
    if (n > this.highest) this.highest = n;
    if (2 * (this.used + 1) > this.mask + 1) this.grow();
    return this.place(n, row);
  }

  delete(id: string): void {
    const n = plainId(id);
    if (n === NOT_PLAIN) {
      this.others.delete(id);
      return;
    }
    if (this.get(id) === -1) return;
    this.place(n, -1);
  }

  /** Puts `row` in `n`'s slot; returns the row it had, or -1. */
  private place(n: number, row: number): number {
    const slots = this.slots;
    for (let i = slotOf(n, this.mask); ; i = (i + 1) & this.mask) {
      const key = slots[2 * i]!;
      if (key === n) {
        const was = slots[2 * i + 1]!;
        slots[2 * i + 1] = row;
        this.live += (row === -1 ? 0 : 1) - (was === -1 ? 0 : 1);
        return was;
      }
      if (key === EMPTY) {
        slots[2 * i] = n;
        slots[2 * i + 1] = row;
        this.used++;
        if (row !== -1) this.live++;
        return -1;
      }
    }
  }

  private grow(): void {
    const old = this.slots;
    const capacity = 2 * (this.mask + 1);
    this.slots = emptySlots(2 * capacity);
    this.mask = capacity - 1;
    this.used = 0;
    this.live = 0;
    for (let i = 0; i < old.length; i += 2) {
      const key = old[i]!;
      if (key !== EMPTY && old[i + 1] !== -1) this.place(key, old[i + 1]!);
    }
  }
}

/**
 * A slot for a plain id: its low 4 bits kept, the rest (both halves of its 53 bits) mixed. The
 * exchange numbers orders in sequence, so ids close together share a few cache lines instead of
 * each costing a miss in a large table; ids 16 apart still land far apart.
 */
function slotOf(n: number, mask: number): number {
  const low = n & 15;
  const block = (n - low) / 16;
  let h = Math.imul(block | 0, 0x9e3779b1) ^ Math.imul((block / 4294967296) | 0, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (((h ^ (h >>> 16)) << 4) | low) & mask;
}

/** An array of numbers (V8 keeps them unboxed), every one EMPTY. */
function emptySlots(length: number): number[] {
  return new Array<number>(length).fill(EMPTY);
}
