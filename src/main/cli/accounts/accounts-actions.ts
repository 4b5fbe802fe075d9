import {
  AccountError,
  copyWarningsOf,
  CurlImportError,
  isSessionUnusable,
  keychainServiceFromEnv,
  LegacyExportError,
  parseCurl,
  parseLegacyExport,
  validateAccountId,
  verifySession,
  type AccountRecord,
  type AccountStore,
  type CurlImport,
  type VerificationResult,
} from '../../core/accounts/index.ts';
import { SecretStoreError } from '../../core/ports/secret-store.ts';
import { pathExists, writeCredentialsFile } from './credentials-file-writer.ts';
import type { CliContext } from '../common/cli-context.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import {
  accountEndpointsFile,
  endpointOption,
  rememberEndpoint,
  verifyStoredAccount,
} from './account-endpoints.ts';
import { accountsMessages } from './accounts-messages.ts';
import { formatAccountsTable, toJsonRecord } from './accounts-format.ts';
import { openVerificationTarget } from './verification-target.ts';
import { DEFAULT_REST_URL } from '../../core/rest/index.ts';

/** The parsed options of `accounts <sub>`. */
export interface AccountsOptions {
  user?: string;
  name?: string;
  'from-curl'?: string;
  from?: string;
  'no-verify'?: boolean;
  demo?: boolean;
  'rest-url'?: string;
  'ws-url'?: string;
  json?: boolean;
  replace?: boolean;
  'to-file'?: string;
}

type ReadInput = (path: string, ctx: CliContext) => Promise<string>;

function required(value: string | undefined, name: string, ctx: CliContext): string {
  if (value === undefined || value.trim() === '') {
    const m = accountsMessages(ctx.lang);
    throw new CliError(
      `${m.missingOption(name)}\n\n${m.usage(keychainServiceFromEnv(ctx.env))}`,
      ExitCode.usage,
    );
  }
  return value;
}

/** Exit code for a verification outcome. */
function exitCodeOf(result: VerificationResult): number {
  if (result.outcome === 'OK') return ExitCode.ok;
  return isSessionUnusable(result.outcome) ? ExitCode.credentialsRejected : ExitCode.failure;
}

function printResult(result: VerificationResult, ctx: CliContext, prefix = ''): void {
  const m = accountsMessages(ctx.lang);
  ctx.stdout(`${prefix}${m.outcome(result.outcome)}\n`);
  if (result.maskedListenKey) ctx.stdout(`${m.listenKey(result.maskedListenKey)}\n`);
  const explanation = m.explain(result.outcome);
  if (explanation) ctx.stderr(`${explanation}\n`);
  if (result.outcome !== 'OK' && result.detail) ctx.stderr(`${m.detail(result.detail)}\n`);
}

function printImport(imported: CurlImport, ctx: CliContext): void {
  const m = accountsMessages(ctx.lang);
  // Names only: a value, even masked, is nothing the user needs to see here.
  const headers = imported.keptHeaders.join(', ');
  ctx.stdout(`${m.imported(imported.flavour, imported.requestUrl)}\n`);
  ctx.stdout(`${m.keptHeaders(headers)}\n`);
  ctx.stdout(`${m.keptCookies(imported.cookieNames.length, imported.cookieNames.join(', '))}\n`);
  if (imported.droppedHeaders.length > 0)
    ctx.stdout(`${m.droppedHeaders(imported.droppedHeaders.join(', '))}\n`);
  for (const warning of imported.warnings) {
    const names = warning.names.join(', ');
    ctx.stderr(
      `${warning.code === 'MISSING_SESSION_COOKIES' ? m.missingCookies(names) : warning.code === 'CSRF_MISMATCH' ? m.csrfMismatch : m.missingHeaders(names)}\n`,
    );
  }
}

