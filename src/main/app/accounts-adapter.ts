import type { IpcError } from '../../shared/ipc/result.ts';
import type { AccountEnvironment } from '../../shared/ipc/views-app.ts';
import {
  AccountStore,
  copyWarningsOf,
  parseCurl,
  verifySession,
  isSessionUnusable,
  type CurlImport,
  type VerificationOutcome,
} from '../core/accounts/index.ts';
import { AccountEndpointsFile } from '../core/endpoints/account-endpoints-file.ts';
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
import { assertNever } from '../../shared/assert-never.ts';
import { appError, reasonError } from './app-error.ts';
import type { AccountConnection, AccountSummary, AccountsPort } from './ports.ts';

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
    if (error instanceof InvalidEndpointError)
      throw appError(error.code, error.message, { kind: error.kind, reason: error.reason });
    throw error;
  }
}

/** English messages of verification outcomes, for the log (the renderer says them by code). */
const OUTCOME_MESSAGES: Record<Exclude<VerificationOutcome, 'OK'>, string> = {
  SESSION_EXPIRED:
    'This session has expired (code 100002001). Did you place an order in the browser? That rotates the tokens. ' +
    'Copy a fresh cURL from the logged-in page and paste it here (on an existing account: Re-import, which keeps its history).',
  VERIFICATION_REQUIRED:
    'Binance asks for the Alpha supplementary verification. Finish it in the Binance app, then try again.',
  REJECTED:
    'Binance refused this session (risk control or an unknown error). Log in again in the browser and copy a fresh cURL.',
  UNREACHABLE:
    'The exchange did not answer. Check your connection and try again; the session itself may be fine.',
};

/** A verification that did not pass, as the error the renderer shows. */
function refusal(outcome: Exclude<VerificationOutcome, 'OK'>): Error {
  switch (outcome) {
    case 'SESSION_EXPIRED':
    case 'VERIFICATION_REQUIRED':
      return reasonError({ code: outcome }, OUTCOME_MESSAGES[outcome]);
    case 'REJECTED':
    case 'UNREACHABLE':
      return appError(outcome, OUTCOME_MESSAGES[outcome]);
    default:
      return assertNever(outcome, 'VerificationOutcome');
  }
}

/**
 * AccountsPort over the accounts module: credentials in the keychain through AccountStore,
 * plus where each account connects (`app-endpoints.json`, non-secret) because the app can
 * point an account at another exchange (the demo simulator, a standalone `alpha-monitor sim`).
 */
