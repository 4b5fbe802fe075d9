import type { AlertKind, AlertSettings } from '../../../shared/alerts/alert-settings.ts';
import type { LanguageSetting } from '../../../shared/ipc/views-app.ts';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import type { AlertChannelResolver } from './alert-channels.ts';
import type { AlertEvent, AlertGroup } from './alert-event.ts';
import { buildAlertMessage } from './alert-message.ts';
import { AlertRateLimiter } from './alert-rate-limiter.ts';
import { formatAlertText } from './alert-text.ts';
import type { AlertChannelName } from './channels/alert-channel.ts';
import { AlertDeliveryError, DeliveryQueue, type DeliveryStats } from './delivery-queue.ts';

/** The outcome of one channel's test message. */
export interface AlertTestResult {
  channel: AlertChannelName;
  /** Where it went, safe to show (`https://hooks.example.com/…`, `chat 12345`), or null. */
  target: string | null;
  ok: boolean;
  /** Why not: an AlertDeliveryErrorCode. */
  code: string | null;
  /** Plain language, never a secret. */
  message: string | null;
}

interface Queued {
  group: AlertGroup;
  atMs: number;
}

/**
 * Alerts, end to end: sources `publish` events; the toggles filter them; the rate limit
 * merges them per kind and account; each enabled channel has its own outbox (retries with
 * backoff, bounded, never blocking the caller). Settings and secrets are read when a message
 * goes, so a change applies to the next one.
 */
export class AlertService implements Disposable {
  private readonly limiter: AlertRateLimiter;
  private readonly queues = new Map<AlertChannelName, DeliveryQueue<Queued>>();

  constructor(
    private readonly deps: {
      clock: Clock;
      logger: Logger;
      settings: () => AlertSettings;
      language: () => LanguageSetting;
      channels: AlertChannelResolver;
      accountLabel?: (accountId: string) => string;
      isDemoAccount?: (accountId: string) => boolean;
      rateWindowMs?: number;
      groupWindowMs?: (kind: AlertKind) => number;
      maxQueued?: number;
      backoff?: { baseMs: number; capMs: number; maxAttempts: number };
    },
  ) {
    this.limiter = new AlertRateLimiter({
      clock: deps.clock,
      windowMs: deps.rateWindowMs,
      groupWindowMs: deps.groupWindowMs,
      emit: (group) => this.dispatch(group),
    });
  }

  /** Takes an event from any source; never throws, never waits. */
  publish(event: AlertEvent): void {
    if (event.kind === 'test') return;
    const settings = this.deps.settings();
    if (!settings.events[event.kind]) return;
    if (
      event.kind === 'fill' &&
      !settings.demoFills &&
      event.accountId !== null &&
      this.deps.isDemoAccount?.(event.accountId)
    )
      return;
    if (this.deps.channels.enabled(settings).length === 0) return;
    this.limiter.push(event);
  }

  /** Delivery counts per channel that has sent (or tried to send) anything. */
  stats(): Partial<Record<AlertChannelName, DeliveryStats>> {
    return Object.fromEntries([...this.queues].map(([name, q]) => [name, { ...q.stats }]));
  }

  /**
   * Sends a test message now through every enabled channel (or those named), once each, no
   * retry, and says how each went.
   */
  async sendTest(only?: AlertChannelName[]): Promise<AlertTestResult[]> {
    const settings = this.deps.settings();
    const names = only ?? this.deps.channels.enabled(settings);
    const atMs = this.deps.clock.now();
    const group: AlertGroup = {
      kind: 'test',
      accountId: null,
      events: [{ kind: 'test', accountId: null, atMs }],
    };
    return Promise.all(
      names.map(async (name): Promise<AlertTestResult> => {
        try {
          const target = await this.deliver(name, { group, atMs }, 0);
          return { channel: name, target, ok: true, code: null, message: null };
        } catch (error) {
          const e = error as AlertDeliveryError;
          return {
            channel: name,
            target: null,
            ok: false,
            code: e.code ?? 'NETWORK',
            message: e.message,
          };
        }
      }),
    );
  }

  /**
   * Sends what the rate limit holds back, and waits (up to `timeoutMs`) for the outboxes to
   * empty: before a command-line run exits.
   */
  async flush(timeoutMs: number): Promise<boolean> {
    this.limiter.flush();
    const results = await Promise.all([...this.queues.values()].map((q) => q.idle(timeoutMs)));
    return results.every(Boolean);
  }

  private dispatch(group: AlertGroup): void {
    const atMs = this.deps.clock.now();
    for (const name of this.deps.channels.enabled(this.deps.settings()))
      this.queueOf(name).enqueue({ group, atMs });
  }

  private queueOf(name: AlertChannelName): DeliveryQueue<Queued> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new DeliveryQueue<Queued>({
        name,
        clock: this.deps.clock,
        logger: this.deps.logger,
        maxQueued: this.deps.maxQueued,
        backoff: this.deps.backoff,
        send: async (item, droppedBefore) => void (await this.deliver(name, item, droppedBefore)),
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Builds the message in the current language and sends it; returns the channel's target. */
  private async deliver(name: AlertChannelName, item: Queued, droppedBefore: number) {
    const settings = this.deps.settings();
    const channel = await this.deps.channels.resolve(name, settings);
    if ('missing' in channel)
      throw new AlertDeliveryError(
        `${channel.missing}_MISSING`,
        MISSING_MESSAGES[channel.missing],
        false,
      );
    const { group } = item;
    const label = group.accountId === null ? null : this.labelOf(group.accountId);
    const message = buildAlertMessage({
      group,
      accountLabel: label,
      text: formatAlertText(group, this.deps.language(), label ?? '', droppedBefore),
      atMs: item.atMs,
      droppedBefore,
      mask: { values: await this.deps.channels.secretValues() },
    });
    await channel.send(message);
    return channel.target;
  }

  private labelOf(accountId: string): string {
    return this.deps.accountLabel?.(accountId) ?? accountId;
  }

  dispose(): void {
    this.limiter.dispose();
    for (const queue of this.queues.values()) queue.dispose();
    this.queues.clear();
  }
}

const MISSING_MESSAGES: Record<'WEBHOOK_URL' | 'TELEGRAM_CHAT' | 'TELEGRAM_TOKEN', string> = {
  WEBHOOK_URL: 'no webhook URL is set',
  TELEGRAM_CHAT: 'no Telegram chat id is set',
  TELEGRAM_TOKEN: 'no Telegram bot token (ALPHA_MONITOR_TELEGRAM_BOT_TOKEN or the keychain)',
};
