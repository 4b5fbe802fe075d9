import type {
  ConnectionView,
  FillPoint,
  MonitorSnapshot,
  OrderUpdatesBatch,
  SessionStatsView,
} from '../../../shared/ipc/views-monitor.ts';
import { OrdersModel } from './orders-model.ts';

function fillKey(fill: FillPoint): string {
  return `${fill.orderId}|${fill.eventTimeMs}|${fill.qty}|${fill.price}`;
}

/**
 * Everything the monitor screen shows for one account, kept in step with main: a snapshot
 * first, then batches. Batches that arrive before the snapshot (we subscribe first so that
 * nothing falls between the two) are held and applied on top of it; orders are replaced by
 * id, so applying one twice is harmless, and fills already in the snapshot are not added again.
 */
export class AccountSessionModel {
  readonly orders = new OrdersModel();
  private fillsArray: FillPoint[] = [];
  private statsValue: SessionStatsView | null = null;
  private connectionValue: ConnectionView | null = null;
  private pending: OrderUpdatesBatch[] | null = [];
  private lastUpdate: { receivedAtMs: number; latencyMs: number } | null = null;
  private versionValue = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly accountId: string,
    private readonly nowMs: () => number = () => Date.now(),
  ) {}

  get loaded(): boolean {
    return this.pending === null;
  }
  get fills(): readonly FillPoint[] {
    return this.fillsArray;
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
    const c = this.connectionValue;
    if (c === null || this.lastUpdate === null) return c;
    if (c.lastEventAtMs !== null && c.lastEventAtMs >= this.lastUpdate.receivedAtMs) return c;
    return {
      ...c,
      lastEventAtMs: this.lastUpdate.receivedAtMs,
      lastReceiveLatencyMs: this.lastUpdate.latencyMs,
    };
  }
  get version(): number {
    return this.versionValue;
  }

  applySnapshot(snapshot: MonitorSnapshot): void {
    this.orders.reset(snapshot.orders);
    this.fillsArray = [...snapshot.fills];
    this.statsValue = snapshot.stats;
    this.connectionValue = snapshot.connection;
    const held = this.pending ?? [];
    this.pending = null;
    if (held.length > 0) {
      const known = new Set(this.fillsArray.map(fillKey));
      for (const batch of held) {
        this.applyBatchNow({ ...batch, fills: batch.fills.filter((f) => !known.has(fillKey(f))) });
      }
    }
    this.bump();
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

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.versionValue;

  private applyBatchNow(batch: OrderUpdatesBatch): void {
    this.orders.apply(batch.orders, this.nowMs());
    // In place: consumers key their memos on `version`, and copying 100k fills per batch would not scale.
    for (const fill of batch.fills) this.fillsArray.push(fill);
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
    this.versionValue += 1;
    for (const listener of [...this.listeners]) listener();
  }
}
