import type { OrderView } from '../../../shared/ipc/views-monitor.ts';

/**
 * The orders of one account as the table needs them: a stable array (an order keeps its
 * slot for the life of the session, so indexes stay valid across updates), a lookup by
 * order id, and a version that bumps on every change so views know when to re-query.
 *
 * Updates replace the row object in its slot rather than copying the array, so applying a
 * batch costs O(batch), not O(orders), even at 100,000 orders.
 */
export class OrdersModel {
  private readonly rowsArray: OrderView[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly changedAtMsById = new Map<string, number>();
  private versionValue = 0;
  private readonly listeners = new Set<() => void>();

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

  /** Replaces everything (initial load, or switching accounts). */
  reset(orders: readonly OrderView[]): void {
    this.rowsArray.length = 0;
    this.slotById.clear();
    this.changedAtMsById.clear();
    for (const order of orders) this.put(order, null);
    this.bump();
  }

  /** Applies orders in their new state; `nowMs` marks them as just changed (row highlight). */
  apply(orders: readonly OrderView[], nowMs: number): void {
    if (orders.length === 0) return;
    for (const order of orders) this.put(order, nowMs);
    this.bump();
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

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.versionValue;

  private put(order: OrderView, nowMs: number | null): void {
    const id = order.last.orderId;
    const slot = this.slotById.get(id);
    if (slot === undefined) {
      this.slotById.set(id, this.rowsArray.length);
      this.rowsArray.push(order);
    } else {
      this.rowsArray[slot] = order;
    }
    if (nowMs !== null) this.changedAtMsById.set(id, nowMs);
  }

  private bump(): void {
    this.versionValue += 1;
    for (const listener of [...this.listeners]) listener();
  }
}
