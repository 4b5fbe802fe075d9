import type { EventName } from '../../shared/ipc/contract.ts';
import type { FleetUpdate } from '../../shared/ipc/views-fleet.ts';
import type {
  FillPoint,
  OrderUpdatesBatch,
  OrderUpdateView,
  OrderView,
} from '../../shared/ipc/views-monitor.ts';

/** One contract event as it goes to a page. */
export interface PageEvent {
  event: EventName;
  payload: unknown;
}

/**
 * Events waiting for the next send to one page, coalesced by what they describe: an order's
 * latest state, a value's latest state (an account's connection, its points, its strategy
 * run's progress, an export's progress, the settings…), every fill. Notices stay one by one,
 * in order. Waiting costs the size of what changed, not the number of events, so a page that
 * reads slowly gets the state of now, not a growing queue.
 */
export class PendingEvents {
  private readonly byKey = new Map<string, PendingEntry>();
  private nextUniqueKey = 0;
  private fillCount = 0;
  /** Entries a page's reload cannot restore (notices, a request to open an order). */
  private keptCount = 0;
  /** Keys of the notices waiting, oldest first (what `dropOldestNotices` forgets first). */
  private readonly noticeKeys: string[] = [];

  get size(): number {
    return this.byKey.size;
  }

  /** Entries a reload of the page's snapshots restores (what `dropReloadable` may forget). */
  get reloadable(): number {
    return this.byKey.size - this.keptCount;
  }

  /** Fills waiting (the one part that grows with the number of updates). */
  get fills(): number {
    return this.fillCount;
  }

  /** Notices waiting (the one kept part that grows with the number of events). */
  get notices(): number {
    return this.noticeKeys.length;
  }

  add(event: EventName, payload: unknown): void {
    const key = keyOf(event, payload) ?? `#${this.nextUniqueKey++}`;
    const entry = this.byKey.get(key);
    if (event === 'orderUpdates') {
      const batch = payload as OrderUpdatesBatch;
      this.fillCount += batch.fills.length;
      if (entry?.kind === 'orders') entry.merged.add(batch);
      else this.byKey.set(key, { kind: 'orders', merged: new MergedOrderUpdates(batch) });
    } else if (event === 'fleetChanged' && entry?.kind === 'event') {
      entry.payload = mergeFleetUpdates(entry.payload as FleetUpdate, payload as FleetUpdate);
    } else if (entry?.kind === 'event') {
      entry.payload = payload;
    } else {
      this.byKey.set(key, { kind: 'event', event, payload });
      if (isKept(event)) this.keptCount++;
      if (event === 'notice') this.noticeKeys.push(key);
    }
  }

  /**
   * Forgets the oldest notices waiting until `max` are left (no snapshot holds them: they are
   * gone for the page).
   */
  /** Returns how many were forgotten. */
  dropOldestNotices(max: number): number {
    let dropped = 0;
    while (this.noticeKeys.length > max) {
      this.byKey.delete(this.noticeKeys.shift()!);
      this.keptCount--;
      dropped++;
    }
    return dropped;
  }

  /**
   * Forgets everything waiting that the page's reload restores (orders, fills, current values),
   * keeping the events no snapshot holds (`isKept`), in order.
   */
  dropReloadable(): void {
    for (const [key, entry] of this.byKey)
      if (entry.kind === 'orders' || !isKept(entry.event)) this.byKey.delete(key);
    this.fillCount = 0;
  }

  /**
   * Forgets the waiting order batches (their fills are what grows): the page has to reload
   * the monitor's snapshot, which holds them all. Returns whether anything was dropped.
   */
  dropOrderUpdates(): boolean {
    let dropped = false;
    for (const [key, entry] of this.byKey)
      if (entry.kind === 'orders') {
        this.byKey.delete(key);
        dropped = true;
      }
    this.fillCount = 0;
    return dropped;
  }

