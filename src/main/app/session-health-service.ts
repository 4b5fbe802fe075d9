import { assertNever } from '../../shared/assert-never.ts';
import { Emitter, type Event } from '../../shared/event/emitter.ts';
import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import type {
  SessionHealthReason,
  SessionHealthStatus,
  SessionHealthView,
} from '../../shared/ipc/views-app.ts';
import type { VerificationOutcome } from '../core/accounts/index.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';

/** Default time between two probes of one account. */
export const SESSION_PROBE_INTERVAL_MS = 60 * 60_000;
/** How often the service looks at its clock; a much longer gap means the machine slept. */
export const SESSION_PROBE_TICK_MS = 60_000;
/** A tick this much later than due means a wake-up or a clock jump: probe everyone now. */
export const CLOCK_JUMP_THRESHOLD_MS = 2 * 60_000;

export interface SessionHealthDeps {
  clock: Clock;
  logger: Logger;
  /** The accounts to probe (stored sessions; not the demo, whose session cannot rot). */
  accountIds(): Promise<string[]>;
  /** One light check of an account's session (a listen-key request); never throws for an answer. */
  probe(accountId: string): Promise<VerificationOutcome>;
  intervalMs?: number;
  tickMs?: number;
}

interface Entry {
  outcome: VerificationOutcome | null;
  checkedAtMs: number | null;
  nextCheckAtMs: number;
}

/**
 * Session health per account: a light probe every hour (and at once after a wake-up or a
 * clock jump), plus whatever else learnt the outcome (a verify, a monitor hitting
 * `100002001`). Marks a dying session before the stream or a strategy runs into it.
 */
export class SessionHealthService implements Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new Emitter<string>({ name: 'session-health.change' });
  private readonly intervalMs: number;
  private readonly tickMs: number;
  private lastTickMs: number;
  private tick: Disposable | undefined;
  private probing: Promise<void> | undefined;

  /** An account's health changed (its id). */
  readonly onDidChange: Event<string> = this.changed.event;

  constructor(private readonly deps: SessionHealthDeps) {
    this.intervalMs = deps.intervalMs ?? SESSION_PROBE_INTERVAL_MS;
    this.tickMs = deps.tickMs ?? SESSION_PROBE_TICK_MS;
    this.lastTickMs = deps.clock.now();
  }

  /** Starts the schedule; the first probe of each account is one interval after it is seen. */
  start(): void {
    this.tick ??= this.deps.clock.setInterval(() => void this.onTick(), this.tickMs);
  }

  /** The account's health, with the reasons its stored copy carries (from the paste check). */
  view(accountId: string, copyReasons: readonly SessionHealthReason[] = []): SessionHealthView {
    const entry = this.entries.get(accountId);
    const outcome = entry?.outcome ?? null;
    const reasons: SessionHealthReason[] = [...copyReasons];
    if (outcome !== null && outcome !== 'OK') reasons.unshift(outcome);
    return {
      status: statusOf(outcome, copyReasons.length > 0),
      reasons,
      checkedAtMs: entry?.checkedAtMs ?? null,
      nextCheckAtMs: entry?.nextCheckAtMs ?? null,
    };
  }

  /** Records an outcome learnt elsewhere (add, verify, a monitor's failure). */
  record(accountId: string, outcome: VerificationOutcome): void {
    const nowMs = this.deps.clock.now();
    this.entries.set(accountId, {
      outcome,
      checkedAtMs: nowMs,
      nextCheckAtMs: nowMs + this.intervalMs,
    });
    this.changed.fire(accountId);
  }

  /** The account is gone: no more probes. */
  forget(accountId: string): void {
    if (this.entries.delete(accountId)) this.changed.fire(accountId);
  }

  /** Probes every account that is due (all of them with `all`). Resolves when done. */
  async probeDue(all = false): Promise<void> {
    if (this.probing) return this.probing;
    this.probing = this.runProbes(all).finally(() => (this.probing = undefined));
    return this.probing;
  }

  dispose(): void {
    this.tick?.dispose();
    this.tick = undefined;
    this.changed.dispose();
  }

  private async onTick(): Promise<void> {
    const nowMs = this.deps.clock.now();
    const gapMs = nowMs - this.lastTickMs;
    this.lastTickMs = nowMs;
    // Much later than due (the machine slept) or backwards (the clock was set back).
    const woke = gapMs - this.tickMs > CLOCK_JUMP_THRESHOLD_MS || gapMs < 0;
    if (woke)
      this.deps.logger.info('session health: clock jumped (wake-up?), probing every account');
    await this.probeDue(woke);
  }

  private async runProbes(all: boolean): Promise<void> {
    const ids = await this.deps.accountIds();
    const nowMs = this.deps.clock.now();
    for (const id of [...this.entries.keys()]) if (!ids.includes(id)) this.forget(id);
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (!entry) {
        this.entries.set(id, {
          outcome: null,
          checkedAtMs: null,
          nextCheckAtMs: nowMs + this.intervalMs,
        });
        if (!all) continue;
      } else if (!all && entry.nextCheckAtMs > nowMs) continue;
      let outcome: VerificationOutcome;
      try {
        outcome = await this.deps.probe(id);
      } catch (error) {
        this.deps.logger.warn('session health: probe failed', {
          account: id,
          error: error instanceof Error ? error.name : String(error),
        });
        outcome = 'UNREACHABLE';
      }
      if (this.entries.has(id)) this.record(id, outcome);
    }
  }
}

function statusOf(outcome: VerificationOutcome | null, copyAtRisk: boolean): SessionHealthStatus {
  switch (outcome) {
    case null:
      return copyAtRisk ? 'at-risk' : 'unchecked';
    case 'OK':
      return copyAtRisk ? 'at-risk' : 'ok';
    case 'SESSION_EXPIRED':
    case 'REJECTED':
      return 'expired';
    case 'VERIFICATION_REQUIRED':
      return 'verification-required';
    case 'UNREACHABLE':
      return 'unreachable';
    default:
      return assertNever(outcome, 'VerificationOutcome');
  }
}
