import { randomUUID } from 'node:crypto';
import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import type { NoticeView, Settings } from '../../shared/ipc/views-app.ts';
import type { OrderUpdateView } from '../../shared/ipc/views-monitor.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Problem } from '../../shared/reasons/reason.ts';
import { describeReason } from '../../shared/reasons/reason-text.ts';
import { notificationTexts } from './notification-messages.ts';

/** A burst of fills within this window becomes one notice ("5 orders filled"). */
export const DEFAULT_GROUP_WINDOW_MS = 3_000;

export interface NotificationSink {
  /** Called with each notice once its group closes. */
  notify(notice: NoticeView): void;
}

/**
 * Turns order updates and session failures into notices: FILLED (and, if enabled,
 * PARTIALLY_FILLED) fills are grouped per account over `groupWindowMs`, so a burst is one
 * notice and at most one fill notice per account and kind goes out per window. Failures
 * (session expired, verification needed) are shown at once, once per failure. Every notice is
 * written in the UI language of the moment it goes out (`settings().language`).
 */
export class NotificationService implements Disposable {
  private readonly pending = new Map<
    string,
    { orderIds: Set<string>; symbols: Set<string>; timer: Disposable }
  >();

  constructor(
    private readonly clock: Clock,
    private readonly settings: () => Settings,
    private readonly sink: NotificationSink,
    private readonly accountLabel: (accountId: string) => string,
    private readonly groupWindowMs = DEFAULT_GROUP_WINDOW_MS,
  ) {}

  /**
   * An order's fill, said once: only an update that moved its order (`applied`) and counted a
   * fill. A late update never changes the order's status (a fill recovered below a later one,
   * whose order the notice of that later fill covered, would say "partially filled" of an
   * order that is filled), and one that counted nothing (the late frame of a fill a backfill
   * recovered) is no new fill.
   */
  onAcceptedUpdate(accountId: string, view: OrderUpdateView): void {
    const { update, verdict } = view;
    if (update.executionType !== 'TRADE') return;
    if (verdict.outcome !== 'applied' || verdict.counted === null) return;
    const settings = this.settings();
    let kind: 'fills' | 'partial-fills';
    if (update.status === 'FILLED' && settings.notifyOnFill) kind = 'fills';
    else if (update.status === 'PARTIALLY_FILLED' && settings.notifyOnPartialFill)
      kind = 'partial-fills';
    else return;
    const key = `${accountId}\u0000${kind}`;
    const group = this.pending.get(key);
    if (group) {
      group.orderIds.add(update.orderId);
      group.symbols.add(update.symbol);
      return;
    }
    this.pending.set(key, {
      orderIds: new Set([update.orderId]),
      symbols: new Set([update.symbol]),
      timer: this.clock.setTimeout(() => this.close(accountId, kind, key), this.groupWindowMs),
    });
  }

  private close(accountId: string, kind: 'fills' | 'partial-fills', key: string): void {
    const group = this.pending.get(key);
    if (!group) return;
    this.pending.delete(key);
    const n = group.orderIds.size;
    const texts = this.texts();
    const title = kind === 'fills' ? texts.filled(n) : texts.partiallyFilled(n);
    this.sink.notify({
      id: randomUUID(),
      kind,
      title,
      body: `${this.accountLabel(accountId)}: ${[...group.symbols].join(', ')}`,
      accountId,
      orderId: group.orderIds.values().next().value ?? null,
      atMs: this.clock.now(),
    });
  }

  onSessionFailure(accountId: string, problem: Problem): void {
    const settings = this.settings();
    if (!settings.notifyOnSessionFailure) return;
    const texts = notificationTexts(settings.language);
    const account = this.accountLabel(accountId);
    // A journal problem is no failure of monitoring: it goes on, and the title must not say otherwise.
    const journal = problem.code.startsWith('JOURNAL_');
    this.sink.notify({
      id: randomUUID(),
      kind: journal ? 'journal' : 'session-failure',
      title: journal ? texts.journal(account) : texts.monitoringStopped(account),
      body: describeReason(settings.language, problem.reason),
      accountId,
      orderId: null,
      atMs: this.clock.now(),
    });
  }

  /**
   * A strategy stopped at once because the account needs the user (verification, risk
   * challenge, balance): always said, whatever the fill settings, with what to do (by code, in
   * the UI language).
   */
  onStrategyStopped(accountId: string, code: string): void {
    const texts = this.texts();
    this.sink.notify({
      id: randomUUID(),
      kind: 'strategy-stopped',
      title: texts.strategyStopped(this.accountLabel(accountId), code),
      body: texts.strategyStopAdvice(code),
      accountId,
      orderId: null,
      atMs: this.clock.now(),
    });
  }

  private texts() {
    return notificationTexts(this.settings().language);
  }

  dispose(): void {
    for (const group of this.pending.values()) group.timer.dispose();
    this.pending.clear();
  }
}