export class AccountsAdapter implements AccountsPort {
  private readonly store: AccountStore;
  private readonly endpoints: AccountEndpointsFile;
  /**
   * Accounts that live only while the app runs (the demo account: simulator credentials,
   * worthless after the simulator stops, so they never go to the keychain).
   */
  private readonly ephemeral = new Map<
    string,
    { record: AccountSummary; connection: AccountConnection }
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
    this.endpoints = new AccountEndpointsFile(deps.dataDir);
  }

  async list(): Promise<AccountSummary[]> {
    const [accounts, endpoints] = await Promise.all([this.store.list(), this.readEndpoints()]);
    const stored: AccountSummary[] = accounts.map((a) => ({
      id: a.id,
      label: a.name,
      userId: null,
      environment: endpoints[a.id]?.environment ?? 'binance',
      addedAtMs: a.addedAtMs,
      lastVerifiedAtMs: a.lastVerification?.outcome === 'OK' ? a.lastVerification.atMs : null,
      copyWarnings: a.copyWarnings ?? [],
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
    const verification = await this.verifyPaste(parsed, restUrl);
    // The id is chosen under the account list's lock: two adds with the same label at once
    // get `main` and `main-2`, each holding its own session.
    const account = await this.store.createWithFreeId(input.label, {
      name: input.label?.trim() || undefined,
      credentials: parsed.credentials,
      verification,
      copyWarnings: copyWarningsOf(parsed),
    });
    const environment: AccountEnvironment = restUrl === DEFAULT_REST_URL ? 'binance' : 'custom';
    await this.writeEndpoint(account.id, { restUrl, wsUrl, environment });
    return this.pasteResult(account.id, parsed);
  }

  async reimportFromCurl(input: { accountId: string; curl: string }) {
    if (this.ephemeral.has(input.accountId))
      throw appError('NOT_REIMPORTABLE', 'The demo account needs no re-import.');
    const parsed = parseCurl(input.curl);
    const { restUrl } = await this.endpointOf(input.accountId);
    const verification = await this.verifyPaste(parsed, restUrl);
    try {
      await this.store.replace({
        id: input.accountId,
        credentials: parsed.credentials,
        verification,
        copyWarnings: copyWarningsOf(parsed),
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'ACCOUNT_NOT_FOUND')
        throw appError('ACCOUNT_NOT_FOUND', `No account "${input.accountId}".`, {
          accountId: input.accountId,
        });
      throw error;
    }
    return this.pasteResult(input.accountId, parsed);
  }

  /** Verifies a pasted session; anything but OK is refused with a plain-language message. */
  private async verifyPaste(parsed: CurlImport, restUrl: string) {
    const verification = await verifySession(parsed.credentials, {
      restUrl,
      clock: this.deps.clock,
      logger: this.deps.logger,
    });
    if (verification.outcome !== 'OK') throw refusal(verification.outcome);
    const { maskedListenKey: _shown, ...record } = verification;
    return record;
  }

  private async pasteResult(accountId: string, parsed: CurlImport) {
    return {
      account: (await this.list()).find((a) => a.id === accountId)!,
      warnings: parsed.warnings.map(pasteWarning),
      found: { headers: parsed.keptHeaders, cookies: parsed.cookieNames },
    };
  }

  async addDirect(input: {
    id: string;
    label: string;
    environment: AccountEnvironment;
    connection: AccountConnection;
  }) {
    const record: AccountSummary = {
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
    if (result.outcome !== 'OK') throw refusal(result.outcome);
    return { userId: null };
  }

  async remove(accountId: string): Promise<void> {
    if (this.ephemeral.delete(accountId)) return;
    const removed = await this.store.remove(accountId);
    await this.writeEndpoint(accountId, null);
    if (!removed) throw appError('ACCOUNT_NOT_FOUND', `No account "${accountId}".`, { accountId });
  }

  async connection(accountId: string): Promise<AccountConnection> {
    const ephemeral = this.ephemeral.get(accountId);
    if (ephemeral) return ephemeral.connection;
    const account = await this.store.get(accountId);
    if (!account) throw appError('ACCOUNT_NOT_FOUND', `No account "${accountId}".`, { accountId });
    return {
      accountId,
      credentials: await this.store.getCredentials(accountId),
      ...(await this.endpointOf(accountId)),
    };
  }

  private async endpointOf(accountId: string): Promise<{ restUrl: string; wsUrl: string }> {
    const endpoint = (await this.readEndpoints())[accountId];
    return {
      restUrl: endpoint?.restUrl ?? this.deps.defaultRestUrl ?? DEFAULT_REST_URL,
      wsUrl: endpoint?.wsUrl ?? this.deps.defaultWsUrl ?? DEFAULT_WS_URL,
    };
  }

  /** Whether an outcome means the stored session cannot be used. */
  static unusable(outcome: string): boolean {
    return isSessionUnusable(outcome as never);
  }

  private readEndpoints(): Promise<Record<string, Endpoint>> {
    return this.endpoints.read();
  }

  private writeEndpoint(id: string, endpoint: Endpoint | null): Promise<void> {
    return this.endpoints.set(id, endpoint);
  }
}

/** A paste warning as a code with its params (names only, never a value); English for logs. */
function pasteWarning(warning: CurlImport['warnings'][number]): IpcError {
  const names = warning.names.join(', ');
  switch (warning.code) {
    case 'MISSING_SESSION_COOKIES':
      return {
        code: warning.code,
        params: { names },
        message: `The long-term cookies ${names} are missing: this copy was made without "stay signed in" and may last only hours. Log in with "stay signed in" ticked and copy again.`,
      };
    case 'MISSING_SESSION_HEADERS':
      return {
        code: warning.code,
        params: { names },
        message: `Some session headers are missing (${names}): placing orders may be refused.`,
      };
    case 'CSRF_MISMATCH':
      return {
        code: warning.code,
        params: {},
        message:
          'The csrftoken header does not belong to the cr00 cookie of this copy (a stale or mixed copy): copy a fresh cURL from the logged-in page.',
      };
    default:
      return assertNever(warning, 'CurlImportWarning');
  }
}
