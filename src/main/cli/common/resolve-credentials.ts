import { stat, readFile } from 'node:fs/promises';
import {
  findUnsendableCredential,
  unsendableCharacterMessage,
} from '../../core/credentials/header-characters.ts';
import type { SessionCredentials } from '../../core/credentials/session-credentials.ts';
import type { AccountStore } from '../../core/accounts/index.ts';
import { openAccountStore, toCliError } from '../accounts/open-account-store.ts';
import { defineMessages, type Lang } from '../i18n/lang.ts';
import { CliError, ExitCode } from './cli-error.ts';

const SHAPE = '{"headers":{"csrftoken":"...",...},"cookies":"k=v; k2=v2"}';

const messages = defineMessages({
  en: {
    notFound: (path: string) => `Credentials file not found: ${path}`,
    readableByOthers: (path: string, mode: string) =>
      `Refusing ${path}: it is readable by other users (mode ${mode}). Run: chmod 600 ${path}`,
    notJson: (path: string) => `${path} is not valid JSON. Expected ${SHAPE}`,
    badShape: (origin: string) => `${origin} must look like ${SHAPE}`,
    unsendable: (origin: string, part: string) => `${origin}: ${unsendableCharacterMessage(part)}`,
    noAccounts: () =>
      'No credentials: add an account with npx alpha-monitor accounts add --user <id> --from-curl <file>, ' +
      'or pass --credentials-file <path> (or --demo to use the built-in simulator).',
    severalAccounts: (ids: string) =>
      `Several accounts are stored (${ids}): choose one with --user <id>.`,
  },
  'zh-CN': {
    notFound: (path: string) => `找不到凭据文件：${path}`,
    readableByOthers: (path: string, mode: string) =>
      `拒绝读取 ${path}：其他用户可以读取该文件（权限 ${mode}）。请运行：chmod 600 ${path}`,
    notJson: (path: string) => `${path} 不是有效的 JSON。应为 ${SHAPE}`,
    badShape: (origin: string) => `${origin} 的格式应为 ${SHAPE}`,
    unsendable: (origin: string, part: string) =>
      `${origin}：${part === 'cookie' ? 'Cookie 请求头' : `${part} 请求头`}含有浏览器从不发送的字符（可能被聊天软件或编辑器改动过）。` +
      '请从浏览器重新“复制为 cURL”并重新导入。',
    noAccounts: () =>
      '没有凭据：先用 npx alpha-monitor accounts add --user <id> --from-curl <文件> 添加账户，' +
      '或传入 --credentials-file <路径>（或用 --demo 使用内置模拟器）。',
    severalAccounts: (ids: string) => `有多个账户（${ids}）：请用 --user <id> 选择一个。`,
  },
});

/** For servers without a keychain: the path of a credentials file (same format as --credentials-file). */
export const CREDENTIALS_FILE_ENV_VAR = 'ALPHA_MONITOR_CREDENTIALS_FILE';

/**
 * Where a command's credentials come from, in this order:
 * 1. `--credentials-file <path>`;
 * 2. the `ALPHA_MONITOR_CREDENTIALS_FILE` environment variable (headless servers);
 * 3. the OS keychain (the default), for `--user <id>`, or the only account when there is one.
 * Both files must be private to their owner (chmod 600).
 */
export interface CredentialRequest {
  user?: string;
  credentialsFile?: string;
  /** Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Language of the messages; default en. */
  lang?: Lang;
  /** Default: the keychain + accounts.json of this environment (tests pass their own). */
  store?: AccountStore;
}

export interface ResolvedCredentials {
  credentials: SessionCredentials;
  source: 'file' | 'env' | 'keychain';
  accountId: string;
}

/** Refuses a file that group or others can read: it holds a live session. */
export async function readPrivateCredentialsFile(
  path: string,
  lang: Lang = 'en',
): Promise<SessionCredentials> {
  const m = messages(lang);
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch {
    throw new CliError(m.notFound(path), ExitCode.usage);
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new CliError(m.readableByOthers(path, (mode & 0o777).toString(8)), ExitCode.usage);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new CliError(m.notJson(path), ExitCode.usage);
  }
  return toSessionCredentials(parsed, path, lang);
}

function toSessionCredentials(value: unknown, origin: string, lang: Lang): SessionCredentials {
  const bad = () => new CliError(messages(lang).badShape(origin), ExitCode.usage);
  if (typeof value !== 'object' || value === null) throw bad();
  const { headers, cookies } = value as { headers?: unknown; cookies?: unknown };
  if (typeof headers !== 'object' || headers === null || typeof cookies !== 'string') throw bad();
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(headers)) {
    if (typeof v !== 'string') throw bad();
    out[name.toLowerCase()] = v;
  }
  const credentials = { headers: out, cookies };
  const unsendable = findUnsendableCredential(credentials);
  // Refused here rather than by every request later; the message names the part, never its value.
  if (unsendable !== null)
    throw new CliError(messages(lang).unsendable(origin, unsendable), ExitCode.usage);
  return credentials;
}

/** Resolves the credentials a command should use. */
export async function resolveCredentials(request: CredentialRequest): Promise<ResolvedCredentials> {
  const env = request.env ?? process.env;
  const lang = request.lang ?? 'en';
  if (request.credentialsFile) {
    return {
      credentials: await readPrivateCredentialsFile(request.credentialsFile, lang),
      source: 'file',
      accountId: request.user ?? 'file',
    };
  }
  const envFile = env[CREDENTIALS_FILE_ENV_VAR];
  if (envFile !== undefined && envFile.trim() !== '') {
    return {
      credentials: await readPrivateCredentialsFile(envFile, lang),
      source: 'env',
      accountId: request.user ?? 'env',
    };
  }
  const store = request.store ?? openAccountStore(env);
  try {
    const accountId = request.user ?? (await onlyAccount(store, lang));
    return { credentials: await store.getCredentials(accountId), source: 'keychain', accountId };
  } catch (error) {
    throw toCliError(error, lang);
  }
}

/** Without --user, the single stored account is the obvious choice; otherwise ask. */
async function onlyAccount(store: AccountStore, lang: Lang): Promise<string> {
  const accounts = await store.list();
  if (accounts.length === 1) return accounts[0]!.id;
  const m = messages(lang);
  throw new CliError(
    accounts.length === 0
      ? m.noAccounts()
      : m.severalAccounts(accounts.map((a) => a.id).join(', ')),
    ExitCode.usage,
  );
}
