import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { DemoActivity } from './demo-activity.ts';

/**
 * Demo activity on many accounts at once (a simulated fleet for the fleet view, its e2e test
 * and the bench): one generator per account, created on first use and kept for restarts.
 * Their starts are spread over one interval, so the fleet trades as a steady trickle rather
 * than every account in the same instant.
 */
export class FleetActivity implements Disposable {
  private readonly activities = new Map<string, DemoActivity>();
  private readonly pendingStarts = new Map<string, Disposable>();

  constructor(
    private readonly clock: Clock,
    private readonly create: (userId: string, index: number) => DemoActivity,
  ) {}

  get running(): boolean {
    return this.pendingStarts.size > 0 || [...this.activities.values()].some((a) => a.running);
  }

  start(userId: string, ordersPerMinute: number): void {
    let activity = this.activities.get(userId);
    if (!activity) {
      activity = this.create(userId, this.activities.size);
      this.activities.set(userId, activity);
    }
    const index = [...this.activities.keys()].indexOf(userId);
    const intervalMs = 60_000 / ordersPerMinute;
    // A golden-ratio spread: any number of accounts lands evenly over the interval.
    const offsetMs = Math.floor(((index * 0.618033988749895) % 1) * intervalMs);
    this.pendingStarts.get(userId)?.dispose();
    const started = activity;
    this.pendingStarts.set(
      userId,
      this.clock.setTimeout(() => {
        this.pendingStarts.delete(userId);
        started.start(ordersPerMinute);
      }, offsetMs),
    );
  }

  stop(): void {
    for (const pending of this.pendingStarts.values()) pending.dispose();
    this.pendingStarts.clear();
    for (const activity of this.activities.values()) activity.stop();
  }

  dispose(): void {
    this.stop();
    for (const activity of this.activities.values()) activity.dispose();
    this.activities.clear();
  }
}
