import type {
  ConnectionView,
  FillPoint,
  MonitorSnapshot,
  OrderUpdatesBatch,
  SessionStatsView,
} from '../../../shared/ipc/views-monitor.ts';
import { FillSeries } from './fill-buckets.ts';
import { FramePublisher, scheduleAnimationFrame, type ScheduleFrame } from './frame-publisher.ts';
import { OrdersModel } from './orders-model.ts';

/** What main pushes about one account's session, as a live feed's event. */
export type AccountSessionEvent = { batch: OrderUpdatesBatch } | { connection: ConnectionView };

function fillKey(fill: FillPoint): string {
  return `${fill.orderId}|${fill.eventTimeMs}|${fill.qty}|${fill.price}`;
}

/** When the newest stream update was received, and how long after its event time. */
export interface LastStreamUpdate {
  receivedAtMs: number;
  latencyMs: number;
}

/**
 * The connection as main reported it, with the last event time and receive latency taken from
 * `last` when that is newer (main need not send a connection event per frame for them).
 */
export function withLastStreamUpdate(
  c: ConnectionView | null,
  last: LastStreamUpdate | null,
): ConnectionView | null {
  if (c === null || last === null) return c;
  if (c.lastEventAtMs !== null && c.lastEventAtMs >= last.receivedAtMs) return c;
  return { ...c, lastEventAtMs: last.receivedAtMs, lastReceiveLatencyMs: last.latencyMs };
}

/**
 * Everything the monitor screen shows for one account, kept in step with main: a snapshot
 * first, then batches. Batches that arrive before the snapshot (we subscribe first so that
 * nothing falls between the two) are held and applied on top of it; orders are replaced by
 * id, so applying one twice is harmless, and fills already in the snapshot are not added again.
 * Batches are applied as they arrive (O(batch)); the views are told once per animation frame.
 */
export class AccountSessionModel {
  readonly orders = new OrdersModel();
  private fillSeries = new FillSeries();
  private statsValue: SessionStatsView | null = null;
  private connectionValue: ConnectionView | null = null;
  private pending: OrderUpdatesBatch[] | null = [];
  private lastUpdate: LastStreamUpdate | null = null;
  private readonly publisher: FramePublisher;

  constructor(
    readonly accountId: string,
    private readonly nowMs: () => number = () => Date.now(),
    scheduleFrame: ScheduleFrame = scheduleAnimationFrame,
  ) {
    this.publisher = new FramePublisher(scheduleFrame);
  }

  get loaded(): boolean {
    return this.pending === null;
  }
  /** The session's fills, aggregated for the chart as they arrive (the fills are not kept). */
  get fills(): FillSeries {
    return this.fillSeries;
  }
  get stats(): SessionStatsView | null {
    return this.statsValue;
  }
  /**
   * The connection as main last reported it, with the last event time and receive latency
   * brought up to date from the order updates themselves: main need not send a connection
   * event per frame for these two to stay current.
   */
  get connection(): ConnectionView | null {
    return withLastStreamUpdate(this.connectionValue, this.lastUpdate);
  }
  /** The connection exactly as main last reported it: the same object until main sends another. */
  get reportedConnection(): ConnectionView | null {
    return this.connectionValue;
  }
  /** The newest stream update's receive time and latency (replaced, never mutated). */
  get lastStreamUpdate(): LastStreamUpdate | null {
    return this.lastUpdate;
  }
  /** Moves once per animation frame that had changes (views key their memos on it). */
  get version(): number {
    return this.publisher.version;
  }

  /**
   * Replaces everything with `snapshot` (the first load, or a reload after the link to main
   * came back), then applies on top the events that arrived while it was being loaded.
   */
  applySnapshot(snapshot: MonitorSnapshot, heldEvents: readonly AccountSessionEvent[] = []): void {
    this.orders.reset(snapshot.orders);
    this.fillSeries = new FillSeries();
    for (const fill of snapshot.fills) this.fillSeries.add(fill);
    this.statsValue = snapshot.stats;
    this.connectionValue = snapshot.connection;
    const held = [...(this.pending ?? [])];
    this.pending = null;
    for (const event of heldEvents) {
      if ('batch' in event) {
        if (event.batch.accountId === this.accountId) held.push(event.batch);
      } else if (event.connection.accountId === this.accountId) {
        this.connectionValue = event.connection;
      }
    }
    if (held.length > 0) {
      // Batches that raced the snapshot may be in it already: orders are replaced by id
      // (harmless twice), fills would count twice.
      const known = new Set(snapshot.fills.map(fillKey));
      for (const batch of held) {
        this.applyBatchNow({ ...batch, fills: batch.fills.filter((f) => !known.has(fillKey(f))) });
      }
    }
    this.bump();
  }

  /** One event of the live feed. */
  applyEvent(event: AccountSessionEvent): void {
    if ('batch' in event) this.applyBatch(event.batch);
    else this.applyConnection(event.connection);
  }

  applyBatch(batch: OrderUpdatesBatch): void {
    if (batch.accountId !== this.accountId) return;
    if (this.pending !== null) {
      this.pending.push(batch);
      return;
    }
    this.applyBatchNow(batch);
    this.bump();
  }

  applyConnection(connection: ConnectionView): void {
    if (connection.accountId !== this.accountId) return;
    this.connectionValue = connection;
    this.bump();
  }

  /** For useSyncExternalStore: called at most once per animation frame. */
  get subscribe(): (listener: () => void) => () => void {
    return this.publisher.subscribe;
  }

  get getVersion(): () => number {
    return this.publisher.getVersion;
  }

  private applyBatchNow(batch: OrderUpdatesBatch): void {
    this.orders.apply(batch.orders, this.nowMs());
    for (const fill of batch.fills) this.fillSeries.add(fill);
    this.statsValue = batch.stats;
    for (const u of batch.updates) {
      // Backfilled updates arrive long after `E`; their "latency" says nothing about the stream.
      if (u.source !== 'stream') continue;
      if (this.lastUpdate === null || u.receivedAtMs >= this.lastUpdate.receivedAtMs) {
        this.lastUpdate = {
          receivedAtMs: u.receivedAtMs,
          latencyMs: u.receivedAtMs - u.update.eventTimeMs,
        };
      }
    }
  }

  private bump(): void {
    this.publisher.changed();
  }
}
