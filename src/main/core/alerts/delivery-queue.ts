import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import { CodedError } from '../../../shared/errors/coded-error.ts';

/** Messages waiting per channel; beyond this the oldest is dropped (and counted in the next one). */
export const DEFAULT_MAX_QUEUED = 100;
export const DEFAULT_DELIVERY_BACKOFF = { baseMs: 2_000, capMs: 120_000, maxAttempts: 6 };

/**
 * Why a message did not go: `REFUSED` the receiver said no for good (4xx: a wrong token, chat
 * id or URL); `HTTP_ERROR` it failed in a way that may pass (5xx, 429); `*_MISSING` a setting
 * or secret the channel needs is not there.
 */
export type AlertDeliveryErrorCode =
  | 'HTTP_ERROR'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'REFUSED'
  | 'WEBHOOK_URL_MISSING'
  | 'TELEGRAM_CHAT_MISSING'
  | 'TELEGRAM_TOKEN_MISSING';

/** Thrown by a channel; `retryable: false` (a refused token, a bad chat id) gives up at once. */
export class AlertDeliveryError extends CodedError<AlertDeliveryErrorCode> {
  constructor(
    code: AlertDeliveryErrorCode,
    message: string,
    readonly retryable: boolean,
    /** The receiver said when to try again (Telegram's `retry_after`); waited for at least. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(code, message);
    this.name = 'AlertDeliveryError';
  }
}

/** How long to wait before attempt `attempt + 1` after `attempt` failures: base · 2^(attempt-1), capped. */
export function backoffDelayMs(attempt: number, backoff: { baseMs: number; capMs: number }) {
  return Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
}

export interface DeliveryStats {
  delivered: number;
  /** Attempts that failed and were tried again. */
  retries: number;
  /** Messages that never went: dropped from a full queue, or given up after the last attempt. */
  dropped: number;
  queued: number;
}

/**
 * One channel's outbox. `enqueue` never waits and never throws, so monitoring never waits
 * for a phone: a failed send is retried with exponential backoff on the injected clock, one
 * message at a time, in order. The queue is bounded (drop-oldest); whatever was lost is
 * counted, and the next message that goes out says how many (`droppedBefore`).
 */
export class DeliveryQueue<T> implements Disposable {
  private readonly items: T[] = [];
  private sending = false;
  private retryTimer: Disposable | null = null;
  private disposed = false;
  private droppedSinceLastDelivery = 0;
  private idleWaiters: Array<() => void> = [];
  readonly stats: DeliveryStats = { delivered: 0, retries: 0, dropped: 0, queued: 0 };

  constructor(
    private readonly deps: {
      name: string;
      clock: Clock;
      logger: Logger;
      send: (item: T, droppedBefore: number) => Promise<void>;
      maxQueued?: number;
      backoff?: { baseMs: number; capMs: number; maxAttempts: number };
    },
  ) {}

  enqueue(item: T): void {
    if (this.disposed) return;
    this.items.push(item);
    // The one being sent stays; the oldest waiting one goes.
    const max = Math.max(1, this.deps.maxQueued ?? DEFAULT_MAX_QUEUED);
    while (this.items.length > max + (this.sending ? 1 : 0)) {
      this.items.splice(this.sending ? 1 : 0, 1);
      this.countDropped('queue full');
    }
    this.stats.queued = this.items.length;
    if (!this.sending) void this.pump(1);
  }

  /** Resolves once nothing waits or is being sent, or after `timeoutMs` of the clock. */
  idle(timeoutMs: number): Promise<boolean> {
    if (!this.sending && this.items.length === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = this.deps.clock.setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        timer.dispose();
        resolve(true);
      };
      this.idleWaiters.push(done);
    });
  }

  private async pump(attempt: number): Promise<void> {
    const item = this.items[0];
    if (item === undefined || this.disposed) {
      this.sending = false;
      this.notifyIdle();
      return;
    }
    this.sending = true;
    const backoff = this.deps.backoff ?? DEFAULT_DELIVERY_BACKOFF;
    try {
      await this.deps.send(item, this.droppedSinceLastDelivery);
      this.items.shift();
      this.stats.delivered++;
      this.droppedSinceLastDelivery = 0;
      this.stats.queued = this.items.length;
      return this.pump(1);
    } catch (error) {
      if (this.disposed) return;
      const retryable = !(error instanceof AlertDeliveryError) || error.retryable;
      const code = error instanceof AlertDeliveryError ? error.code : 'NETWORK';
      if (!retryable || attempt >= backoff.maxAttempts) {
        this.deps.logger.warn('alert not delivered; giving up', {
          channel: this.deps.name,
          code,
          attempts: attempt,
          reason: (error as Error).message,
        });
        this.items.shift();
        this.countDropped('gave up');
        this.stats.queued = this.items.length;
        return this.pump(1);
      }
      const retryAfterMs = error instanceof AlertDeliveryError ? (error.retryAfterMs ?? 0) : 0;
      const delayMs = Math.max(backoffDelayMs(attempt, backoff), retryAfterMs);
      this.stats.retries++;
      this.deps.logger.info('alert delivery failed; retrying', {
        channel: this.deps.name,
        code,
        attempt,
        delayMs,
      });
      this.retryTimer = this.deps.clock.setTimeout(() => {
        this.retryTimer = null;
        void this.pump(attempt + 1);
      }, delayMs);
    }
  }

  private countDropped(why: string): void {
    this.stats.dropped++;
    this.droppedSinceLastDelivery++;
    this.deps.logger.warn('alert dropped', { channel: this.deps.name, why });
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  dispose(): void {
    this.disposed = true;
    this.retryTimer?.dispose();
    this.items.length = 0;
    this.notifyIdle();
  }
}
