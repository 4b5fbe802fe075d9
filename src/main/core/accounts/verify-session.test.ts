import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../../test/fakes/fake-clock.ts';
import { readFixture, startFixtureHttpServer } from '../../../../test/fakes/fixture-http-server.ts';
import { MemorySecretStore } from '../../../../test/fakes/memory-secret-store.ts';
import { ALPHA_PATHS } from '../rest/index.ts';
import { AccountStore } from './account-store.ts';
import { verifyAccount, verifySession } from './verify-session.ts';

const credentials = {
  headers: { csrftoken: '0123456789abcdef0123456789abcdef' },
  cookies: 'p20t=x; r30t=y',
};
const ok = (data: unknown) =>
  JSON.stringify({ code: '000000', message: null, messageDetail: null, data, success: true });
const LISTEN_KEY = 'ff950c2e0d3da25cb0f320669c3f986f';

type Server = Awaited<ReturnType<typeof startFixtureHttpServer>>;
let server: Server;
const clock = new FakeClock(1_750_000_000_000);

beforeEach(async () => {
  server = await startFixtureHttpServer({ [ALPHA_PATHS.listenKey]: { body: ok(LISTEN_KEY) } });
});
afterEach(async () => {
  await server.close();
});

describe('verifySession', () => {
  it('succeeds with a listen key, shown masked only', async () => {
    const result = await verifySession(credentials, { restUrl: server.url, clock });
    expect(result).toEqual({ outcome: 'OK', atMs: clock.now(), maskedListenKey: 'ff950c2e0d...' });
    expect(JSON.stringify(result)).not.toContain(LISTEN_KEY);
    expect(server.requests[0]!.headers.csrftoken).toBe(credentials.headers.csrftoken);
  });

  it('recognises the captured session-expired answer (100002001)', async () => {
    server.setRoute(ALPHA_PATHS.listenKey, {
      body: readFixture('rest/auth-expired-100002001.json'),
    });
    const result = await verifySession(credentials, { restUrl: server.url, clock });
    expect(result.outcome).toBe('SESSION_EXPIRED');
    expect(result.detail).toContain('100002001');
  });

  it('recognises the supplementary-verification answer (补充认证)', async () => {
    server.setRoute(ALPHA_PATHS.listenKey, {
      body: JSON.stringify({
        code: '999999',
        message: '补充认证失败，您必须完成此认证才能进入下一步。',
        success: false,
      }),
    });
    expect((await verifySession(credentials, { restUrl: server.url, clock })).outcome).toBe(
      'VERIFICATION_REQUIRED',
    );
  });

  it('tells an unreachable exchange apart from a bad session', async () => {
    server.setRoute(ALPHA_PATHS.listenKey, { status: 502, body: 'bad gateway' });
    expect((await verifySession(credentials, { restUrl: server.url, clock })).outcome).toBe(
      'UNREACHABLE',
    );
    await server.close();
    expect(
      (await verifySession(credentials, { restUrl: server.url, clock, timeoutMs: 2_000 })).outcome,
    ).toBe('UNREACHABLE');
    server = await startFixtureHttpServer({});
  });
});

describe('verifyAccount', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'am-verify-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('records the outcome and time in the account', async () => {
    const store = new AccountStore({ secrets: new MemorySecretStore(), dataDir, clock });
    await store.save({ id: '1', credentials });
    const { account } = await verifyAccount(store, '1', { restUrl: server.url, clock });
    expect(account.lastVerification).toEqual({ outcome: 'OK', atMs: clock.now() });
    server.setRoute(ALPHA_PATHS.listenKey, {
      body: readFixture('rest/auth-expired-100002001.json'),
    });
    await clock.advance(5_000);
    await verifyAccount(store, '1', { restUrl: server.url, clock });
    expect((await store.get('1'))!.lastVerification).toMatchObject({
      outcome: 'SESSION_EXPIRED',
      atMs: clock.now(),
    });
  });
});