/** `accounts add`: parse the cURL, verify (unless --no-verify), store. */
export async function runAdd(
  store: AccountStore,
  options: AccountsOptions,
  ctx: CliContext,
  read: ReadInput,
): Promise<number> {
  const m = accountsMessages(ctx.lang);
  const toFile = options['to-file'];
  if (toFile !== undefined && (options.user !== undefined || options.name !== undefined))
    throw new CliError(m.toFileWithUser, ExitCode.usage);
  const user = toFile === undefined ? required(options.user, 'user', ctx) : '';
  // A bad id or URL is refused before the paste is read or anything is sent.
  if (toFile === undefined) validateAccountId(user);
  const given = endpointOption(options, ctx.lang);
  const source = required(options['from-curl'], 'from-curl', ctx);
  if (toFile !== undefined && !options.replace && (await pathExists(toFile)))
    throw new CliError(m.toFileExists(toFile), ExitCode.usage);
  if (toFile === undefined) {
    // Refused before anything is verified or stored; checked again under the lock below.
    const existing = await store.get(user);
    if (existing && !options.replace) throw new CliError(m.exists(user), ExitCode.usage);
    if (!existing && options.replace) throw new CliError(m.replaceNotFound(user), ExitCode.usage);
  }
  // A re-import keeps the exchange the account was added with, unless a new --rest-url is given.
  const endpoint =
    given ??
    (toFile === undefined && options.replace
      ? await accountEndpointsFile(ctx.env).get(user)
      : undefined);
  let imported: CurlImport;
  try {
    imported = parseCurl(await read(source, ctx));
  } catch (error) {
    if (error instanceof CurlImportError)
      throw new CliError(m.curlError(error.code, error.detail), ExitCode.usage);
    throw error;
  }
  printImport(imported, ctx);

  let result: VerificationResult | undefined;
  if (!options['no-verify']) {
    const target = await openVerificationTarget(
      { demo: options.demo, restUrl: endpoint?.restUrl },
      ctx,
    );
    try {
      ctx.stdout(`${m.verifying(target.restUrl)}\n`);
      result = await verifySession(imported.credentials, { restUrl: target.restUrl });
    } finally {
      await target.dispose();
    }
    printResult(result, ctx);
    // An expired or refused session is useless; verification-required ones start working
    // once the user finishes the verification in the app, so those are kept.
    if (result.outcome === 'SESSION_EXPIRED' || result.outcome === 'REJECTED') {
      ctx.stderr(`${m.notSaved}\n`);
      return ExitCode.credentialsRejected;
    }
  } else {
    ctx.stdout(`${m.notVerified}\n`);
  }
  const { maskedListenKey: _shown, ...verification } = result ?? { maskedListenKey: undefined };
  if (toFile !== undefined) {
    await writeCredentialsFile(toFile, imported.credentials);
    // The file holds the session only; the endpoint it was made for goes with each command.
    const urls = endpoint ? ` --rest-url ${endpoint.restUrl} --ws-url ${endpoint.wsUrl}` : '';
    ctx.stdout(`${m.toFileWritten(toFile, urls)}\n`);
    return result ? exitCodeOf(result) : ExitCode.ok;
  }
  const request = {
    id: user,
    name: options.name,
    credentials: imported.credentials,
    verification: result ? (verification as VerificationResult) : null,
    copyWarnings: copyWarningsOf(imported),
  };
  let account: AccountRecord;
  try {
    account = options.replace ? await store.replace(request) : await store.create(request);
  } catch (error) {
    // Another `accounts add` stored this id while we verified: its session is kept.
    if (error instanceof AccountError && error.code === 'ACCOUNT_EXISTS')
      throw new CliError(m.exists(user), ExitCode.usage);
    throw error;
  }
  ctx.stdout(`${m.saved(account.id, account.name, options.replace === true)}\n`);
  await rememberEndpoint(ctx.env, ctx.lang, account.id, endpoint, ctx.stdout);
  if (result?.outcome === 'UNREACHABLE') ctx.stderr(`${m.savedUnverified(account.id)}\n`);
  return result ? exitCodeOf(result) : ExitCode.ok;
}

/**
 * `accounts list`: a table, or `--json`, from accounts.json. With no keychain reachable the
 * listed accounts are still shown, but it fails (the error explains what to do) instead of
 * saying "no accounts yet": none could be added or used.
 */
export async function runList(
  store: AccountStore,
  options: AccountsOptions,
  ctx: CliContext,
): Promise<number> {
  const accounts = await store.list();
  const noKeychain = await reportOrphans(store, ctx);
  if (options.json) {
    ctx.stdout(`${JSON.stringify(accounts.map(toJsonRecord), null, 2)}\n`);
  } else if (accounts.length > 0) {
    ctx.stdout(formatAccountsTable(accounts, ctx.lang));
  } else if (noKeychain === null) {
    ctx.stdout(`${accountsMessages(ctx.lang).noAccounts}\n`);
  }
  if (noKeychain !== null) throw noKeychain;
  return ExitCode.ok;
}

