import { parseCliArgs } from '../i18n/args-messages.ts';
import type { Lang } from '../i18n/lang.ts';
import { ALERT_KINDS, type AlertSecretName } from '../../../shared/alerts/alert-settings.ts';
import { safeTarget } from '../../core/alerts/channels/http-post.ts';
import { createCliLogger } from '../common/cli-logger.ts';
import { SecretStoreError, type SecretStore } from '../../core/ports/secret-store.ts';
import {
  SECRET_ENV_VARS,
  cliAlertSecrets,
  createCliAlertService,
  openAlertsKeychain,
  resolveCliAlertSettings,
  settingsPathOf,
} from '../alerts/cli-alerts.ts';
import { alertsMessages } from '../alerts/alerts-messages.ts';
import { toCliError } from '../accounts/open-account-store.ts';
import type { CliCommand, CliContext } from '../common/cli-context.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';

const OPTIONS = {
  'alerts-config': { type: 'string' },
  webhook: { type: 'string' },
  'telegram-chat': { type: 'string' },
  remove: { type: 'boolean' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const SECRET_NAMES: Record<string, AlertSecretName> = {
  'telegram-token': 'telegramBotToken',
  'webhook-secret': 'webhookSecret',
};

/** `alpha-monitor alerts [show|test|set-secret]`: see README.md ("Alerts"). */
export const command: CliCommand = {
  name: 'alerts',
  summary: { en: alertsMessages('en').summary, 'zh-CN': alertsMessages('zh-CN').summary },
  async run(argv, ctx) {
    const m = alertsMessages(ctx.lang);
    const sub = argv[0] === undefined || argv[0].startsWith('-') ? 'show' : argv[0];
    const rest = sub === 'show' && argv[0] !== 'show' ? argv : argv.slice(1);
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(rest, ctx.lang);
    } catch (error) {
      throw new CliError(`${(error as Error).message}\n\n${m.usage}`, ExitCode.usage);
    }
    const { values, positionals } = parsed;
    if (values.help || sub === 'help') {
      ctx.stdout(m.usage);
      return ExitCode.ok;
    }
    try {
      switch (sub) {
        case 'show':
          return await show(values, ctx);
        case 'test':
          return await test(values, ctx);
        case 'set-secret':
          return await setSecret(positionals[0], values.remove === true, ctx);
        default:
          throw new CliError(`${m.unknownSub(sub)}\n\n${m.usage}`, ExitCode.usage);
      }
    } catch (error) {
      throw toCliError(error, ctx.lang);
    }
  },
};

function parse(args: string[], lang: Lang) {
  return parseCliArgs(lang, { args, options: OPTIONS, strict: true, allowPositionals: true });
}
type Values = ReturnType<typeof parse>['values'];

async function show(values: Values, ctx: CliContext): Promise<number> {
  const m = alertsMessages(ctx.lang);
  const where = await settingsPathOf(values['alerts-config'], ctx.env);
  const settings = await resolveCliAlertSettings(
    { configPath: values['alerts-config'] },
    ctx.env,
    ctx.lang,
  );
  const secrets = await cliAlertSecrets(ctx.env, openAlertsKeychain(ctx.env)).status();
  if (values.json) {
    ctx.stdout(
      JSON.stringify({ path: where.path, exists: where.exists, settings, secrets }) + '\n',
    );
    return ExitCode.ok;
  }
  const onOff = (on: boolean) => (on ? m.on : m.off);
  const setNot = (set: boolean) => (set ? m.set : m.notSet);
  ctx.stdout(
    [
      m.settingsFrom(where.path, where.exists),
      m.webhookLine(
        onOff(settings.webhook.enabled),
        settings.webhook.url ? safeTarget(settings.webhook.url) : m.noUrl,
        setNot(secrets.webhookSecret),
      ),
      m.telegramLine(
        onOff(settings.telegram.enabled),
        settings.telegram.chatId ?? m.noChat,
        setNot(secrets.telegramBotToken),
      ),
      m.events(ALERT_KINDS.map((kind) => `${kind} ${onOff(settings.events[kind])}`).join(', ')),
      m.extras(onOff(settings.demoFills), settings.accountDownMinutes),
      m.rateLimit,
    ].join('\n') + '\n',
  );
  return ExitCode.ok;
}

async function test(values: Values, ctx: CliContext): Promise<number> {
  const m = alertsMessages(ctx.lang);
  const settings = await resolveCliAlertSettings(
    {
      configPath: values['alerts-config'],
      webhook: values.webhook,
      telegramChat: values['telegram-chat'],
    },
    ctx.env,
    ctx.lang,
  );
  const logger = createCliLogger(ctx, values.verbose === true, 'alerts');
  const service = createCliAlertService({ settings, env: ctx.env, lang: ctx.lang, logger });
  try {
    const results = await service.sendTest();
    if (results.length === 0) throw new CliError(m.noChannel, ExitCode.usage);
    if (values.json) ctx.stdout(JSON.stringify(results) + '\n');
    for (const r of results) {
      if (values.json) continue;
      if (r.ok) ctx.stdout(m.testOk(r.channel, r.target ?? '') + '\n');
      else {
        const reason = m.reason(r.code ?? '', r.message ?? '');
        ctx.stderr(m.testFailed(r.channel, r.code ?? '', reason) + '\n');
      }
    }
    return results.every((r) => r.ok) ? ExitCode.ok : ExitCode.failure;
  } finally {
    service.dispose();
  }
}

async function setSecret(name: string | undefined, remove: boolean, ctx: CliContext) {
  const m = alertsMessages(ctx.lang);
  const secretName = name === undefined ? undefined : SECRET_NAMES[name];
  if (secretName === undefined) throw new CliError(m.badSecretName(name ?? ''), ExitCode.usage);
  const keychain = openAlertsKeychain(ctx.env);
  try {
    return await storeSecret(keychain, secretName, name!, remove, ctx);
  } catch (error) {
    if (error instanceof SecretStoreError && error.code === 'SECRET_STORE_UNAVAILABLE')
      throw new CliError(m.noKeychain(SECRET_ENV_VARS[secretName]), ExitCode.failure);
    throw error;
  }
}

async function storeSecret(
  keychain: SecretStore,
  secretName: AlertSecretName,
  name: string,
  remove: boolean,
  ctx: CliContext,
): Promise<number> {
  const m = alertsMessages(ctx.lang);
  if (remove) {
    const existed = await keychain.deletePassword(secretName);
    ctx.stdout(m.secretRemoved(name, existed) + '\n');
    return ExitCode.ok;
  }
  if ((ctx.stdin as { isTTY?: boolean }).isTTY) ctx.stderr(m.secretPrompt);
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const value = Buffer.concat(chunks).toString('utf8').trim();
  if (value === '') throw new CliError(m.secretEmpty, ExitCode.usage);
  await keychain.setPassword(secretName, value);
  ctx.stdout(m.secretStored(name) + '\n');
  return ExitCode.ok;
}
