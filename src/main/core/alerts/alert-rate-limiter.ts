import type { AlertKind } from '../../../shared/alerts/alert-settings.ts';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import type { Clock } from '../ports/clock.ts';
import type { AlertEvent, AlertGroup } from './alert-event.ts';

/** One message per event kind per account per this window. */
export const DEFAULT_RATE_WINDOW_MS = 60_000;
/** Fills wait this long for the rest of their burst before the first message goes. */
export const DEFAULT_FILL_GROUP_MS = 5_000;

interface Slot {
  lastSentMs: number | null;
  pending: AlertEvent[] | null;
  timer: Disposable | null;
}

/**
 * The rate limit: at most one group per (kind, account) per `windowMs`. An event that comes
 * while its slot is closed waits, and everything that waited goes out merged as one group
 * when the window ends ("3 fills on acct1: ..."). Kinds with a group window (fills) always
 * wait that long first, so a burst is one message. `test` is never limited.
 */
export class AlertRateLimiter implements Disposable {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly deps: {
      clock: Clock;
      emit: (group: AlertGroup) => void;
      windowMs?: number;
      groupWindowMs?: (kind: AlertKind) => number;
    },
  ) {}

  private get windowMs(): number {
    return this.deps.windowMs ?? DEFAULT_RATE_WINDOW_MS;
  }

  push(event: AlertEvent): void {
    if (event.kind === 'test') {
      this.deps.emit({ kind: 'test', accountId: null, events: [event] });
      return;
    }
    const key = `${event.kind}\u0000${event.accountId ?? ''}`;
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, (slot = { lastSentMs: null, pending: null, timer: null }));
    if (slot.pending) {
      slot.pending.push(event);
      return;
    }
    const now = this.deps.clock.now();
    const groupMs = this.deps.groupWindowMs?.(event.kind) ?? defaultGroupWindowMs(event.kind);
    const openAtMs = slot.lastSentMs === null ? now : slot.lastSentMs + this.windowMs;
    const dueMs = Math.max(now + groupMs, openAtMs);
    if (dueMs <= now) {
      this.send(slot, event.kind, event.accountId, [event]);
      return;
    }
    slot.pending = [event];
    const waiting = slot;
    slot.timer = this.deps.clock.setTimeout(
      () => this.release(waiting, event.kind, event.accountId),
      dueMs - now,
    );
  }

  /** Sends everything that waits now, whatever the limit (before the process exits). */
  flush(): void {
    for (const [key, slot] of this.slots) {
      const first = slot.pending?.[0];
      if (first) this.release(slot, first.kind, first.accountId);
      else if (slot.lastSentMs === null) this.slots.delete(key);
    }
  }

  private release(slot: Slot, kind: AlertKind, accountId: string | null): void {
    const events = slot.pending;
    slot.timer?.dispose();
    slot.timer = null;
    slot.pending = null;
    if (events && events.length > 0) this.send(slot, kind, accountId, events);
  }

  private send(slot: Slot, kind: AlertKind, accountId: string | null, events: AlertEvent[]) {
    slot.lastSentMs = this.deps.clock.now();
    this.deps.emit({ kind, accountId, events });
  }

  dispose(): void {
    for (const slot of this.slots.values()) slot.timer?.dispose();
    this.slots.clear();
  }
}

function defaultGroupWindowMs(kind: AlertKind): number {
  return kind === 'fill' ? DEFAULT_FILL_GROUP_MS : 0;
}