/** `accounts verify [--user]`: one account, or every account. */
export async function runVerify(
  store: AccountStore,
  options: AccountsOptions,
  ctx: CliContext,
): Promise<number> {
  const m = accountsMessages(ctx.lang);
  const ids = options.user !== undefined ? [options.user] : (await store.list()).map((a) => a.id);
  if (ids.length === 0) {
    ctx.stdout(`${m.noAccounts}\n`);
    return ExitCode.ok;
  }
  if (options.user !== undefined && !(await store.get(options.user))) {
    throw new CliError(m.notFound(options.user), ExitCode.usage);
  }
  // --demo or --rest-url checks elsewhere than each account's own exchange, without recording.
  const target =
    options.demo || options['rest-url'] !== undefined
      ? await openVerificationTarget({ demo: options.demo, restUrl: options['rest-url'] }, ctx)
      : undefined;
  let exitCode: number = ExitCode.ok;
  let shownUrl: string | undefined;
  try {
    for (const id of ids) {
      const { account, result, restUrl, note } = await verifyStoredAccount(
        store,
        ctx.env,
        ctx.lang,
        id,
        target?.restUrl,
      );
      if (restUrl !== shownUrl) ctx.stdout(`${m.verifying((shownUrl = restUrl))}\n`);
      printResult(result, ctx, m.verifyLine(account.id, account.name, ''));
      if (note) ctx.stdout(`${note}\n`);
      exitCode = Math.max(exitCode, exitCodeOf(result));
    }
  } finally {
    await target?.dispose();
  }
  return exitCode;
}

/** Names keychain entries no account lists (on stderr: `--json` output stays a list). */
/** Names orphaned keychain entries; returns the error when no keychain is reachable. */
async function reportOrphans(
  store: AccountStore,
  ctx: CliContext,
): Promise<SecretStoreError | null> {
  let orphans: string[];
  try {
    orphans = await store.orphans();
  } catch (error) {
    // The list itself needs no keychain, so it is still shown; a locked keychain is no failure.
    if (error instanceof SecretStoreError)
      return error.code === 'SECRET_STORE_UNAVAILABLE' ? error : null;
    throw error;
  }
  if (orphans.length > 0) ctx.stderr(`${accountsMessages(ctx.lang).orphans(orphans.join(', '))}\n`);
  return null;
}

/** `accounts prune`: deletes the keychain entries no account lists. */
export async function runPrune(store: AccountStore, ctx: CliContext): Promise<number> {
  const m = accountsMessages(ctx.lang);
  const pruned = await store.pruneOrphans();
  ctx.stdout(`${pruned.length > 0 ? m.pruned(pruned.join(', ')) : m.nothingToPrune}\n`);
  return ExitCode.ok;
}

/** `accounts remove --user`: the keychain entry, the metadata and the remembered exchange. */
export async function runRemove(
  store: AccountStore,
  options: AccountsOptions,
  ctx: CliContext,
): Promise<number> {
  const m = accountsMessages(ctx.lang);
  const user = required(options.user, 'user', ctx);
  if (!(await store.remove(user))) throw new CliError(m.notFound(user), ExitCode.usage);
  // Its remembered exchange goes too, as when the app removes an account.
  await rememberEndpoint(ctx.env, ctx.lang, user, undefined, ctx.stdout);
  ctx.stdout(`${m.removed(user)}\n`);
  return ExitCode.ok;
}

/**
 * `accounts import --from`: the original project's export. Every readable row is stored,
 * whatever its verification says (a migration loses nothing); bad rows are named and skipped.
 * An id that exists is refused, as `accounts add` refuses it, unless --replace gives those
 * accounts the export's sessions (rows of new ids are added either way). Where each account
 * connects is remembered as `accounts add` remembers it.
 */
