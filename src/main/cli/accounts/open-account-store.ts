import {
  AccountError,
  AccountStore,
  createKeyringSecretStore,
  keychainServiceFromEnv,
} from '../../core/accounts/index.ts';
import { SecretStoreError, type SecretStore } from '../../core/ports/secret-store.ts';
import { resolveAppDataDir } from '../../core/paths/app-data-dir.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import { defineMessages, type Lang } from '../i18n/lang.ts';

const messages = defineMessages({
  en: {
    noKeychain: (detail: string) =>
      'No keychain is reachable: this machine has no Secret Service (the Linux keychain) on its D-Bus session bus.\n' +
      'Install gnome-keyring (Debian/Ubuntu: sudo apt install gnome-keyring dbus-x11) and log in to a desktop session, ' +
      'or use a credentials file instead: write one from a pasted cURL with npx alpha-monitor accounts add --to-file <path> --from-curl -, ' +
      'then pass --credentials-file <path> (or ALPHA_MONITOR_CREDENTIALS_FILE=<path>) to watch, serve, strategy or points.\n' +
      `  (${detail})`,
    noDefaultKeyring: (detail: string) =>
      'A Secret Service (the Linux keychain) is running, but it has no default keyring to keep the session in (no login keyring).\n' +
      'Create or unlock the login keyring (Passwords and Keys, i.e. seahorse; or start gnome-keyring-daemon with --unlock), ' +
      'or use a credentials file instead: write one from a pasted cURL with npx alpha-monitor accounts add --to-file <path> --from-curl -, ' +
      'then pass --credentials-file <path> (or ALPHA_MONITOR_CREDENTIALS_FILE=<path>) to watch, serve, strategy or points.\n' +
      `  (${detail})`,
    keychainFailed: (detail: string) =>
      `The keychain refused the operation (${detail}). If it is locked, unlock it and try again.`,
    accountNotFound: (id: string) =>
      `No account "${id}". See the list with: npx alpha-monitor accounts list`,
  },
  'zh-CN': {
    noKeychain: (detail: string) =>
      '无法访问系统钥匙串：本机的 D-Bus 会话总线上没有 Secret Service（Linux 钥匙串）。\n' +
      '请安装 gnome-keyring（Debian/Ubuntu：sudo apt install gnome-keyring dbus-x11）并登录桌面会话，' +
      '或改用凭据文件：先用 npx alpha-monitor accounts add --to-file <路径> --from-curl - 从粘贴的 cURL 写出，' +
      '再给 watch、serve、strategy 或 points 传入 --credentials-file <路径>（或 ALPHA_MONITOR_CREDENTIALS_FILE=<路径>）。\n' +
      `  （${detail}）`,
    noDefaultKeyring: (detail: string) =>
      '系统钥匙串（Secret Service）正在运行，但没有可保存会话的默认钥匙圈（没有登录钥匙圈）。\n' +
      '请创建或解锁登录钥匙圈（“密码和密钥”即 seahorse；或以 --unlock 启动 gnome-keyring-daemon），' +
      '或改用凭据文件：先用 npx alpha-monitor accounts add --to-file <路径> --from-curl - 从粘贴的 cURL 写出，' +
      '再给 watch、serve、strategy 或 points 传入 --credentials-file <路径>（或 ALPHA_MONITOR_CREDENTIALS_FILE=<路径>）。\n' +
      `  （${detail}）`,
    keychainFailed: (detail: string) =>
      `钥匙串拒绝了此操作（${detail}）。如果它已锁定，请解锁后重试。`,
    accountNotFound: (id: string) =>
      `没有账户“${id}”。查看账户列表：npx alpha-monitor accounts list`,
  },
});

/** The account store of this environment: the OS keychain plus accounts.json in the data folder. */
export function openAccountStore(env: NodeJS.ProcessEnv, secrets?: SecretStore): AccountStore {
  return new AccountStore({
    secrets: secrets ?? createKeyringSecretStore({ service: keychainServiceFromEnv(env) }),
    dataDir: resolveAppDataDir(env),
  });
}

/**
 * Turns keychain and account-store failures into plain-language CLI errors; anything else is
 * rethrown unchanged.
 */
export function toCliError(error: unknown, lang: Lang): unknown {
  const m = messages(lang);
  if (error instanceof SecretStoreError) {
    const detail = error.cause instanceof Error ? error.cause.message : error.message;
    if (error.code !== 'SECRET_STORE_UNAVAILABLE')
      return new CliError(m.keychainFailed(error.message), ExitCode.failure);
    // "no result found": the Secret Service answered but has no default collection.
    const noKeyring = /secret service: no result found/i.test(detail);
    return new CliError(
      noKeyring ? m.noDefaultKeyring(detail) : m.noKeychain(detail),
      ExitCode.failure,
    );
  }
  if (error instanceof AccountError) {
    if (error.code === 'ACCOUNT_NOT_FOUND' && error.accountId !== undefined)
      return new CliError(m.accountNotFound(error.accountId), ExitCode.usage);
    const usage = error.code === 'INVALID_ACCOUNT_ID' || error.code === 'ACCOUNT_NOT_FOUND';
    return new CliError(error.message, usage ? ExitCode.usage : ExitCode.failure);
  }
  return error;
}
