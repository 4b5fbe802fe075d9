import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  requireTestKeychain,
  TEST_KEYCHAIN_SERVICE,
} from '../../../../test/setup/secret-service.ts';
import { createKeyringSecretStore } from '../../core/accounts/index.ts';
import { sampleCurl, secretsFromSession } from '../../core/accounts/testing/curl-samples.ts';
import { startSimulator, type Simulator } from '../../sim/index.ts';
import type { CliContext } from '../common/cli-context.ts';
import { main } from '../main.ts';

// Issue 14: where an account connects is remembered, checked before anything is sent, and a
// check against another exchange never rewrites what is stored.
let sim: Simulator;
let recorder: Server;
let recorderUrl: string;
let recorded = 0;
let home: string;
let env: NodeJS.ProcessEnv;
const service = `${TEST_KEYCHAIN_SERVICE}-${randomUUID().slice(0, 8)}`;
const keychain = createKeyringSecretStore({ service });

beforeAll(async () => {
  requireTestKeychain();
  sim = await startSimulator({ demoActivity: false });
  recorder = createServer((_request, response) => {
    recorded++;
    response.end('{}');
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await sim?.dispose();
  recorder?.closeAllConnections();
  await new Promise<void>((resolve) => recorder?.close(() => resolve()));
});
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'am-cli-endpoints-'));
  env = { ...process.env, ALPHA_MONITOR_HOME: home, ALPHA_MONITOR_KEYCHAIN_SERVICE: service };
  delete env.ALPHA_MONITOR_CREDENTIALS_FILE;
});
afterEach(async () => {
  for (const { account } of await keychain.findCredentials())
    await keychain.deletePassword(account);
  await rm(home, { recursive: true, force: true });
});

async function run(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    lang: 'en',
    env,
    cwd: home,
    stdin: Readable.from([stdin]),
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    onInterrupt: () => () => {},
  };
  const code = await main(argv, ctx);
  return { code, out, err };
}

const curlOf = (session: { headers: Record<string, string>; cookies: string }) =>
  sampleCurl({
    browser: 'chrome',
    shell: 'bash',
    secrets: secretsFromSession(session),
    body: '{}',
  });

describe('accounts and their exchange', () => {
  it('refuses the id 中文 before asking the exchange anything (exit 2)', async () => {
    const account = sim.createAccount();
    const add = await run(
      ['accounts', 'add', '--user', '中文', '--from-curl', '-', '--rest-url', recorderUrl],
      curlOf(account.credentials),
    );
    expect(add.code).toBe(2);
    expect(add.err).toContain('中文');
    expect(add.out).not.toContain('Verifying');
    expect(recorded).toBe(0);
    expect(await keychain.findCredentials()).toEqual([]);
  });

  it('an account added with --rest-url is verified there later, and listen-key --user uses it', async () => {
    const account = sim.createAccount();
    const add = await run(
      ['accounts', 'add', '--user', 'local', '--from-curl', '-', '--rest-url', sim.restUrl],
      curlOf(account.credentials),
    );
    expect(add.code, add.err).toBe(0);
    expect(add.out).toContain(`Account local connects to ${sim.restUrl} (stream ${sim.wsUrl})`);

    const verify = await run(['accounts', 'verify', '--user', 'local']);
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toContain(`Verifying the session with ${sim.restUrl}`);
    expect(verify.out).toContain('local (local): OK');

    const key = await run(['listen-key', '--user', 'local']);
    expect(key.code, key.err).toBe(0);
    expect(key.out).toContain('Listen key');
  });

  it('verify --demo shows the result but leaves the stored ones as they were', async () => {
    const account = sim.createAccount();
    await run(
      ['accounts', 'add', '--user', 'real', '--from-curl', '-', '--rest-url', sim.restUrl],
      curlOf(account.credentials),
    );
    const before = JSON.parse((await run(['accounts', 'list', '--json'])).out);

    const demo = await run(['accounts', 'verify', '--demo']);
    expect(demo.code).toBe(3);
    expect(demo.out).toContain('real (real): session expired');
    expect(demo.out).toContain('its stored result is unchanged');

    expect(JSON.parse((await run(['accounts', 'list', '--json'])).out)).toEqual(before);
  });

  it('--rest-url of another host needs --ws-url: refused before anything is sent', async () => {
    const account = sim.createAccount();
    const add = await run(
      ['accounts', 'add', '--user', 'x', '--from-curl', '-', '--rest-url', 'https://example.com'],
      curlOf(account.credentials),
    );
    expect(add.code).toBe(2);
    expect(add.err).toContain('without --ws-url');
    expect(await keychain.findCredentials()).toEqual([]);
  });
});
