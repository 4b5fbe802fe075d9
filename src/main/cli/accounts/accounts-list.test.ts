import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryCliContext } from '../../../../test/fakes/memory-cli-context.ts';
import { MemorySecretStore } from '../../../../test/fakes/memory-secret-store.ts';
import { AccountStore } from '../../core/accounts/index.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import { runList } from './accounts-actions.ts';
import { toCliError } from './open-account-store.ts';

const session = { headers: { csrftoken: 'list-csrf-0123456789' }, cookies: 'p20t=list' };

let dir: string;
let secrets: MemorySecretStore;
let store: AccountStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'am-accounts-list-'));
  secrets = new MemorySecretStore();
  store = new AccountStore({ secrets, dataDir: dir });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `accounts list` as the command runs it: its failures go through the same translation. */
async function list(cli: ReturnType<typeof createMemoryCliContext>, json = false) {
  try {
    return await runList(store, { json }, cli.context);
  } catch (error) {
    throw toCliError(error, cli.context.lang);
  }
}

describe('accounts list', () => {
  it('says "no accounts yet" (exit 0) when the keychain is there and nothing is listed', async () => {
    const cli = createMemoryCliContext('en');
    expect(await list(cli)).toBe(ExitCode.ok);
    expect(cli.stdout).toMatch(/^No accounts yet/);
  });

  it('says the keychain cannot be reached and what to do (exit 1), not "no accounts yet"', async () => {
    secrets.unavailable = true;
    for (const lang of ['en', 'zh-CN'] as const) {
      const cli = createMemoryCliContext(lang);
      const error = await list(cli).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(ExitCode.failure);
      expect((error as CliError).message).toContain(
        lang === 'en' ? 'No keychain is reachable' : '无法访问系统钥匙串',
      );
      expect((error as CliError).message).toContain('gnome-keyring');
      expect((error as CliError).message).toContain('--credentials-file');
      expect(cli.stdout).toBe('');
    }
  });

  it('still shows listed accounts without a keychain, then fails the same way', async () => {
    await store.save({ id: 'main', credentials: session });
    secrets.unavailable = true;
    const cli = createMemoryCliContext('en');
    await expect(list(cli)).rejects.toMatchObject({
      exitCode: ExitCode.failure,
      message: expect.stringContaining('No keychain is reachable'),
    });
    expect(cli.stdout).toContain('main');
    const json = createMemoryCliContext('en');
    await expect(list(json, true)).rejects.toMatchObject({ exitCode: ExitCode.failure });
    expect(JSON.parse(json.stdout)).toMatchObject([{ id: 'main' }]);
  });
});
