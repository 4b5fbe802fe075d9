import { Emitter, type Event } from '../../../shared/event/emitter.ts';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import { rememberListenKey } from '../../../shared/secrets/listen-key-registry.ts';
import { maskListenKey } from '../../../shared/secrets/mask.ts';
import type { Clock } from '../ports/clock.ts';
import { nullLogger, type Logger } from '../ports/logger.ts';
import { isFatalAuthError } from '../rest/alpha-api-error.ts';

/** Where keys come from (AlphaRestClient fits). */
export interface ListenKeyApi {
  getListenKey(options?: { signal?: AbortSignal }): Promise<string>;
}

/** A successful scheduled re-POST. */
export interface ListenKeyRefresh {
  previousKey: string;
  key: string;
  /** The server answered a different key. */
  changed: boolean;
  /**
   * The subscription should be renewed: the key changed, or an earlier refresh failed so the
   * old subscription may be dead even if the key is the same.
   */
  resubscribe: boolean;
  atMs: number;
}

export interface ListenKeyServiceOptions {
  api: ListenKeyApi;
  clock: Clock;
  /**
   * How often to re-POST get-listen-key. Default 30 min: the only call known to work
   * (ALPHA-PROTOCOL.md §2); no keepalive endpoint is confirmed, so re-POSTing well inside
   * the assumed 60-min lifetime is what keeps the key alive.
   */
  renewIntervalMs?: number;
  /** First retry after a failed refresh; doubles up to `renewIntervalMs`. Default 30 s. */
  retryDelayMs?: number;
  logger?: Logger;
}

export const DEFAULT_RENEW_INTERVAL_MS = 30 * 60_000;

/**
 * Obtains listen keys and keeps the current one alive on a schedule (injected clock).
 * Every `acquire()` is a fresh POST: a reconnect never reuses a key it did not just get.
 */
export class ListenKeyService implements Disposable {
  private readonly api: ListenKeyApi;
  private readonly clock: Clock;
  private readonly renewIntervalMs: number;
  private readonly retryDelayMs: number;
  private readonly logger: Logger;
  private currentKey: string | null = null;
  private timer: Disposable | null = null;
  private generation = 0;
  private failedRefreshes = 0;
  private disposed = false;

  private readonly refreshEmitter = new Emitter<ListenKeyRefresh>({ name: 'listen-key.refresh' });
  private readonly failEmitter = new Emitter<{ error: unknown; fatal: boolean }>({
    name: 'listen-key.fail',
  });

  /** A scheduled refresh succeeded. */
  readonly onDidRefresh: Event<ListenKeyRefresh> = this.refreshEmitter.event;
  /** A scheduled refresh failed; `fatal` means the session itself is dead. */
  readonly onDidFailRefresh: Event<{ error: unknown; fatal: boolean }> = this.failEmitter.event;

  constructor(options: ListenKeyServiceOptions) {
    this.api = options.api;
    this.clock = options.clock;
    this.renewIntervalMs = options.renewIntervalMs ?? DEFAULT_RENEW_INTERVAL_MS;
    this.retryDelayMs = Math.min(options.retryDelayMs ?? 30_000, this.renewIntervalMs);
    this.logger = options.logger ?? nullLogger;
  }

  /** The key last obtained, or null. Secret: mask before showing. */
  get current(): string | null {
    return this.currentKey;
  }

  /** POSTs for a fresh key, makes it current and restarts the renewal schedule. */
  async acquire(options?: { signal?: AbortSignal }): Promise<string> {
    const generation = ++this.generation;
    this.cancelTimer();
    const key = await this.api.getListenKey(options);
    // Any ListenKeyApi (not only AlphaRestClient): every key obtained is masked by value.
    rememberListenKey(key);
    if (this.disposed) return key;
    if (generation === this.generation) {
      this.currentKey = key;
      this.failedRefreshes = 0;
      this.schedule(this.renewIntervalMs);
    }
    this.logger.info('listen key obtained', { listenKey: maskListenKey(key) });
    return key;
  }

  /** Stops the schedule (the key is left to expire on the server). */
  stop(): void {
    this.generation++;
    this.cancelTimer();
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
    this.refreshEmitter.dispose();
    this.failEmitter.dispose();
  }

  private schedule(delayMs: number): void {
    this.cancelTimer();
    this.timer = this.clock.setTimeout(() => void this.refresh(), delayMs);
  }

  private cancelTimer(): void {
    this.timer?.dispose();
    this.timer = null;
  }

  private async refresh(): Promise<void> {
    const generation = this.generation;
    const previousKey = this.currentKey;
    if (previousKey === null) return;
    let key: string;
    try {
      key = await this.api.getListenKey();
    } catch (error) {
      if (this.disposed || generation !== this.generation) return;
      const fatal = isFatalAuthError(error);
      this.failedRefreshes++;
      this.logger.warn('listen key refresh failed', {
        fatal,
        attempt: this.failedRefreshes,
        code: (error as { code?: string }).code,
      });
      if (!fatal)
        this.schedule(
          Math.min(this.renewIntervalMs, this.retryDelayMs * 2 ** (this.failedRefreshes - 1)),
        );
      this.failEmitter.fire({ error, fatal });
      return;
    }
    rememberListenKey(key);
    if (this.disposed || generation !== this.generation) return;
    const afterFailure = this.failedRefreshes > 0;
    this.failedRefreshes = 0;
    this.currentKey = key;
    this.schedule(this.renewIntervalMs);
    const changed = key !== previousKey;
    this.logger.info('listen key refreshed', { listenKey: maskListenKey(key), changed });
    this.refreshEmitter.fire({
      previousKey,
      key,
      changed,
      resubscribe: changed || afterFailure,
      atMs: this.clock.now(),
    });
  }
}
