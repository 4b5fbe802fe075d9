import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AsyncDisposable } from '../../shared/lifecycle/disposable.ts';
import { createAppRoot, type AppRoot } from '../app/app-root.ts';
import { engineAppDeps, keychainStores } from '../app/engine-wiring.ts';
import { resolveAppDataDir } from '../core/paths/app-data-dir.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { SecretStore } from '../core/ports/secret-store.ts';
import type { SessionCredentials } from '../core/credentials/session-credentials.ts';
import { checkExchangeEndpoint } from '../core/endpoints/exchange-endpoint.ts';
import { DEFAULT_REST_URL } from '../core/rest/index.ts';
import { DEFAULT_WS_URL } from '../core/stream/index.ts';
import type { EventSink } from '../../shared/ipc/transport.ts';
import type { ExportTarget } from '../app/ports.ts';
import { startBrowserHost, type BrowserHost } from './browser-host.ts';
import { createHostExportTarget } from './host-export-target.ts';
import { createHostToken } from './host-security.ts';
import { withMemoryFallback } from './fallback-secret-store.ts';

const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');

/** The built renderer that `npm run build` writes. */
export const DEFAULT_RENDERER_DIR = join(REPO_ROOT, 'out', 'renderer');

export interface RunHostOptions {
  port?: number;
  demo?: boolean;
  /** With `demo`: how many simulated accounts (default 1). */
  demoAccounts?: number;
  /** Default exchange for accounts added here (`--rest-url`, `--ws-url`). */
  restUrl?: string;
  wsUrl?: string;
  rendererDir?: string;
  env?: NodeJS.ProcessEnv;
  logger: Logger;
  /** Injected in tests; default: the OS keychain (memory when there is none). */
  secrets?: SecretStore;
  /** Told once when no keychain is reachable and accounts are kept in memory only. */
  onNoKeychain?: () => void;
  /**
   * `serve --credentials-file` (or ALPHA_MONITOR_CREDENTIALS_FILE): one account run from that
   * file, like `watch`, never stored; its monitor starts with the host.
   */
  credentialsFile?: { accountId: string; label: string; credentials: SessionCredentials };
}

export interface RunningHost extends AsyncDisposable {
  readonly host: BrowserHost;
  readonly app: AppRoot;
  dispose(): Promise<void>;
}

/** The browser host's composition root: the app's services behind the WebSocket transport. */
export async function runHost(options: RunHostOptions): Promise<RunningHost> {
  const env = options.env ?? process.env;
  const dataDir = resolveAppDataDir(env);
  const token = createHostToken();
  const host = await startBrowserHost({
    rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
    exportsDir: join(dataDir, 'exports'),
    token,
    port: options.port,
    logger: options.logger,
  });
  try {
    const app = await createHeadlessAppRoot({
      ...options,
      dataDir,
      events: host.events,
      exportTarget: createHostExportTarget(join(dataDir, 'exports'), host.downloads),
    });
    host.setHandlers(app.handlers);
    if (options.credentialsFile)
      await app.handlers.startMonitor({ accountId: options.credentialsFile.accountId });
    if (options.demo) {
      const started = await app.handlers.startDemo({
        activity: true,
        accounts: options.demoAccounts ?? 1,
      });
      if (!started.running) throw new Error('The demo exchange did not start.');
    }
    return {
      host,
      app,
      async dispose() {
        await app.dispose();
        await host.dispose();
      },
    };
  } catch (error) {
    await host.dispose();
    throw error;
  }
}

/**
 * The app's services for a process without Electron (the browser host, `alpha-monitor
 * fleet`): accounts in the OS keychain (memory when there is none), the real engine, the
 * embedded simulator for the demo, events to `events`.
 */
export async function createHeadlessAppRoot(
  options: Pick<
    RunHostOptions,
    'restUrl' | 'wsUrl' | 'logger' | 'secrets' | 'onNoKeychain' | 'env' | 'credentialsFile'
  > & { dataDir: string; events: EventSink; exportTarget: ExportTarget },
): Promise<AppRoot> {
  const env = options.env ?? process.env;
  const wsUrl = options.wsUrl ?? derivedStreamUrl(options.restUrl);
  const stores = keychainStores(env);
  const keychain = withMemoryFallback(options.secrets ?? stores.accounts, options.logger, () =>
    options.onNoKeychain?.(),
  );
  // Asked now, not at the first add: the page must say from the start where sessions go.
  await keychain.findCredentials().catch(() => []);
  // Without a keychain the account list lives in a folder of this run only: otherwise the
  // next start would list accounts whose sessions were forgotten ("no session in the keychain").
  const accountsDir = keychain.inMemory
    ? await mkdtemp(join(tmpdir(), 'alpha-monitor-accounts-'))
    : options.dataDir;
  const engine = engineAppDeps({
    logger: options.logger,
    env,
    accountsDir,
    accountSecrets: keychain,
    // Alert secrets: the keychain's alerts service, or memory like the accounts' when there is none.
    alertSecrets: withMemoryFallback(stores.alerts, options.logger, () => {}),
    defaultRestUrl: options.restUrl,
    defaultWsUrl: wsUrl,
  });
  const { accounts } = engine;
  const file = options.credentialsFile;
  if (file) {
    const restUrl = checkExchangeEndpoint('rest', options.restUrl ?? DEFAULT_REST_URL);
    await accounts.addDirect({
      id: file.accountId,
      label: file.label,
      environment: restUrl === DEFAULT_REST_URL ? 'binance' : 'custom',
      connection: {
        accountId: file.accountId,
        credentials: file.credentials,
        restUrl,
        wsUrl: checkExchangeEndpoint('ws', wsUrl ?? DEFAULT_WS_URL),
      },
    });
  }
  const app = await createAppRoot({
    host: 'browser',
    version: packageVersion(),
    dataDir: options.dataDir,
    ...engine,
    accountStorage: () => (keychain.inMemory ? 'memory' : 'keychain'),
    credentialsFileAccountId: file?.accountId,
    exportTarget: options.exportTarget,
    events: options.events,
  });
  if (accountsDir === options.dataDir) return app;
  return {
    ...app,
    async dispose() {
      await app.dispose();
      await rm(accountsDir, { recursive: true, force: true });
    },
  };
}

/**
 * A simulator on this machine serves REST and the stream on one port: with only `--rest-url`
 * to it, its stream is derived (as `watch` does) instead of sending the session to Binance's.
 */
function derivedStreamUrl(restUrl: string | undefined): string | undefined {
  if (restUrl === undefined) return undefined;
  try {
    const url = new URL(restUrl);
    if (url.protocol !== 'http:' || !/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname))
      return undefined;
    return `ws://${url.host}${new URL(DEFAULT_WS_URL).pathname}`;
  } catch {
    return undefined;
  }
}

function packageVersion(): string {
  try {
    return (
      JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    return '0.0.0';
  }
}