  /** Everything waiting, oldest first (a coalesced value at its first place), and empties. */
  take(): PageEvent[] {
    const events = [...this.byKey.values()].map((entry): PageEvent =>
      entry.kind === 'orders'
        ? { event: 'orderUpdates', payload: entry.merged.batch() }
        : { event: entry.event, payload: entry.payload },
    );
    this.byKey.clear();
    this.fillCount = 0;
    this.keptCount = 0;
    this.noticeKeys.length = 0;
    return events;
  }
}

/**
 * Events no snapshot restores: a notice (the page shows it once, as it comes), a notice's
 * "show this order". Backpressure on what a reload restores never drops them; the outbox
 * bounds the notices on their own (`dropOldestNotices`), and "show this order" is coalesced
 * to the latest request. A strategy's progress is not one of them: the event carries the
 * run's whole view (its latest line in `status`), the page keeps only the latest per account
 * and loads it again on a gap (`getStrategyProgress`).
 */
function isKept(event: EventName): boolean {
  return event === 'notice' || event === 'openOrder';
}

type PendingEntry =
  | { kind: 'orders'; merged: MergedOrderUpdates }
  | { kind: 'event'; event: EventName; payload: unknown };

/** Events whose payload is a whole current value: only the latest of each key matters. */
function keyOf(event: EventName, payload: unknown): string | null {
  switch (event) {
    case 'orderUpdates':
    case 'connectionChanged':
    case 'pointsChanged':
      return `${event}|${(payload as { accountId: string }).accountId}`;
    case 'exportProgress':
      // Where an export is (rows so far, done): only the latest matters.
      return `${event}|${(payload as { exportId: string }).exportId}`;
    case 'strategyProgress':
      // The whole view of the account's run (its latest line included), which the page
      // replaces with each event: only the latest matters. Each carries every order id the
      // run placed, so keeping every one would grow with the square of the run's length.
      return `${event}|${(payload as { accountId: string }).accountId}`;
    case 'openOrder':
      // "Show this order": the page ends on the latest request, as it would after each.
      return event;
    case 'accountsChanged':
    case 'fleetChanged':
    case 'demoChanged':
    case 'settingsChanged':
    case 'alertSettingsChanged':
      return event;
    default:
      // notice: each is shown once, as it comes.
      return null;
  }
}

/**
 * One account's order batches merged into one: each order in its latest state and with its
 * latest update (in the order the orders first came), every fill in arrival order, the latest
 * statistics. Applying the merged batch leaves the page exactly where applying each would.
 */
class MergedOrderUpdates {
  private readonly orders = new Map<string, OrderView>();
  private readonly updates = new Map<string, OrderUpdateView>();
  private readonly fills: FillPoint[] = [];
  private last: OrderUpdatesBatch;

  constructor(first: OrderUpdatesBatch) {
    this.last = first;
    this.add(first);
  }

  add(batch: OrderUpdatesBatch): void {
    this.last = batch;
    for (const order of batch.orders) this.orders.set(order.last.orderId, order);
    for (const update of batch.updates) {
      // Re-inserted so the newest update comes last (the page reads the last one's latency).
      this.updates.delete(update.update.orderId);
      this.updates.set(update.update.orderId, update);
    }
    for (const fill of batch.fills) this.fills.push(fill);
  }

  batch(): OrderUpdatesBatch {
    return {
      accountId: this.last.accountId,
      updates: [...this.updates.values()],
      orders: [...this.orders.values()],
      fills: this.fills,
      stats: this.last.stats,
    };
  }
}

/** `a` then `b` as one fleet event: rows replace by account, a later removal wins, as does a later row. */
export function mergeFleetUpdates(a: FleetUpdate, b: FleetUpdate): FleetUpdate {
  const rows = new Map(a.rows.map((row) => [row.accountId, row]));
  for (const id of b.removedAccountIds) rows.delete(id);
  for (const row of b.rows) rows.set(row.accountId, row);
  const readded = new Set(b.rows.map((row) => row.accountId));
  const removed = new Set([...a.removedAccountIds, ...b.removedAccountIds]);
  return {
    atMs: b.atMs,
    rows: [...rows.values()],
    removedAccountIds: [...removed].filter((id) => !readded.has(id)),
  };
}
