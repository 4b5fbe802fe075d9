import type { AlertKind } from '../../../shared/alerts/alert-settings.ts';

/**
 * Something worth a message on a phone. A new source adds a member here (and its lines in
 * alert-text.ts); everything else (toggles, rate limit, merging, delivery) is by `kind`.
 * Fields are codes, ids and decimal strings, never a secret or an exchange's prose.
 */
export type AlertEvent =
  | (AlertBase & {
      kind: 'fill';
      orderId: string;
      symbol: string;
      side: string;
      /** Quantity of this fill, decimal string. */
      quantity: string;
      price: string;
      /** `FILLED` or `PARTIALLY_FILLED`. */
      status: string;
    })
  | (AlertBase & {
      kind: 'strategy-finished';
      /** The run's outcome code, e.g. `target-reached`, `stopped`. */
      outcome: string;
      doneVolumeUsdt: string;
      targetVolumeUsdt: string;
      trades: number;
    })
  | (AlertBase & {
      kind: 'strategy-paused';
      /** Why it stopped before its target, e.g. `MAX_LOSS`, `SESSION_EXPIRED`. */
      reasonCode: string;
      doneVolumeUsdt: string;
      targetVolumeUsdt: string;
    })
  | (AlertBase & {
      kind: 'wear-limit';
      /** Which limit stopped the run: `MAX_WEAR_TRADE`, `MAX_WEAR_RUN` or `MAX_LOSS`. */
      reasonCode: string;
      /** The run's wear so far (fees + loss against the mid price), USDT. */
      wearUsdt: string;
      /** Wear in bps of the counted volume, when known. */
      wearBps: string | null;
      doneVolumeUsdt: string;
      targetVolumeUsdt: string;
    })
  | (AlertBase & { kind: 'session-expired' })
  | (AlertBase & { kind: 'verification-needed' })
  | (AlertBase & {
      kind: 'missed-updates';
      /** Updates the stream never delivered, recovered over REST. */
      missed: number;
    })
  | (AlertBase & {
      kind: 'account-down';
      /** How long it has not been live, ms. */
      downForMs: number;
      /** Its state now, e.g. `reconnecting`, `failed`. */
      state: string;
    })
  | (AlertBase & { kind: 'test'; accountId: null });

interface AlertBase {
  kind: AlertKind;
  /** The account it is about; null only for a test message. */
  accountId: string | null;
  atMs: number;
}

/** The member of {@link AlertEvent} with this kind. */
export type AlertEventOf<K extends AlertKind> = Extract<AlertEvent, { kind: K }>;

/**
 * One message: the events of one kind and account that the rate limit let through at once
 * (one, or several merged: "3 fills on acct1: ...").
 */
export interface AlertGroup {
  kind: AlertKind;
  accountId: string | null;
  events: AlertEvent[];
}
