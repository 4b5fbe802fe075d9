import type { AlertMessage } from '../alert-message.ts';

export type AlertChannelName = 'webhook' | 'telegram';

/** Somewhere a message can go. `send` rejects with an AlertDeliveryError. */
export interface AlertChannel {
  readonly name: AlertChannelName;
  /** Where it goes, safe to show (no token, no secret, no URL path). */
  readonly target: string;
  send(message: AlertMessage): Promise<void>;
}

export const DEFAULT_ALERT_TIMEOUT_MS = 10_000;
