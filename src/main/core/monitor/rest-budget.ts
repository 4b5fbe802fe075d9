import type { Clock } from '../ports/clock.ts';

export interface RestBudgetOptions {
  clock: Clock;
  /** Least time between two private calls of the account. Default 300 ms (what tools pace at, ALPHA-PROTOCOL.md §9). */
  minSpacingMs?: number;
  /** Extra wait after a failed call; doubles per failure in a row, up to `maxBackoffMs`. Default 1 s. */
  backoffBaseMs?: number;
  /** Default 60 s. */
  maxBackoffMs?: number;
}

export const DEFAULT_REST_SPACING_MS = 300;

/**
 * One account's budget for private REST calls: calls run one at a time, at least
 * `minSpacingMs` apart, and after an error the next one waits longer (doubling) until a call
 * succeeds again. No source shows a rate-limit reply (§9), so the budget is what keeps a
 * reconciliation (open orders, pages of history, a user-trades call per order) from turning
 * into a burst.
 */
export class RestBudget {
  private readonly clock: Clock;
  private readonly minSpacingMs: number;
  private readonly backoffBaseMs: number;
  private readonly maxBackoffMs: number;
  private tail: Promise<void> = Promise.resolve();
  private lastCallEndedAtMs: number | null = null;
  private failuresInRow = 0;

  constructor(options: RestBudgetOptions) {
    this.clock = options.clock;
    this.minSpacingMs = options.minSpacingMs ?? DEFAULT_REST_SPACING_MS;
    this.backoffBaseMs = options.backoffBaseMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
  }

  /** Failed calls in a row so far (0 after a success). */
  get failures(): number {
    return this.failuresInRow;
  }

  /** Runs `call` when the budget allows; its result or error is passed through. */
  run<T>(call: () => Promise<T>): Promise<T> {
    const result = this.tail.then(async () => {
      await this.waitForTurn();
      try {
        const value = await call();
        this.failuresInRow = 0;
        return value;
      } catch (error) {
        this.failuresInRow++;
        throw error;
      } finally {
        this.lastCallEndedAtMs = this.clock.now();
      }
    });
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** How long the next call must still wait (0 = now). */
  delayBeforeNextMs(): number {
    if (this.lastCallEndedAtMs === null) return 0;
    const backoff =
      this.failuresInRow === 0
        ? 0
        : Math.min(this.maxBackoffMs, this.backoffBaseMs * 2 ** (this.failuresInRow - 1));
    const dueMs = this.lastCallEndedAtMs + Math.max(this.minSpacingMs, backoff);
    return Math.max(0, dueMs - this.clock.now());
  }

  private async waitForTurn(): Promise<void> {
    const delayMs = this.delayBeforeNextMs();
    if (delayMs > 0) await new Promise<void>((resolve) => this.clock.setTimeout(resolve, delayMs));
  }
}

/**
 * `api` with its reconciliation calls going through `budget`. Methods are looked up by name, so
 * an AlphaRestClient's `getAllOrderHistory` pages through the budgeted `getOrderHistory`; an
 * object without `getOrderHistory` gets its `getAllOrderHistory` budgeted as one call.
 * `getListenKey` stays outside: the stream's reconnect backoff paces it already, and queued
 * behind twenty pages of history it would hold a reconnect back for seconds.
 */
export function withRestBudget<T extends object>(api: T, budget: RestBudget): T {
  const wrapped = Object.create(api) as Record<string, unknown>;
  const source = api as Record<string, unknown>;
  const leaves = ['getOpenOrders', 'getOrderHistory', 'getUserTrades'];
  if (typeof source.getOrderHistory !== 'function') leaves.push('getAllOrderHistory');
  for (const name of leaves) {
    const method = source[name];
    if (typeof method !== 'function') continue;
    wrapped[name] = (...args: unknown[]) =>
      budget.run(() => (method as (...a: unknown[]) => Promise<unknown>).apply(api, args));
  }
  return wrapped as T;
}