export async function runImport(
  store: AccountStore,
  options: AccountsOptions,
  ctx: CliContext,
  read: ReadInput,
): Promise<number> {
  const m = accountsMessages(ctx.lang);
  const path = required(options.from, 'from', ctx);
  // A bad URL is refused before the export is read or anything is sent, as by `accounts add`.
  const given = endpointOption(options, ctx.lang);
  let parsed: ReturnType<typeof parseLegacyExport>;
  try {
    parsed = parseLegacyExport(await read(path, ctx));
  } catch (error) {
    if (error instanceof LegacyExportError) {
      throw new CliError(
        error.code === 'NOT_JSON' ? m.legacyNotJson(path) : m.legacyNotExport(path),
        ExitCode.usage,
      );
    }
    throw error;
  }
  for (const problem of parsed.problems)
    ctx.stderr(`${m.legacyProblem(problem.index, problem.id, problem.code)}\n`);
  // Refused before anything is verified or stored; a row added meanwhile is caught under the lock.
  const listed = new Set((await store.list()).map((account) => account.id));
  const taken = parsed.accounts.map((row) => row.id).filter((id) => listed.has(id));
  if (taken.length > 0 && !options.replace)
    throw new CliError(m.legacyExists(taken.join(', '), path), ExitCode.usage);
  const verify = !options['no-verify'];
  // As `accounts add`: --rest-url is where every row connects from now on; without it a
  // replaced account keeps the exchange it was added with, a new one gets Binance.
  const stored = await accountEndpointsFile(ctx.env).read();
  const endpointOf = (id: string) => given ?? (listed.has(id) ? stored[id] : undefined);
  // --demo or --rest-url verifies every row there (--demo: a simulator of its own, remembered nowhere).
  const override =
    verify && (options.demo || given)
      ? await openVerificationTarget({ demo: options.demo, restUrl: given?.restUrl }, ctx)
      : undefined;
  let imported = 0;
  let skipped = parsed.problems.length;
  // The worst row decides, as in `accounts verify` (exitCodeOf): a rejected session gives
  // ExitCode.credentialsRejected (3), the code `check` exits with for it.
  let exitCode: number = ExitCode.ok;
  const failed: string[] = [];
  const outcomes = new Set<VerificationResult['outcome']>();
  let shownUrl: string | undefined;
  try {
    for (const row of parsed.accounts) {
      const endpoint = endpointOf(row.id);
      let verification: VerificationResult | undefined;
      if (verify) {
        const restUrl = override?.restUrl ?? endpoint?.restUrl ?? DEFAULT_REST_URL;
        if (restUrl !== shownUrl) ctx.stdout(`${m.verifying((shownUrl = restUrl))}\n`);
        verification = await verifySession(row.credentials, { restUrl });
      }
      const { maskedListenKey: _shown, ...record } = verification ?? { maskedListenKey: undefined };
      const request = {
        id: row.id,
        name: row.name,
        credentials: row.credentials,
        verification: verification ? (record as VerificationResult) : null,
      };
      let account: AccountRecord;
      let replaced = false;
      try {
        if (options.replace) ({ account, replaced } = await store.save(request));
        else account = await store.create(request);
      } catch (error) {
        // Another process added this id while we verified: its session is kept.
        if (!(error instanceof AccountError && error.code === 'ACCOUNT_EXISTS')) throw error;
        ctx.stderr(`${m.exists(row.id)}\n`);
        skipped++;
        continue;
      }
      imported++;
      const status = verification ? m.outcome(verification.outcome) : m.notVerified;
      ctx.stdout(`${m.legacyImported(account.id, account.name, status, replaced)}\n`);
      await rememberEndpoint(ctx.env, ctx.lang, account.id, endpoint, ctx.stdout);
      if (!verification || verification.outcome === 'OK') continue;
      // Stored all the same (a migration loses nothing); named again in the summary.
      failed.push(m.verifyLine(account.id, account.name, status));
      outcomes.add(verification.outcome);
      exitCode = Math.max(exitCode, exitCodeOf(verification));
      if (verification.outcome === 'UNREACHABLE') ctx.stderr(`${m.savedUnverified(account.id)}\n`);
    }
  } finally {
    await override?.dispose();
  }
  ctx.stdout(`${m.legacySummary(imported, skipped)}\n`);
  if (failed.length > 0) ctx.stdout(`${m.legacyFailed(failed.join('; '))}\n`);
  // What to do, once for each kind of failure.
  for (const outcome of outcomes) ctx.stderr(`${m.explain(outcome)}\n`);
  return Math.max(exitCode, skipped > 0 ? ExitCode.failure : ExitCode.ok);
}
