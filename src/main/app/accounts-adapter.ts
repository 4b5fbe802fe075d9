import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AccountEnvironment } from '../../shared/ipc/views-app.ts';
import {
  AccountStore,
  parseCurl,
  verifySession,
  isSessionUnusable,
} from '../core/accounts/index.ts';
import {
  checkExchangeEndpoint,
  InvalidEndpointError,
  type EndpointKind,
} from '../core/endpoints/exchange-endpoint.ts';
import { DEFAULT_REST_URL } from '../core/rest/index.ts';
import { DEFAULT_WS_URL } from '../core/stream/index.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { Logger } from '../core/ports/logger.ts';
import type { SecretStore } from '../core/ports/secret-store.ts';
import { appError } from './app-error.ts';
import type { AccountConnection, AccountRecord, AccountsPort } from './ports.ts';

interface Endpoint {
  restUrl: string;
  wsUrl: string;
  environment: AccountEnvironment;
}

/** The exchange endpoint check, as an app error the renderer shows (before anything is sent). */
function checkEndpoint(kind: EndpointKind, url: string): string {
  try {
    return checkExchangeEndpoint(kind, url);
  } catch (error) {
    if (error instanceof InvalidEndpointError) throw appError(error.code, error.message);
    throw error;
  }
}

/** Plain-language messages for verification outcomes (the renderer shows them as they are). */
const OUTCOME_MESSAGES: Record<string, string> = {
  SESSION_EXPIRED:
    'This session has expired (logged out). Log in to Binance in your browser, copy a request as cURL again and paste it here.',
  VERIFICATION_REQUIRED:
    'Binance asks for the Alpha supplementary verification. Finish it in the Binance app, then try again.',
  REJECTED:
    'Binance refused this session (risk control or an unknown error). Log in again in the browser and copy a fresh cURL.',
  UNREACHABLE:
    'The exchange did not answer. Check your connection and try again; the session itself may be fine.',
};

/**
 * AccountsPort over the accounts module: credentials in the keychain through AccountStore,
 * plus where each account connects (`app-endpoints.json`, non-secret) because the app can
 * point an account at another exchange (the demo simulator, a standalone `alpha-monitor sim`).
 */
export class AccountsAdapter implements AccountsPort {
  private readonly store: AccountStore;
  private readonly endpointsPath: string;
  /**
   * Accounts that live only while the app runs (the demo account: simulator credentials,
   * worthless after the simulator stops, so they never go to the keychain).
   */
  private readonly ephemeral = new Map<
    string,
    { record: AccountRecord; connection: AccountConnection }
  >();

  constructor(
    private readonly deps: {
      dataDir: string;
      secrets: SecretStore;
      clock: Clock;
      logger: Logger;
      defaultRestUrl?: string;
      defaultWsUrl?: string;
    },
  ) {
    this.store = new AccountStore({
      secrets: deps.secrets,
      dataDir: deps.dataDir,
      clock: deps.clock,
    });
    this.endpointsPath = join(deps.dataDir, 'app-endpoints.json');
  }

  async list(): Promise<AccountRecord[]> {
    const [accounts, endpoints] = await Promise.all([this.store.list(), this.readEndpoints()]);
    const stored: AccountRecord[] = accounts.map((a) => ({
      id: a.id,
      label: a.name,
      userId: null,
      environment: endpoints[a.id]?.environment ?? 'binance',
      addedAtMs: a.addedAtMs,
      lastVerifiedAtMs: a.lastVerification?.outcome === 'OK' ? a.lastVerification.atMs : null,
    }));
    return [
      ...[...this.ephemeral.values()].map((e) => e.record),
      ...stored.filter((a) => !this.ephemeral.has(a.id)),
    ];
  }

