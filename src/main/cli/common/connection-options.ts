import { parseCliArgs } from '../i18n/args-messages.ts';
import type { ParseArgsConfig } from 'node:util';
import type { SessionCredentials } from '../../core/credentials/session-credentials.ts';
import type { AccountMonitorSettings } from '../../core/monitor/index.ts';
import {
  checkExchangeEndpoint,
  InvalidEndpointError,
  isLoopbackUrl,
  type EndpointKind,
} from '../../core/endpoints/exchange-endpoint.ts';
import { AccountEndpointsFile } from '../../core/endpoints/account-endpoints-file.ts';
import { resolveAppDataDir } from '../../core/paths/app-data-dir.ts';
import { DEFAULT_REST_URL } from '../../core/rest/index.ts';
import { DEFAULT_WS_URL } from '../../core/stream/index.ts';
import { connectionMessages } from '../i18n/connection-messages.ts';
import type { Lang } from '../i18n/lang.ts';
import type { CliContext } from './cli-context.ts';
import { CliError, ExitCode } from './cli-error.ts';
import { resolveCredentials } from './resolve-credentials.ts';

/** The options every connecting command takes (watch, check, listen-key, strategy). */
export const CONNECTION_OPTION_SPEC = {
  demo: { type: 'boolean' },
  user: { type: 'string' },
  'credentials-file': { type: 'string' },
  'rest-url': { type: 'string' },
  'ws-url': { type: 'string' },
  'renew-interval': { type: 'string' },
  'ping-interval': { type: 'string' },
  'reconcile-interval': { type: 'string' },
  'max-reconnects': { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** The name of a connection option (`rest-url` for `--rest-url`). */
export type ConnectionOptionName = Exclude<keyof typeof CONNECTION_OPTION_SPEC, 'help' | 'verbose'>;

/** What a command that only asks for a listen key uses (no stream, no monitor). */
export const LISTEN_KEY_OPTIONS: readonly ConnectionOptionName[] = [
  'demo',
  'user',
  'credentials-file',
  'rest-url',
  'json',
];

/** What a command that opens the stream once, without a monitor, uses. */
export const STREAM_CHECK_OPTIONS: readonly ConnectionOptionName[] = [
  ...LISTEN_KEY_OPTIONS,
  'ws-url',
];

/** Parsed connection options, units in the names. */
export interface ConnectionOptions {
  demo: boolean;
  user?: string;
  credentialsFile?: string;
  restUrl?: string;
  wsUrl?: string;
  renewIntervalMs?: number;
  pingIntervalMs?: number;
  /** `--reconcile-interval <s>`: REST reconciliation period while orders are open. */
  reconcileIntervalMs?: number;
  maxReconnects?: number;
  json: boolean;
  /** `--verbose`: the raw log lines on stderr (see cli-logger.ts). */
  verbose: boolean;
  help: boolean;
}

/**
 * Parses a command's argv: the connection options it uses (`accepted`, default all) plus its
 * own `extra` options. An option the command would ignore is refused as unknown. Bad usage
 * throws a CliError with exit code 2.
 */
export function parseCommandArgs<E extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  lang: Lang,
  extra: E = {} as E,
  accepted?: readonly ConnectionOptionName[],
): { connection: ConnectionOptions; values: Record<string, string | boolean | undefined> } {
  const m = connectionMessages(lang);
  const spec = Object.fromEntries(
    Object.entries(CONNECTION_OPTION_SPEC).filter(
      ([name]) =>
        name === 'help' ||
        accepted === undefined ||
        accepted.includes(name as ConnectionOptionName),
    ),
  );
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseCliArgs(lang, {
      args: argv,
      options: { ...spec, ...extra },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new CliError(m.badArgs((error as Error).message), ExitCode.usage);
  }
  const seconds = (name: string): number | undefined => {
    const raw = values[name];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n) || n <= 0) {
      throw new CliError(m.badNumber(`--${name}`, String(raw)), ExitCode.usage);
    }
    return Math.round(n * 1000);
  };
  const maxRaw = values['max-reconnects'];
  let maxReconnects: number | undefined;
  if (maxRaw !== undefined) {
    if (typeof maxRaw !== 'string' || !/^\d+$/.test(maxRaw.trim()))
      throw new CliError(m.badInteger('--max-reconnects', String(maxRaw)), ExitCode.usage);
    maxReconnects = Number(maxRaw);
  }
  const connection: ConnectionOptions = {
    demo: values.demo === true,
    user: values.user as string | undefined,
    credentialsFile: values['credentials-file'] as string | undefined,
    restUrl: values['rest-url'] as string | undefined,
    wsUrl: values['ws-url'] as string | undefined,
    renewIntervalMs: seconds('renew-interval'),
    pingIntervalMs: seconds('ping-interval'),
    reconcileIntervalMs: seconds('reconcile-interval'),
    maxReconnects,
    json: values.json === true,
    verbose: values.verbose === true,
    help: values.help === true,
  };
  if (connection.demo && connection.credentialsFile)
    throw new CliError(m.demoAndCredentials(), ExitCode.usage);
  const usesStream = accepted === undefined || accepted.includes('ws-url');
  Object.assign(connection, checkedEndpoints(connection, lang, usesStream));
  return { connection, values };
}

