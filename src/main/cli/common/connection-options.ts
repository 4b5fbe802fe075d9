import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { SessionCredentials } from '../../core/credentials/session-credentials.ts';
import type { AccountMonitorSettings } from '../../core/monitor/index.ts';
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
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

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
  help: boolean;
}

/**
 * Parses a command's argv: the connection options plus the command's own `extra` options.
 * Bad usage throws a CliError with exit code 2.
 */
export function parseCommandArgs<E extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  lang: Lang,
  extra: E = {} as E,
): { connection: ConnectionOptions; values: Record<string, string | boolean | undefined> } {
  const m = connectionMessages(lang);
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: { ...CONNECTION_OPTION_SPEC, ...extra },
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | boolean | undefined>;
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
    help: values.help === true,
  };
  if (connection.demo && connection.credentialsFile)
    throw new CliError(m.demoAndCredentials(), ExitCode.usage);
  return { connection, values };
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
  context: Pick<CliContext, 'env' | 'lang'>,
  demo: { ordersPerMinute?: number } | false = false,
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
  return {
    restUrl: options.restUrl ?? DEFAULT_REST_URL,
    wsUrl: options.wsUrl ?? DEFAULT_WS_URL,
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
