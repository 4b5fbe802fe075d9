import { Emitter, type Event } from '../../shared/event/emitter.ts';
import type { AsyncDisposable, Disposable } from '../../shared/lifecycle/disposable.ts';
import type { OrderUpdateView } from '../../shared/ipc/views-monitor.ts';
import type { PointsView } from '../../shared/ipc/views-points.ts';
import {
  PointsService,
  pointsTarget,
  wearFillOfUpdate,
  type DailySummaryRow,
  type PointsRestPort,
  type PointsSnapshot,
} from '../core/points/index.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';
import { createAccountRest } from '../core/session/index.ts';
import { appError, problemOf } from './app-error.ts';
import { IpcServiceError } from '../../shared/ipc/result.ts';
import type { AccountConnection } from './ports.ts';

/** How often user-score is read again while an account's monitor runs (fills are projected between). */
export const POINTS_REFRESH_INTERVAL_MS = 60_000;

interface AccountPoints {
  service: PointsService;
  timer: Disposable;
  subscription: Disposable;
  view: PointsView;
  reading: Promise<void> | null;
}

export interface PointsAppServiceDeps {
  clock: Clock;
  logger: Logger;
  /** The daily volume-points target (the `dailyPointsTarget` setting). */
  targetPoints: () => number;
  refreshIntervalMs?: number;
  /** Default: an AlphaRestClient on the account's connection. */
  createRest?: (connection: AccountConnection) => PointsRestPort;
}

/**
 * The points card's data for every account whose monitor runs: one engine PointsService each,
 * read at start and every minute, fed the account's fills in between (projected with the live
 * mulPoint), published as `PointsView`s. A stopped account keeps its last view, marked stopped.
 */
export class PointsAppService implements AsyncDisposable {
  private readonly accounts = new Map<string, AccountPoints>();
  private readonly stoppedViews = new Map<string, PointsView>();
  private readonly changed = new Emitter<PointsView>({ name: 'points-app-service.change' });
  /** One account's points changed (a read, a fill, a failure, a new target, a stop). */
  readonly onDidChange: Event<PointsView> = this.changed.event;

  constructor(private readonly deps: PointsAppServiceDeps) {}

  /** Starts reading the account's points (a running one is left as it is). */
  start(connection: AccountConnection): PointsView {
    const { accountId } = connection;
    const existing = this.accounts.get(accountId);
    if (existing) return existing.view;
    const rest =
      this.deps.createRest?.(connection) ??
      createAccountRest({
        accountId,
        restUrl: connection.restUrl,
        credentials: connection.credentials,
        logger: this.deps.logger.child({ account: accountId, component: 'points' }),
      }).rest;
    const service = new PointsService({
      accountId,
      rest,
      clock: this.deps.clock,
      logger: this.deps.logger,
    });
    const previous = this.stoppedViews.get(accountId);
    this.stoppedViews.delete(accountId);
    const entry: AccountPoints = {
      service,
      view: {
        accountId,
        state: 'loading',
        problem: null,
        snapshot: previous?.snapshot ?? null,
        target: previous?.target ?? null,
      },
      subscription: service.onDidChange((snapshot) => this.publish(entry, snapshot, null)),
      timer: this.deps.clock.setInterval(
        () => void this.read(entry),
        this.deps.refreshIntervalMs ?? POINTS_REFRESH_INTERVAL_MS,
      ),
      reading: null,
    };
    this.accounts.set(accountId, entry);
    this.changed.fire(entry.view);
    void this.read(entry);
    return entry.view;
  }

  /** Reads user-score now; resolves with the view after the read (failed or not). */
  async refresh(accountId: string): Promise<PointsView> {
    const entry = this.accounts.get(accountId);
    if (!entry) return this.view(accountId);
    await this.read(entry);
    return entry.view;
  }

  /** Feeds an accepted order update: the fill it adds (as the book counted it) joins today's projection. */
  onOrderUpdate(accountId: string, view: Pick<OrderUpdateView, 'update' | 'verdict'>): void {
    const entry = this.accounts.get(accountId);
    const counted = view.verdict.counted;
    if (!entry || !counted || !(Number(counted.base) > 0)) return;
    // Valued with the token's live mulPoint (the service's token list).
    entry.service.recordFill({ ...wearFillOfUpdate(view.update, counted, 1), mulPoint: undefined });
  }

