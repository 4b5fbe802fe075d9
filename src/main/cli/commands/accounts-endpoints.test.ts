import { readFile } from 'node:fs/promises';
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
