import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../../test/fakes/memory-secret-store.ts';
import { AccountStore } from '../../core/accounts/index.ts';
import { CliError, ExitCode } from './cli-error.ts';
import { resolveCredentials } from './resolve-credentials.ts';

const fileSession = { headers: { CSRFToken: 'file-csrf-0123456789' }, cookies: 'p20t=file' };
const keychainSession = {
  headers: { csrftoken: 'keychain-csrf-0123456789' },
  cookies: 'p20t=keychain',
};

let dir: string;
let secrets: MemorySecretStore;
let store: AccountStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'am-resolve-'));
  secrets = new MemorySecretStore();
  store = new AccountStore({ secrets, dataDir: dir });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function privateFile(name: string, content: unknown, mode = 0o600): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(content));
  await chmod(path, mode);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<CliError> {
  try {
    await promise;
  } catch (error) {
    return error as CliError;
  }
  throw new Error('expected a failure');
}

describe('resolveCredentials', () => {
  it('reads the keychain by default for --user', async () => {
    await store.save({ id: '1', credentials: keychainSession });
    await store.save({ id: '2', credentials: fileSession });
    expect(await resolveCredentials({ user: '1', env: {}, store })).toEqual({
      credentials: keychainSession,
      source: 'keychain',
      accountId: '1',
    });
  });

  it('uses the only account without --user, and asks when there are several or none', async () => {
    expect((await failure(resolveCredentials({ env: {}, store }))).message).toMatch(/accounts add/);
    await store.save({ id: 'main', credentials: keychainSession });
    expect((await resolveCredentials({ env: {}, store })).accountId).toBe('main');
    await store.save({ id: 'alt', credentials: keychainSession });
    expect((await failure(resolveCredentials({ env: {}, store }))).message).toMatch(
      /main, alt.*--user/,
    );
  });

  it('prefers --credentials-file, then ALPHA_MONITOR_CREDENTIALS_FILE, then the keychain', async () => {
    await store.save({ id: '1', credentials: keychainSession });
    const cli = await privateFile('cli.json', fileSession);
    const fromEnv = await privateFile('env.json', {
      headers: { csrftoken: 'env-csrf' },
      cookies: 'p20t=env',
    });
    const env = { ALPHA_MONITOR_CREDENTIALS_FILE: fromEnv };
    expect(await resolveCredentials({ user: '1', credentialsFile: cli, env, store })).toMatchObject(
      {
        source: 'file',
        credentials: { headers: { csrftoken: 'file-csrf-0123456789' } },
      },
    );
    expect(await resolveCredentials({ user: '1', env, store })).toMatchObject({
      source: 'env',
      accountId: '1',
      credentials: { cookies: 'p20t=env' },
    });
  });

  it.runIf(process.platform !== 'win32')(
    'refuses credential files other users can read, from either source (POSIX modes; skipped on Windows, which has none)',
    async () => {
      const open = await privateFile('open.json', fileSession, 0o644);
      expect(
        (await failure(resolveCredentials({ credentialsFile: open, env: {}, store }))).message,
      ).toMatch(/chmod 600/);
      expect(
        (
          await failure(
            resolveCredentials({ env: { ALPHA_MONITOR_CREDENTIALS_FILE: open }, store }),
          )
        ).message,
      ).toMatch(/readable by other users/);
    },
  );

  it('refuses a credentials file with a character no browser sends, naming the header but not its value', async () => {
    const path = await privateFile('pasted.json', {
      headers: { csrftoken: 'file-csrf-\u2026' },
      cookies: 'p20t=file',
    });
    const error = await failure(resolveCredentials({ credentialsFile: path, store }));
    expect(error).toBeInstanceOf(CliError);
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toContain('csrftoken header has a character browsers never send');
    expect(error.message).not.toContain('file-csrf');
  });

  it('explains a missing keychain in plain words', async () => {
    await store.save({ id: '1', credentials: keychainSession });
    secrets.unavailable = true;
    const error = await failure(resolveCredentials({ user: '1', env: {}, store }));
    expect(error).toBeInstanceOf(CliError);
    expect(error.message).toMatch(/install gnome-keyring/i);
    expect(error.message).toContain('ALPHA_MONITOR_CREDENTIALS_FILE');
  });

  it('names an unknown account', async () => {
    const error = await failure(resolveCredentials({ user: 'ghost', env: {}, store }));
    expect(error.message).toContain('No account "ghost"');
    expect(error.message).toContain('npx alpha-monitor accounts list');
    expect(error.exitCode).toBe(ExitCode.usage);
  });

  it('names an unknown account in Chinese with lang zh-CN', async () => {
    const error = await failure(
      resolveCredentials({ user: 'main', env: {}, store, lang: 'zh-CN' }),
    );
    expect(error.message).toBe('没有账户“main”。查看账户列表：npx alpha-monitor accounts list');
    expect(error.message).not.toMatch(/No account/);
  });

  it.runIf(process.platform !== 'win32')(
    'says what is wrong in Chinese with lang zh-CN (POSIX modes; skipped on Windows)',
    async () => {
      const open = await privateFile('open.json', fileSession, 0o644);
      expect(
        (
          await failure(
            resolveCredentials({ credentialsFile: open, env: {}, store, lang: 'zh-CN' }),
          )
        ).message,
      ).toMatch(/其他用户可以读取.*chmod 600/);
      expect(
        (
          await failure(
            resolveCredentials({
              credentialsFile: join(dir, 'none.json'),
              env: {},
              store,
              lang: 'zh-CN',
            }),
          )
        ).message,
      ).toContain('找不到凭据文件');
      const bad = await privateFile('bad.json', { headers: 'x' });
      expect(
        (await failure(resolveCredentials({ credentialsFile: bad, env: {}, store, lang: 'zh-CN' })))
          .message,
      ).toContain('的格式应为');
      expect(
        (await failure(resolveCredentials({ env: {}, store, lang: 'zh-CN' }))).message,
      ).toContain('没有凭据');
    },
  );
});
