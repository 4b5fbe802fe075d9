import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  curlForSession,
  useAccountsCliHarness,
} from '../../../../test/fakes/accounts-cli-harness.ts';

// Issue 14: where an account connects is remembered, checked before anything is sent, and a
// check against another exchange never rewrites what is stored.
const cli = useAccountsCliHarness({
  homePrefix: 'am-cli-endpoints-',
  sim: { demoActivity: false },
});
const { run, keychain } = cli;
let recorder: Server;
let recorderUrl: string;
let recorded = 0;

beforeAll(async () => {
  recorder = createServer((_request, response) => {
    recorded++;
    response.end('{}');
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
});
afterAll(async () => {
  recorder?.closeAllConnections();
  await new Promise<void>((resolve) => recorder?.close(() => resolve()));
});

describe('accounts and their exchange', () => {
  it('refuses the id 中文 before asking the exchange anything (exit 2)', async () => {
    const account = cli.sim.createAccount();
    const add = await run(
      ['accounts', 'add', '--user', '中文', '--from-curl', '-', '--rest-url', recorderUrl],
      curlForSession(account.credentials),
    );
    expect(add.code).toBe(2);
    expect(add.err).toContain('中文');
    expect(add.out).not.toContain('Verifying');
    expect(recorded).toBe(0);
    expect(await keychain.findCredentials()).toEqual([]);
  });

  it('an account added with --rest-url is verified there later, and listen-key --user uses it', async () => {
    const account = cli.sim.createAccount();
    const add = await run(
      ['accounts', 'add', '--user', 'local', '--from-curl', '-', '--rest-url', cli.sim.restUrl],
      curlForSession(account.credentials),
    );
    expect(add.code, add.err).toBe(0);
    expect(add.out).toContain(
      `Account local connects to ${cli.sim.restUrl} (stream ${cli.sim.wsUrl})`,
    );

    const verify = await run(['accounts', 'verify', '--user', 'local']);
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toContain(`Verifying the session with ${cli.sim.restUrl}`);
    expect(verify.out).toContain('local (local): OK');

    const key = await run(['listen-key', '--user', 'local']);
    expect(key.code, key.err).toBe(0);
    expect(key.out).toContain('Listen key');
  });

  it('a re-import (--replace) without --rest-url keeps the exchange the account was added with', async () => {
    const first = cli.sim.createAccount();
    const second = cli.sim.createAccount();
    const third = cli.sim.createAccount();
    const add = await run(
      ['accounts', 'add', '--user', '1', '--from-curl', '-', '--rest-url', cli.sim.restUrl],
      curlForSession(first.credentials),
    );
    expect(add.code, add.err).toBe(0);
    const remembered = async () =>
      JSON.parse(await readFile(join(cli.home, 'app-endpoints.json'), 'utf8'))['1'];
    const endpoint = { restUrl: cli.sim.restUrl, wsUrl: cli.sim.wsUrl };

    const unverified = await run(
      ['accounts', 'add', '--user', '1', '--replace', '--from-curl', '-', '--no-verify'],
      curlForSession(second.credentials),
    );
    expect(unverified.code, unverified.err).toBe(0);
    expect(await remembered()).toMatchObject(endpoint);

    const replaced = await run(
      ['accounts', 'add', '--user', '1', '--replace', '--from-curl', '-'],
      curlForSession(third.credentials),
    );
    expect(replaced.code, replaced.err).toBe(0);
    expect(replaced.out).toContain(`Verifying the session with ${cli.sim.restUrl}`);
    expect(replaced.out).toContain('OK: the session works');
    expect(replaced.out).toContain(`Account 1 connects to ${cli.sim.restUrl}`);
    expect(await remembered()).toMatchObject(endpoint);
    expect(JSON.parse((await keychain.getPassword('1'))!).cookies).toBe(third.credentials.cookies);

    const verify = await run(['accounts', 'verify', '--user', '1']);
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toContain(`Verifying the session with ${cli.sim.restUrl}`);
  });

  it('accounts import --rest-url remembers it for the accounts it adds and, with --replace, those it replaces', async () => {
    const [a, b, c] = [1, 2, 3].map(() => cli.sim.createAccount());
    const remembered = async (): Promise<Record<string, unknown>> => {
      try {
        return JSON.parse(await readFile(join(cli.home, 'app-endpoints.json'), 'utf8'));
      } catch {
        return {};
      }
    };
    const endpoint = { restUrl: cli.sim.restUrl, wsUrl: cli.sim.wsUrl };
    // Stored for the real exchange, without asking it.
    const add = await run(
      ['accounts', 'add', '--user', 'old', '--from-curl', '-', '--no-verify'],
      curlForSession(a!.credentials),
    );
    expect(add.code, add.err).toBe(0);
    const exportFile = join(cli.home, 'users.json');
    const row = (id: string, session: typeof a) => ({ id, ...session!.credentials });
    await writeFile(exportFile, JSON.stringify([row('old', b), row('new', c)]));

    const imported = await run(
      ['accounts', 'import', '--from', exportFile, '--replace', '--rest-url', cli.sim.restUrl],
      '',
      'zh-CN',
    );
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain(`账户 new 连接 ${cli.sim.restUrl}（推送 ${cli.sim.wsUrl}）`);
    expect(imported.out).toContain(`账户 old 连接 ${cli.sim.restUrl}`);
    expect(await remembered()).toMatchObject({ old: endpoint, new: endpoint });

    // Later commands go there without --rest-url.
    const verify = await run(['accounts', 'verify', '--user', 'new']);
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toContain(`Verifying the session with ${cli.sim.restUrl}`);
    const key = await run(['listen-key', '--user', 'old']);
    expect(key.code, key.err).toBe(0);

    // A re-import without --rest-url keeps it, as `accounts add --replace` does.
    await writeFile(exportFile, JSON.stringify([row('new', c)]));
    const again = await run(['accounts', 'import', '--from', exportFile, '--replace']);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain(`Verifying the session with ${cli.sim.restUrl}`);
    expect(again.out).toContain(`Account new connects to ${cli.sim.restUrl}`);
    expect(await remembered()).toMatchObject({ old: endpoint, new: endpoint });
  });

  it("accounts remove forgets where the account connected, as the app's remove does", async () => {
    const account = cli.sim.createAccount();
    const add = await run(
      ['accounts', 'add', '--user', 'gone', '--from-curl', '-', '--rest-url', cli.sim.restUrl],
      curlForSession(account.credentials),
    );
    expect(add.code, add.err).toBe(0);
    const file = join(cli.home, 'app-endpoints.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveProperty('gone');

    const remove = await run(['accounts', 'remove', '--user', 'gone']);
    expect(remove.code, remove.err).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8'))).not.toHaveProperty('gone');
  });

  it('verify --demo shows the result but leaves the stored ones as they were', async () => {
    const account = cli.sim.createAccount();
    await run(
      ['accounts', 'add', '--user', 'real', '--from-curl', '-', '--rest-url', cli.sim.restUrl],
      curlForSession(account.credentials),
    );
    const before = JSON.parse((await run(['accounts', 'list', '--json'])).out);

    const demo = await run(['accounts', 'verify', '--demo']);
    expect(demo.code).toBe(3);
    expect(demo.out).toContain('real (real): session expired');
    expect(demo.out).toContain('its stored result is unchanged');

    expect(JSON.parse((await run(['accounts', 'list', '--json'])).out)).toEqual(before);
  });

  it('--rest-url of another host needs --ws-url: refused before anything is sent', async () => {
    const account = cli.sim.createAccount();
    const add = await run(
      ['accounts', 'add', '--user', 'x', '--from-curl', '-', '--rest-url', 'https://example.com'],
      curlForSession(account.credentials),
    );
    expect(add.code).toBe(2);
    expect(add.err).toContain('without --ws-url');
    expect(await keychain.findCredentials()).toEqual([]);
  });
});
