import type { OrderView } from '../../../shared/ipc/views-monitor.ts';
import type { OrderRowsSource } from './order-index.ts';

/** A reader this far behind (in changed rows) re-reads everything instead. */
const MIN_CHANGE_LOG = 4_096;

/**
 * The orders of one account as the table needs them: a stable array (an order keeps its
 * slot for the life of the session, so indexes stay valid across updates), a lookup by
 * order id, and a version that bumps on every change, with the slots each change touched, so
 * the table's index updates only what changed (see OrderIndex). The account's model tells the
 * views, once per animation frame.
 *
 * Updates replace the row object in its slot rather than copying the array, so applying a
 * batch costs O(batch), not O(orders), even at 100,000 orders.
 */
export class OrdersModel implements OrderRowsSource {
  private readonly rowsArray: OrderView[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly changedAtMsById = new Map<string, number>();
  private readonly symbolSet = new Set<string>();
  private symbolsSorted: readonly string[] | null = [];
  private versionValue = 0;
  /** Slots changed since `logBaseVersion`; `logEnds[i]` is where version `logBaseVersion + i` ends. */
  private log: number[] = [];
  private logEnds: number[] = [0];
  private logBaseVersion = 0;

  /** Every order, in the order they were first seen. Do not mutate. */
  get rows(): readonly OrderView[] {
    return this.rowsArray;
  }

  /** Bumps on every change; use as a cache key. */
  get version(): number {
    return this.versionValue;
  }

  get size(): number {
    return this.rowsArray.length;
  }

  /** Distinct symbols, sorted (for the symbol filter); the same array until a new one appears. */
  get symbols(): readonly string[] {
    return (this.symbolsSorted ??= [...this.symbolSet].sort());
  }

  /** Replaces everything (initial load, reload after a reconnect, or switching accounts). */
  reset(orders: readonly OrderView[]): void {
    this.rowsArray.length = 0;
    this.slotById.clear();
    this.changedAtMsById.clear();
    this.symbolSet.clear();
    this.symbolsSorted = null;
    for (const order of orders) this.put(order, null);
    this.versionValue += 1;
    // Readers of an older version must re-read everything.
    this.clearLog();
  }

  /** Applies orders in their new state; `nowMs` marks them as just changed (row highlight). */
  apply(orders: readonly OrderView[], nowMs: number): void {
    if (orders.length === 0) return;
    for (const order of orders) this.log.push(this.put(order, nowMs));
    this.versionValue += 1;
    this.logEnds.push(this.log.length);
    if (this.log.length > Math.max(MIN_CHANGE_LOG, this.rowsArray.length)) this.clearLog();
  }

  /**
   * Slots changed after `version`, oldest first (a slot may repeat), or null when the reader
   * must re-read everything (a reset since, or it fell too far behind). The table is the one
   * reader: what it has read is forgotten, so the log stays as small as one frame's changes.
   */
  changesSince(version: number): readonly number[] | null {
    if (version === this.versionValue) return [];
    if (version < this.logBaseVersion || version > this.versionValue) return null;
    const changed = this.log.slice(this.logEnds[version - this.logBaseVersion]);
    this.clearLog();
    return changed;
  }

  /** The order with this id, if seen. */
  get(orderId: string): OrderView | undefined {
    const slot = this.slotById.get(orderId);
    return slot === undefined ? undefined : this.rowsArray[slot];
  }

  /** When the order last changed while we were watching (null for orders from a snapshot). */
  changedAtMs(orderId: string): number | null {
    return this.changedAtMsById.get(orderId) ?? null;
  }

  private put(order: OrderView, nowMs: number | null): number {
    const id = order.last.orderId;
    let slot = this.slotById.get(id);
    if (slot === undefined) {
      slot = this.rowsArray.length;
      this.slotById.set(id, slot);
      this.rowsArray.push(order);
    } else {
      this.rowsArray[slot] = order;
    }
    if (nowMs !== null) this.changedAtMsById.set(id, nowMs);
    if (!this.symbolSet.has(order.last.symbol)) {
      this.symbolSet.add(order.last.symbol);
      this.symbolsSorted = null;
    }
    return slot;
  }

  private clearLog(): void {
    this.log = [];
    this.logEnds = [0];
    this.logBaseVersion = this.versionValue;
  }
}
