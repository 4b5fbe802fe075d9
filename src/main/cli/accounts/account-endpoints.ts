import {
  verifyAccount,
  verifySession,
  type AccountRecord,
  type AccountStore,
  type VerificationResult,
} from '../../core/accounts/index.ts';
import {
  AccountEndpointsFile,
  type AccountEndpoint,
} from '../../core/endpoints/account-endpoints-file.ts';
import { resolveAppDataDir } from '../../core/paths/app-data-dir.ts';
import { DEFAULT_REST_URL } from '../../core/rest/index.ts';
import { checkedEndpoints } from '../common/connection-options.ts';
import { defineMessages, type Lang } from '../i18n/lang.ts';

const messages = defineMessages({
  en: {
    endpointSaved: (id: string, restUrl: string, wsUrl: string) =>
      `Account ${id} connects to ${restUrl} (stream ${wsUrl}); verify, watch and check use it.`,
    notRecorded: (url: string) =>
      `   (checked against ${url}, not the account's own exchange: its stored result is unchanged)`,
  },
  'zh-CN': {
    endpointSaved: (id: string, restUrl: string, wsUrl: string) =>
      `账户 ${id} 连接 ${restUrl}（推送 ${wsUrl}）；verify、watch 和 check 都使用该地址。`,
    notRecorded: (url: string) =>
      `   （此次向 ${url} 验证，而不是该账户自己的交易所：已保存的结果保持不变）`,
  },
});

/** The endpoints file of this environment's data folder. */
export function accountEndpointsFile(env: NodeJS.ProcessEnv): AccountEndpointsFile {
  return new AccountEndpointsFile(resolveAppDataDir(env));
}

/**
 * `accounts add --rest-url/--ws-url`: the endpoint the account will use, checked before
 * anything is sent (the other URL derived for this machine, required otherwise), or
 * undefined for the real exchange.
 */
export function endpointOption(
  options: { 'rest-url'?: string; 'ws-url'?: string },
  lang: Lang,
): AccountEndpoint | undefined {
  if (options['rest-url'] === undefined && options['ws-url'] === undefined) return undefined;
  const { restUrl, wsUrl } = checkedEndpoints(
    { restUrl: options['rest-url'], wsUrl: options['ws-url'] },
    lang,
    true,
  );
  return { restUrl: restUrl!, wsUrl: wsUrl!, environment: 'custom' };
}

/** Remembers (or, for the real exchange, forgets) where a just-added account connects. */
export async function rememberEndpoint(
  env: NodeJS.ProcessEnv,
  lang: Lang,
  accountId: string,
  endpoint: AccountEndpoint | undefined,
  stdout: (text: string) => void,
): Promise<void> {
  await accountEndpointsFile(env).set(accountId, endpoint ?? null);
  if (endpoint)
    stdout(`${messages(lang).endpointSaved(accountId, endpoint.restUrl, endpoint.wsUrl)}\n`);
}

/**
 * Verifies one stored account. Against its own exchange (the one it was added with, else
 * Binance) the result is recorded; against another one (`--demo`, a different `--rest-url`)
 * it is only shown, so a check against a simulator never marks real sessions expired.
 */
export async function verifyStoredAccount(
  store: AccountStore,
  env: NodeJS.ProcessEnv,
  lang: Lang,
  id: string,
  override: string | undefined,
): Promise<{
  account: AccountRecord;
  result: VerificationResult;
  restUrl: string;
  note?: string;
}> {
  const ownUrl = (await accountEndpointsFile(env).get(id))?.restUrl ?? DEFAULT_REST_URL;
  const restUrl = override ?? ownUrl;
  if (restUrl === ownUrl) return { ...(await verifyAccount(store, id, { restUrl })), restUrl };
  const account = (await store.get(id))!;
  const result = await verifySession(await store.getCredentials(id), { restUrl });
  return { account, result, restUrl, note: messages(lang).notRecorded(restUrl) };
}
