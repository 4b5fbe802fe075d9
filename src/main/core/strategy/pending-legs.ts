import type { OrderTracker } from './order-tracker.ts';
import { TERMINAL } from './order-tracker.ts';
import type { PendingLegRef } from './strategy-types.ts';
import { cancelAndConfirm, type TradeExecutorDeps } from './trade-executor.ts';

/** The pending SELLs a run left open, and those it cancelled at its end. */
export class PendingLegs {
  private readonly openLegs: PendingLegRef[] = [];
  private readonly canceledLegs: PendingLegRef[] = [];

  constructor(private readonly tracker: OrderTracker) {}

  /** Pending SELLs still open (after `settle`: still open when the run ended). */
  get open(): PendingLegRef[] {
    return [...this.openLegs];
  }

  /** Pending SELLs cancelled by `settle`. */
  get canceled(): PendingLegRef[] {
    return [...this.canceledLegs];
  }

  add(leg: PendingLegRef): void {
    this.openLegs.push(leg);
  }

  /**
   * At the end: pending SELLs that filled meanwhile are settled; the rest are reported, or
   * cancelled (and the cancel confirmed) when `cancel` is set.
   */
  async settle(executor: TradeExecutorDeps, cancel: boolean): Promise<void> {
    const stillOpen: PendingLegRef[] = [];
    for (const leg of this.openLegs) {
      const known = this.tracker.get(leg.orderId);
      if (known && TERMINAL.has(known.latest.status)) continue;
      stillOpen.push(leg);
    }
    this.openLegs.length = 0;
    this.openLegs.push(...stillOpen);
    if (!cancel || stillOpen.length === 0) return;
    for (const leg of stillOpen) {
      const end = await cancelAndConfirm(executor, leg.trade, leg.orderId, leg.symbol);
      if (end === 'CANCELED' || end === 'GONE') {
        this.canceledLegs.push(leg);
        this.openLegs.splice(this.openLegs.indexOf(leg), 1);
      } else if (end === 'FILLED') {
        this.openLegs.splice(this.openLegs.indexOf(leg), 1);
      }
    }
  }
}
