import { randomBytes } from 'node:crypto';
import type { Clock } from '../core/ports/clock.ts';
import type { Disposable } from '../../shared/lifecycle/disposable.ts';
import { Emitter } from '../../shared/event/emitter.ts';

/**
 * What a POST to get-listen-key does while the account already has a live key. The real
 * behaviour is unknown (ALPHA-PROTOCOL.md §2): Spot returns the same key and extends it,
 * NAT guesses that a POST invalidates the old key. Both are offered.
 */
export type ListenKeyRepost = 'extend' | 'rotate';

export interface ListenKeyOptions {
  lifetimeMs: number;
  repost: ListenKeyRepost;
}

interface ListenKeyRecord {
  readonly key: string;
  readonly userId: string;
  expiresAtMs: number;
  timer: Disposable | undefined;
}

/** Why a key stopped: its lifetime ran out, a rotation replaced it, or a fault expired it. */
export type ListenKeyEndReason = 'lifetime' | 'rotated' | 'fault';

/** Listen keys: 32 lowercase hex chars, one live key per account, each with a lifetime. */
export class ListenKeyRegistry implements Disposable {
  private readonly live = new Map<string, ListenKeyRecord>();
  private readonly onDidExpireEmitter = new Emitter<{
    key: string;
    userId: string;
    reason: ListenKeyEndReason;
  }>({ name: 'sim-listen-keys.expire' });
  /** A key stopped receiving pushes. */
  readonly onDidExpire = this.onDidExpireEmitter.event;

  constructor(
    private readonly clock: Clock,
    private readonly options: ListenKeyOptions,
  ) {}

  /** The answer to a get-listen-key POST for this account. */
  obtain(userId: string): string {
    const current = this.liveKeyOf(userId);
    if (current && this.options.repost === 'extend') {
      this.arm(current);
      return current.key;
    }
    if (current) this.end(current.key, 'rotated');
    const record: ListenKeyRecord = {
      key: randomBytes(16).toString('hex'),
      userId,
      expiresAtMs: 0,
      timer: undefined,
    };
    this.live.set(record.key, record);
    this.arm(record);
    return record.key;
  }

  /** The owner of a live key, or undefined when the key is unknown or has ended. */
  ownerOf(key: string): string | undefined {
    return this.live.get(key)?.userId;
  }

  /** The account's live key, if any. */
  keyOf(userId: string): string | undefined {
    return this.liveKeyOf(userId)?.key;
  }

  /** Ends a key now. Returns false when it was not live. */
  expire(key: string): boolean {
    if (!this.live.has(key)) return false;
    this.end(key, 'fault');
    return true;
  }

  /**
   * Ends a key without a word (no listenKeyExpired, whatever the options say): the next POST
   * hands out a new key, while sockets subscribed to the old one stay open and hear nothing.
   */
  retire(key: string): boolean {
    const record = this.live.get(key);
    if (!record) return false;
    record.timer?.dispose();
    this.live.delete(key);
    return true;
  }

  /** Every live key. */
  keys(): string[] {
    return [...this.live.keys()];
  }

  dispose(): void {
    for (const record of this.live.values()) record.timer?.dispose();
    this.live.clear();
    this.onDidExpireEmitter.dispose();
  }

  private liveKeyOf(userId: string): ListenKeyRecord | undefined {
    for (const record of this.live.values()) if (record.userId === userId) return record;
    return undefined;
  }

  private arm(record: ListenKeyRecord): void {
    record.timer?.dispose();
    record.expiresAtMs = this.clock.now() + this.options.lifetimeMs;
    record.timer = this.clock.setTimeout(
      () => this.end(record.key, 'lifetime'),
      this.options.lifetimeMs,
    );
  }

  private end(key: string, reason: ListenKeyEndReason): void {
    const record = this.live.get(key);
    if (!record) return;
    record.timer?.dispose();
    this.live.delete(key);
    this.onDidExpireEmitter.fire({ key, userId: record.userId, reason });
  }
}