  async addFromCurl(input: { curl: string; label?: string; restUrl?: string; wsUrl?: string }) {
    const parsed = parseCurl(input.curl);
    const restUrl = checkEndpoint(
      'rest',
      input.restUrl ?? this.deps.defaultRestUrl ?? DEFAULT_REST_URL,
    );
    const wsUrl = checkEndpoint('ws', input.wsUrl ?? this.deps.defaultWsUrl ?? DEFAULT_WS_URL);
    const verification = await verifySession(parsed.credentials, {
      restUrl,
      clock: this.deps.clock,
      logger: this.deps.logger,
    });
    if (verification.outcome !== 'OK') {
      throw appError(
        verification.outcome,
        OUTCOME_MESSAGES[verification.outcome] ?? 'The session could not be verified.',
      );
    }
    const id = await this.freeId(input.label);
    const { maskedListenKey: _shown, ...record } = verification;
    const { account } = await this.store.save({
      id,
      name: input.label?.trim() || id,
      credentials: parsed.credentials,
      verification: record,
    });
    const environment: AccountEnvironment = restUrl === DEFAULT_REST_URL ? 'binance' : 'custom';
    await this.writeEndpoint(id, { restUrl, wsUrl, environment });
    const warnings = parsed.warnings.map((w) =>
      w.code === 'MISSING_SESSION_COOKIES'
        ? `Some session cookies are missing (${w.names.join(', ')}): the session may expire sooner than usual.`
        : `Some session headers are missing (${w.names.join(', ')}): placing orders may be refused.`,
    );
    return { account: (await this.list()).find((a) => a.id === account.id)!, warnings };
  }

  async addDirect(input: {
    id: string;
    label: string;
    environment: AccountEnvironment;
    connection: AccountConnection;
  }) {
    const record: AccountRecord = {
      id: input.id,
      label: input.label,
      userId: null,
      environment: input.environment,
      addedAtMs: this.deps.clock.now(),
      lastVerifiedAtMs: null,
    };
    this.ephemeral.set(input.id, { record, connection: input.connection });
    return record;
  }

  async verify(accountId: string): Promise<{ userId: string | null }> {
    const { credentials, restUrl } = await this.connection(accountId);
    const result = await verifySession(credentials, {
      restUrl,
      clock: this.deps.clock,
      logger: this.deps.logger,
    });
    const { maskedListenKey: _shown, ...record } = result;
    if (!this.ephemeral.has(accountId)) await this.store.recordVerification(accountId, record);
    if (result.outcome !== 'OK') {
      throw appError(
        result.outcome,
        OUTCOME_MESSAGES[result.outcome] ?? 'The session could not be verified.',
      );
    }
    return { userId: null };
  }

  async remove(accountId: string): Promise<void> {
    if (this.ephemeral.delete(accountId)) return;
    const removed = await this.store.remove(accountId);
    const endpoints = await this.readEndpoints();
    delete endpoints[accountId];
    await this.saveEndpoints(endpoints);
    if (!removed) throw appError('ACCOUNT_NOT_FOUND', `No account "${accountId}".`);
  }

  async connection(accountId: string): Promise<AccountConnection> {
    const ephemeral = this.ephemeral.get(accountId);
    if (ephemeral) return ephemeral.connection;
    const account = await this.store.get(accountId);
    if (!account) throw appError('ACCOUNT_NOT_FOUND', `No account "${accountId}".`);
    const endpoint = (await this.readEndpoints())[accountId];
    return {
      accountId,
      credentials: await this.store.getCredentials(accountId),
      restUrl: endpoint?.restUrl ?? this.deps.defaultRestUrl ?? DEFAULT_REST_URL,
      wsUrl: endpoint?.wsUrl ?? this.deps.defaultWsUrl ?? DEFAULT_WS_URL,
    };
  }

  /** Whether an outcome means the stored session cannot be used. */
  static unusable(outcome: string): boolean {
    return isSessionUnusable(outcome as never);
  }

  private async freeId(label: string | undefined): Promise<string> {
    const taken = new Set((await this.store.list()).map((a) => a.id));
    const base =
      (label ?? '')
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '')
        .slice(0, 40) || 'account';
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  private async readEndpoints(): Promise<Record<string, Endpoint>> {
    try {
      return JSON.parse(await readFile(this.endpointsPath, 'utf8')) as Record<string, Endpoint>;
    } catch {
      return {};
    }
  }

  private async writeEndpoint(id: string, endpoint: Endpoint): Promise<void> {
    const endpoints = await this.readEndpoints();
    endpoints[id] = endpoint;
    await this.saveEndpoints(endpoints);
  }

  private async saveEndpoints(endpoints: Record<string, Endpoint>): Promise<void> {
    await mkdir(this.deps.dataDir, { recursive: true, mode: 0o700 });
    await writeFile(`${this.endpointsPath}.tmp`, JSON.stringify(endpoints, null, 2), {
      mode: 0o600,
    });
    await rename(`${this.endpointsPath}.tmp`, this.endpointsPath);
  }
}