  /** The target setting changed: every view gets its new progress. */
  retarget(): void {
    for (const entry of this.accounts.values()) {
      const snapshot = entry.service.snapshot();
      if (snapshot) this.publish(entry, snapshot, entry.view.problem);
    }
  }

  /** Stops reading; the last view stays, marked `stopped`. */
  stop(accountId: string): void {
    const entry = this.accounts.get(accountId);
    if (!entry) return;
    this.accounts.delete(accountId);
    entry.timer.dispose();
    entry.subscription.dispose();
    entry.service.dispose();
    const view: PointsView = { ...entry.view, state: 'stopped' };
    this.stoppedViews.set(accountId, view);
    this.changed.fire(view);
  }

  /** Forgets a removed account. */
  forget(accountId: string): void {
    this.stop(accountId);
    this.stoppedViews.delete(accountId);
  }

  view(accountId: string): PointsView {
    const entry = this.accounts.get(accountId);
    if (entry) return this.current(entry);
    return (
      this.stoppedViews.get(accountId) ?? {
        accountId,
        state: 'stopped',
        problem: null,
        snapshot: null,
        target: null,
      }
    );
  }

  views(): PointsView[] {
    const ids = new Set([...this.accounts.keys(), ...this.stoppedViews.keys()]);
    return [...ids].map((id) => this.view(id));
  }

  /** The live mulPoint per token (alphaId → mulPoint) as last read for the account; empty before. */
  mulPoints(accountId: string): Record<string, number> {
    return this.accounts.get(accountId)?.service.mulPoints() ?? {};
  }

  /** The per-day summary of a running account (read first, so it is current). */
  async dailySummary(accountId: string): Promise<DailySummaryRow[]> {
    const entry = this.accounts.get(accountId);
    if (!entry)
      throw appError(
        'POINTS_NOT_RUNNING',
        'Start the account’s monitor first: the summary is read from the exchange.',
      );
    await this.read(entry);
    const problem = entry.view.state === 'failed' ? entry.view.problem : null;
    if (problem) throw new IpcServiceError(problem.code, problem.message, problem.params);
    return entry.service.dailySummary();
  }

  /**
   * Stops every account and waits for reads still running, so a demo exchange disposed after
   * this service does not close under them (a spurious "points read failed" at shutdown).
   */
  async dispose(): Promise<void> {
    const reading = [...this.accounts.values()].flatMap((e) => (e.reading ? [e.reading] : []));
    for (const id of [...this.accounts.keys()]) this.stop(id);
    this.changed.dispose();
    await Promise.allSettled(reading);
  }

  /** The view recomputed for now (time left, a new UTC day). */
  private current(entry: AccountPoints): PointsView {
    const snapshot = entry.service.snapshot();
    if (!snapshot) return entry.view;
    return { ...entry.view, snapshot, target: pointsTarget(snapshot, this.deps.targetPoints()) };
  }

  /** One read at a time per account; a second caller waits for the running one. */
  private read(entry: AccountPoints): Promise<void> {
    entry.reading ??= entry.service
      .refresh()
      .then(
        () => undefined,
        (error: unknown) => {
          const problem = problemOf(error, 'POINTS_READ_FAILED');
          this.deps.logger.warn('points read failed', {
            accountId: entry.view.accountId,
            code: problem.code,
          });
          entry.view = { ...entry.view, state: 'failed', problem };
          if (this.accounts.get(entry.view.accountId) === entry) this.changed.fire(entry.view);
        },
      )
      .finally(() => {
        entry.reading = null;
      });
    return entry.reading;
  }

  private publish(entry: AccountPoints, snapshot: PointsSnapshot, problem: PointsView['problem']) {
    entry.view = {
      accountId: entry.view.accountId,
      state: 'ready',
      problem,
      snapshot,
      target: pointsTarget(snapshot, this.deps.targetPoints()),
    };
    if (this.accounts.get(entry.view.accountId) === entry) this.changed.fire(entry.view);
  }
}
