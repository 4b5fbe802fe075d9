import { z } from 'zod';

/**
 * What can be sent to a phone. `test` is only ever sent on request ("Send test",
 * `alpha-monitor alerts test`) and has no toggle.
 */
export const ALERT_KINDS = [
  'fill',
  'strategy-finished',
  'strategy-paused',
  'wear-limit',
  'session-expired',
  'verification-needed',
  'missed-updates',
  'account-down',
] as const;
export type ToggledAlertKind = (typeof ALERT_KINDS)[number];
export type AlertKind = ToggledAlertKind | 'test';

const toggles = z
  .object(
    Object.fromEntries(ALERT_KINDS.map((kind) => [kind, z.boolean()])) as {
      [K in ToggledAlertKind]: z.ZodBoolean;
    },
  )
  .strict();

/** An http(s) URL, at most 2000 characters. */
const webhookUrl = z
  .string()
  .max(2000)
  .refine((text) => /^https?:\/\/[^\s]+$/i.test(text) && URL.canParse(text), {
    message: 'an http:// or https:// URL',
  });
/** A Telegram chat id: a number (groups are negative) or an @channelname. */
const chatId = z
  .string()
  .regex(/^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,64})$/, 'a numeric chat id or @channelname');

/**
 * Alerts settings, `<data folder>/alerts.json` (the app) or any file given to
 * `watch --alerts-config`. Secrets (the Telegram bot token, the webhook signing secret) are
 * not here: they live in the keychain.
 */
export const alertSettingsSchema = z
  .object({
    /** Per-event toggles. */
    events: toggles,
    /** Fill alerts for the demo account too (off: a demo fills every few seconds). */
    demoFills: z.boolean(),
    /** `account-down` fires once an account has not been live for this many minutes. */
    accountDownMinutes: z.number().int().min(1).max(1440),
    webhook: z.object({ enabled: z.boolean(), url: webhookUrl.nullable() }).strict(),
    telegram: z.object({ enabled: z.boolean(), chatId: chatId.nullable() }).strict(),
  })
  .strict();
export type AlertSettings = z.output<typeof alertSettingsSchema>;

/** A change to some alerts settings; nested objects merge (so `{ webhook: { url } }` keeps `enabled`). */
export const alertSettingsPatchSchema = z
  .object({
    events: toggles.partial(),
    demoFills: z.boolean(),
    accountDownMinutes: alertSettingsSchema.shape.accountDownMinutes,
    webhook: alertSettingsSchema.shape.webhook.partial(),
    telegram: alertSettingsSchema.shape.telegram.partial(),
  })
  .partial()
  .strict();
export type AlertSettingsPatch = z.output<typeof alertSettingsPatchSchema>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  events: {
    fill: true,
    'strategy-finished': true,
    'strategy-paused': true,
    'wear-limit': true,
    'session-expired': true,
    'verification-needed': true,
    'missed-updates': true,
    'account-down': true,
  },
  demoFills: false,
  accountDownMinutes: 10,
  webhook: { enabled: false, url: null },
  telegram: { enabled: false, chatId: null },
};

/** Applies a patch (nested objects merged). */
export function mergeAlertSettings(base: AlertSettings, patch: AlertSettingsPatch): AlertSettings {
  return {
    ...base,
    ...(patch.demoFills === undefined ? {} : { demoFills: patch.demoFills }),
    ...(patch.accountDownMinutes === undefined
      ? {}
      : { accountDownMinutes: patch.accountDownMinutes }),
    events: { ...base.events, ...patch.events },
    webhook: { ...base.webhook, ...patch.webhook },
    telegram: { ...base.telegram, ...patch.telegram },
  };
}

/**
 * Reads a settings file's JSON: missing keys take the defaults, unknown keys or bad values
 * are refused (the error names the field).
 */
export function parseAlertSettings(
  json: unknown,
): { ok: true; value: AlertSettings } | { ok: false; problem: string } {
  const parsed = alertSettingsPatchSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      problem: `${issue?.path.join('.') || '(top level)'}: ${issue?.message ?? 'not valid'}`,
    };
  }
  return { ok: true, value: mergeAlertSettings(DEFAULT_ALERT_SETTINGS, parsed.data) };
}

/** The keychain secrets of alerts, by name (values never cross IPC or reach a file). */
export const ALERT_SECRET_NAMES = ['telegramBotToken', 'webhookSecret'] as const;
export type AlertSecretName = (typeof ALERT_SECRET_NAMES)[number];