/**
 * `--rest-url` / `--ws-url`, checked before anything connects: each must be a URL an account
 * may use (https/wss, or http/ws to this machine). Given only one of them, the other is derived
 * when it points at this machine (a simulator serves both on one port); for another host the
 * other is required, so a session is never split between a custom server and the real exchange.
 */
export function checkedEndpoints(
  options: Pick<ConnectionOptions, 'restUrl' | 'wsUrl'>,
  lang: Lang,
  usesStream: boolean,
): Pick<ConnectionOptions, 'restUrl' | 'wsUrl'> {
  const m = connectionMessages(lang);
  const check = (kind: EndpointKind, url: string | undefined) => {
    if (url === undefined) return undefined;
    try {
      return checkExchangeEndpoint(kind, url);
    } catch (error) {
      if (!(error instanceof InvalidEndpointError)) throw error;
      throw new CliError(m.badEndpoint(kind, url, error.reason), ExitCode.usage);
    }
  };
  const restUrl = check('rest', options.restUrl);
  const wsUrl = check('ws', options.wsUrl);
  if (!usesStream || (restUrl === undefined) === (wsUrl === undefined)) return { restUrl, wsUrl };
  const given = (restUrl ?? wsUrl)!;
  if (!isLoopbackUrl(given))
    throw new CliError(m.endpointAlone(restUrl !== undefined, given), ExitCode.usage);
  const url = new URL(given);
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  return restUrl !== undefined
    ? {
        restUrl,
        wsUrl: `${secure ? 'wss' : 'ws'}://${url.host}${new URL(DEFAULT_WS_URL).pathname}`,
      }
    : { restUrl: `${secure ? 'https' : 'http'}://${url.host}`, wsUrl };
}

/** Where to connect and as whom; dispose stops the embedded simulator (if --demo). */
export interface ResolvedConnection {
  restUrl: string;
  wsUrl: string;
  credentials: SessionCredentials;
  accountId: string;
  /** 'demo' (embedded simulator), or where the credentials came from. */
  source: 'demo' | 'file' | 'env' | 'keychain';
  dispose(): Promise<void>;
}

/**
 * Resolves the connection: with `--demo`, starts the embedded simulator (with demo activity
 * when asked) and uses its demo account; otherwise resolves the account's credentials
 * (resolve-credentials.ts) and the real (or given) URLs.
 */
export async function resolveConnection(
  options: ConnectionOptions,
  context: Pick<CliContext, 'env' | 'lang' | 'logFile'>,
  demo: { ordersPerMinute?: number } | false = false,
): Promise<ResolvedConnection> {
  const resolved = await resolveEndpointsAndCredentials(options, context, demo);
  context.logFile?.hideCredentials(resolved.credentials);
  return resolved;
}

async function resolveEndpointsAndCredentials(
  options: ConnectionOptions,
  context: Pick<CliContext, 'env' | 'lang'>,
  demo: { ordersPerMinute?: number } | false,
): Promise<ResolvedConnection> {
  if (options.demo) {
    const { startSimulator } = await import('../../sim/index.ts');
    const sim = await startSimulator({
      demoActivity: demo === false ? false : { ordersPerMinute: demo.ordersPerMinute ?? 12 },
    });
    return {
      restUrl: options.restUrl ?? sim.restUrl,
      wsUrl: options.wsUrl ?? sim.wsUrl,
      credentials: sim.demoAccount.credentials,
      accountId: options.user ?? sim.demoAccount.userId,
      source: 'demo',
      dispose: () => sim.dispose(),
    };
  }
  const resolved = await resolveCredentials({
    user: options.user,
    credentialsFile: options.credentialsFile,
    env: context.env,
    lang: context.lang,
  });
  // A keychain account added against another exchange (a simulator) connects there.
  const own =
    resolved.source === 'keychain' && options.restUrl === undefined
      ? await new AccountEndpointsFile(resolveAppDataDir(context.env)).get(resolved.accountId)
      : undefined;
  return {
    restUrl: options.restUrl ?? own?.restUrl ?? DEFAULT_REST_URL,
    wsUrl: options.wsUrl ?? own?.wsUrl ?? DEFAULT_WS_URL,
    credentials: resolved.credentials,
    accountId: resolved.accountId,
    source: resolved.source,
    dispose: async () => {},
  };
}

/** Monitor settings from the connection options. */
export function monitorSettingsOf(options: ConnectionOptions): AccountMonitorSettings {
  return {
    renewIntervalMs: options.renewIntervalMs,
    pingIntervalMs: options.pingIntervalMs,
    reconcileIntervalMs: options.reconcileIntervalMs,
    maxReconnectAttempts: options.maxReconnects,
  };
}
