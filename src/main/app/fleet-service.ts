import { Emitter, type Event } from '../../shared/event/emitter.ts';
import { DisposableStore, type Disposable } from '../../shared/lifecycle/disposable.ts';
import type { AccountEnvironment } from '../../shared/ipc/views-app.ts';
import {
  FLEET_THROTTLE_MS,
  type FleetPoints,
  type FleetRowView,
  type FleetSessionHealth,
  type FleetSnapshot,
  type FleetUpdate,
} from '../../shared/ipc/views-fleet.ts';
import type { ConnectionView, OrderUpdatesBatch } from '../../shared/ipc/views-monitor.ts';
import type { Clock } from '../core/ports/clock.ts';
import { FleetRowState } from './fleet-row.ts';

/** What the fleet reads of the monitors (MonitorService fits). */
export interface FleetMonitors {
  readonly onDidBatch: Event<OrderUpdatesBatch>;
  readonly onDidChangeConnection: Event<ConnectionView>;
  isRunning(accountId: string): boolean;
  connection(accountId: string): ConnectionView;
}

/**
 * A better source for one figure than what the stream shows (the exchange's user-score for
 * points, a session probe for health). `of` returns null while it knows nothing for the
 * account; `onDidChange` names the account whose figure changed.
 */
export interface FleetSource<T> {
  of(accountId: string): T | null;
  readonly onDidChange: Event<string>;
}

export interface FleetAccount {
  id: string;
  label: string;
  environment: AccountEnvironment;
}

interface Entry {
  account: FleetAccount;
  row: FleetRowState;
}

/**
 * Every account's row for the fleet view and `alpha-monitor fleet`, kept from the monitors'
 * own connection views and batches. Changes are collected and sent as one `FleetUpdate` of
 * the rows that changed, at most every `throttleMs`: 200 busy accounts make 2 events a
 * second, not 200 streams.
 */
export class FleetService implements Disposable {
  private readonly store = new DisposableStore();
  private readonly entries = new Map<string, Entry>();
  private readonly dirty = new Set<string>();
  private readonly removed = new Set<string>();
  /** What was sent of each row last, to send only real changes. */
  private readonly lastSent = new Map<string, string>();
  private timer: Disposable | undefined;
  private readonly changed = this.store.add(
    new Emitter<FleetUpdate>({ name: 'fleet-service.change' }),
  );
  readonly onDidChange: Event<FleetUpdate> = this.changed.event;

  constructor(
    private readonly deps: {
      clock: Clock;
      monitors: FleetMonitors;
      points?: FleetSource<FleetPoints>;
      sessionHealth?: FleetSource<FleetSessionHealth>;
      throttleMs?: number;
    },
  ) {
    const { monitors } = deps;
    this.store.add(
      monitors.onDidChangeConnection((view) => {
        const entry = this.entries.get(view.accountId);
        if (!entry) return;
        entry.row.applyConnection(view, deps.clock.now());
        this.markDirty(view.accountId);
      }),
    );
    this.store.add(
      monitors.onDidBatch((batch) => {
        const entry = this.entries.get(batch.accountId);
        if (!entry) return;
        entry.row.applyBatch(batch);
        this.markDirty(batch.accountId);
      }),
    );
    for (const source of [deps.points, deps.sessionHealth])
      if (source) this.store.add(source.onDidChange((id) => this.markDirty(id)));
  }

  /** The accounts there are now: new ones are added, missing ones removed, labels updated. */
  setAccounts(accounts: readonly FleetAccount[]): void {
    const ids = new Set(accounts.map((a) => a.id));
    for (const id of this.entries.keys()) {
      if (ids.has(id)) continue;
      this.entries.delete(id);
      this.dirty.delete(id);
      this.removed.add(id);
      this.schedule();
    }
    for (const account of accounts) {
      const entry = this.entries.get(account.id);
      if (entry) {
        if (entry.account.label !== account.label) this.markDirty(account.id);
        entry.account = account;
        continue;
      }
      const row = new FleetRowState();
      row.applyConnection(this.deps.monitors.connection(account.id), this.deps.clock.now());
      this.entries.set(account.id, { account, row });
      this.removed.delete(account.id);
      this.markDirty(account.id);
    }
  }

  /** Every row now. */
  snapshot(): FleetSnapshot {
    const atMs = this.deps.clock.now();
    return { atMs, rows: [...this.entries.keys()].map((id) => this.rowView(id, atMs)!) };
  }

  /** A change starts the throttle window; sends what changed now (e.g. before exiting). */
  flush(): void {
    this.timer?.dispose();
    this.timer = undefined;
    if (this.dirty.size === 0 && this.removed.size === 0) return;
    const atMs = this.deps.clock.now();
    // A row is sent only when it differs from what was sent last (a key refresh changes nothing shown).
    const rows = [...this.dirty].flatMap((id) => {
      const view = this.rowView(id, atMs);
      if (!view) return [];
      const text = JSON.stringify(view);
      if (this.lastSent.get(id) === text) return [];
      this.lastSent.set(id, text);
      return [view];
    });
    for (const id of this.removed) this.lastSent.delete(id);
    const update: FleetUpdate = { atMs, rows, removedAccountIds: [...this.removed] };
    this.dirty.clear();
    this.removed.clear();
    if (rows.length > 0 || update.removedAccountIds.length > 0) this.changed.fire(update);
  }

  dispose(): void {
    this.timer?.dispose();
    this.timer = undefined;
    this.store.dispose();
  }

  private markDirty(accountId: string): void {
    if (!this.entries.has(accountId)) return;
    this.dirty.add(accountId);
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= this.deps.clock.setTimeout(
      () => this.flush(),
      this.deps.throttleMs ?? FLEET_THROTTLE_MS,
    );
  }

  private rowView(accountId: string, nowMs: number): FleetRowView | null {
    const entry = this.entries.get(accountId);
    if (!entry) return null;
    const { account, row } = entry;
    return {
      accountId,
      label: account.label,
      environment: account.environment,
      state: row.state,
      problemCode: row.problemCode,
      running: this.deps.monitors.isRunning(accountId),
      points: this.deps.points?.of(accountId) ?? row.points(nowMs),
      openOrders: row.openOrders,
      statusUnknown: row.statusUnknown,
      lastFill: row.lastFill,
      missedByStream: row.missedByStream,
      fillsNotRecovered: row.fillsNotRecovered,
      sessionHealth: this.deps.sessionHealth?.of(accountId) ?? row.sessionHealth(),
      updates: row.updates,
    };
  }
}
