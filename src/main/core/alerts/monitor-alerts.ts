import type { OrderStatus, OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { UpdateVerdict } from '../../../shared/domain/update-verdict.ts';
import type { SessionStateName } from '../../../shared/domain/session-state.ts';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import type { Clock } from '../ports/clock.ts';
import type { AlertEvent } from './alert-event.ts';

/** States in which an account is monitored but not live (the down timer runs). */
const DOWN_STATES: ReadonlySet<SessionStateName> = new Set([
  'connecting',
  'subscribing',
  'reconnecting',
  'failed',
]);

/**
 * Turns what a monitor reports into alert events, the same for the app and `watch`:
 * a session that failed as expired or needing verification, fills, updates the stream missed,
 * and an account that has not been live for `accountDownMs` (once per outage; a stop by the
 * user is no outage).
 */
export class MonitorAlerts implements Disposable {
  private readonly down = new Map<string, { sinceMs: number; timer: Disposable | null }>();
  private readonly lastState = new Map<string, SessionStateName>();

  constructor(
    private readonly deps: {
      clock: Clock;
      publish: (event: AlertEvent) => void;
      /** Read when an outage starts. */
      accountDownMs: () => number;
    },
  ) {}

  onState(accountId: string, state: SessionStateName, problemCode: string | null): void {
    const previous = this.lastState.get(accountId);
    this.lastState.set(accountId, state);
    const atMs = this.deps.clock.now();
    if (state === 'failed' && previous !== 'failed') {
      if (problemCode === 'SESSION_EXPIRED')
        this.deps.publish({ kind: 'session-expired', accountId, atMs });
      else if (problemCode === 'VERIFICATION_REQUIRED')
        this.deps.publish({ kind: 'verification-needed', accountId, atMs });
    }
    if (!DOWN_STATES.has(state)) {
      this.clearDown(accountId);
      return;
    }
    // Connecting at start counts too: a monitor that never gets live is down as well. The
    // outage runs from the first state that is not live until the next live.
    if (this.down.has(accountId)) return;
    const sinceMs = atMs;
    const timer = this.deps.clock.setTimeout(() => {
      const entry = this.down.get(accountId);
      if (!entry) return;
      entry.timer = null;
      this.deps.publish({
        kind: 'account-down',
        accountId,
        atMs: this.deps.clock.now(),
        downForMs: this.deps.clock.now() - sinceMs,
        state: this.lastState.get(accountId) ?? state,
      });
    }, this.deps.accountDownMs());
    this.down.set(accountId, { sinceMs, timer });
  }

  /**
   * A fill as the order book counted it: an update that counted nothing (a late frame of a
   * fill a backfill recovered, a repeat) is no fill, and the quantity is the part counted.
   * `orderStatus` is the book's status of the order now, where the caller has it: a fill
   * recovered below a later one of an order that is FILLED by now says FILLED, not the
   * partial status its own update carries.
   */
  onUpdate(
    accountId: string,
    update: OrderUpdate,
    verdict: UpdateVerdict,
    orderStatus?: OrderStatus,
  ): void {
    if (update.executionType !== 'TRADE' || verdict.counted === null) return;
    this.deps.publish({
      kind: 'fill',
      accountId,
      atMs: this.deps.clock.now(),
      orderId: update.orderId,
      symbol: update.symbol,
      side: update.side,
      quantity: verdict.counted.base,
      price: update.lastFilledPrice,
      status: orderStatus ?? update.status,
    });
  }

  onReconcile(accountId: string, missedByStream: number): void {
    if (missedByStream <= 0) return;
    this.deps.publish({
      kind: 'missed-updates',
      accountId,
      atMs: this.deps.clock.now(),
      missed: missedByStream,
    });
  }

  /** The account's monitor is gone (stopped, removed): no outage to report. */
  forget(accountId: string): void {
    this.clearDown(accountId);
    this.lastState.delete(accountId);
  }

  private clearDown(accountId: string): void {
    this.down.get(accountId)?.timer?.dispose();
    this.down.delete(accountId);
  }

  dispose(): void {
    for (const accountId of [...this.down.keys()]) this.clearDown(accountId);
    this.lastState.clear();
  }
}
