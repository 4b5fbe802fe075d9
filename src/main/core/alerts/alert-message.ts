import { randomUUID } from 'node:crypto';
import type { AlertKind } from '../../../shared/alerts/alert-settings.ts';
import { maskKnownListenKeys } from '../../../shared/secrets/listen-key-registry.ts';
import { redactSecrets } from '../../../shared/secrets/mask.ts';
import type { AlertEvent, AlertGroup } from './alert-event.ts';

/** The webhook body's `schema` value; a change that breaks receivers gets a new number. */
export const ALERT_SCHEMA = 'alpha-monitor.alert/1';

/**
 * One message as it goes out: the webhook's JSON body, and `text` for Telegram (the README's
 * "Alerts" section documents every field).
 */
export interface AlertMessage {
  schema: typeof ALERT_SCHEMA;
  /** Unique per message (a receiver can drop a retried duplicate by it). */
  id: string;
  kind: AlertKind;
  accountId: string | null;
  accountLabel: string | null;
  /** When the message was made, ms since the epoch, and the same as ISO 8601. */
  atMs: number;
  at: string;
  /** Events merged into this message (1 unless the rate limit merged several). */
  count: number;
  /** The message for a person, in the app's language. */
  text: string;
  /** Each event's fields (codes, ids, decimal strings). */
  events: AlertEvent[];
  /** Alerts lost on this channel since its last delivered message. */
  droppedBefore: number;
}

/** What a message must never contain, verbatim (bot token, signing secret). */
export interface AlertSecretsToMask {
  values: string[];
}

export function buildAlertMessage(input: {
  group: AlertGroup;
  accountLabel: string | null;
  text: string;
  atMs: number;
  droppedBefore: number;
  mask: AlertSecretsToMask;
}): AlertMessage {
  const message: AlertMessage = {
    schema: ALERT_SCHEMA,
    id: randomUUID(),
    kind: input.group.kind,
    accountId: input.group.accountId,
    accountLabel: input.accountLabel,
    atMs: input.atMs,
    at: new Date(input.atMs).toISOString(),
    count: input.group.events.length,
    text: input.text,
    events: input.group.events,
    droppedBefore: input.droppedBefore,
  };
  return maskAlertMessage(message, input.mask);
}

/**
 * Every string of the message with known listen keys shortened and the given secrets removed:
 * a label or an event field that happens to hold one still never leaves the machine.
 */
export function maskAlertMessage(message: AlertMessage, mask: AlertSecretsToMask): AlertMessage {
  const clean = (text: string) => redactSecrets(maskKnownListenKeys(text), mask);
  return JSON.parse(JSON.stringify(message), (_key, value: unknown) =>
    typeof value === 'string' ? clean(value) : value,
  ) as AlertMessage;
}
