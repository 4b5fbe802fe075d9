import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../test/fakes/memory-secret-store.ts';
import { sampleCurl, secretsFromSession } from '../core/accounts/testing/curl-samples.ts';
import { nullLogger } from '../core/ports/logger.ts';
import { startSimulator, type Simulator } from '../sim/index.ts';
import { runHost, type RunningHost } from './run-host.ts';

// Issue 12: two "add account" requests with the same label at the same moment used to get the
// same id, one Binance session silently replacing the other.
let sim: Simulator;
let home: string;
let running: RunningHost;
const secrets = new MemorySecretStore();

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  home = await mkdtemp(join(tmpdir(), 'am-host-add-'));
  running = await runHost({
    port: 0,
    restUrl: sim.restUrl,
    wsUrl: sim.wsUrl,
    rendererDir: home,
    env: { ALPHA_MONITOR_HOME: home },
    logger: nullLogger,
    secrets,
  });
});
afterAll(async () => {
  await running?.dispose();
  await sim?.dispose();
  await rm(home, { recursive: true, force: true });
});

const curlOf = (session: { headers: Record<string, string>; cookies: string }) =>
  sampleCurl({ browser: 'chrome', shell: 'bash', secrets: secretsFromSession(session) });

describe('browser host: adding accounts at the same moment', () => {
  it('two adds with the same label get two ids, each holding the session it was given (10 rounds)', async () => {
    const { handlers } = running.app;
    for (let round = 0; round < 10; round++) {
      const first = sim.createAccount().credentials;
      const second = sim.createAccount().credentials;
      const label = `Trader ${round}`;
      const [a, b] = await Promise.all([
        handlers.addAccountFromCurl({ curl: curlOf(first), label }),
        handlers.addAccountFromCurl({ curl: curlOf(second), label }),
      ]);
      expect(a.account.id).not.toBe(b.account.id);
      // What each caller was told is where its session is.
      expect(JSON.parse(secrets.entries.get(a.account.id)!)).toEqual(
        expect.objectContaining({ cookies: expect.stringContaining(cookie(first, 'cr00')) }),
      );
      expect(JSON.parse(secrets.entries.get(b.account.id)!)).toEqual(
        expect.objectContaining({ cookies: expect.stringContaining(cookie(second, 'cr00')) }),
      );
      expect(a.account.label).toBe(label);
      expect(b.account.label).toBe(label);
    }
    const listed = await handlers.listAccounts(undefined);
    expect(listed).toHaveLength(20);
    expect(new Set(listed.map((a) => a.id)).size).toBe(20);
  });
});

describe('browser host: re-import in place', () => {
  it('gives an account a fresh session with the same id, label and history; an expired paste changes nothing', async () => {
    const { handlers } = running.app;
    const old = sim.createAccount();
    const added = await handlers.addAccountFromCurl({
      curl: curlOf(old.credentials),
      label: 'Keep me',
    });
    const id = added.account.id;
    expect(added.found.headers).toContain('csrftoken');
    expect(added.found.cookies).toContain('cr00');

    // An order placed in the browser rotates the tokens: the stored copy is dead.
    sim.faults.invalidateSession(old.userId);
    const expired = await handlers.verifyAccount({ accountId: id });
    expect(expired.status).toBe('expired');
    expect(expired.error).toMatchObject({ code: 'SESSION_EXPIRED', params: {} });
    expect(expired.error?.message).toContain('Did you place an order in the browser?');
    const listed = (await handlers.listAccounts(undefined)).find((a) => a.id === id)!;
    expect(listed.sessionHealth).toMatchObject({ status: 'expired', reasons: ['SESSION_EXPIRED'] });

    // A stale paste is refused and the account keeps what it had.
    await expect(
      handlers.reimportAccountFromCurl({ accountId: id, curl: curlOf(old.credentials) }),
    ).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });

    const fresh = sim.createAccount();
    const result = await handlers.reimportAccountFromCurl({
      accountId: id,
      curl: curlOf(fresh.credentials),
    });
    expect(result.account).toMatchObject({
      id,
      label: 'Keep me',
      addedAtMs: added.account.addedAtMs,
    });
    expect(result.account.sessionHealth.status).toBe('ok');
    expect(JSON.parse(secrets.entries.get(id)!).cookies).toContain(
      cookie(fresh.credentials, 'cr00'),
    );
    await expect(
      handlers.reimportAccountFromCurl({ accountId: 'nobody', curl: curlOf(fresh.credentials) }),
    ).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
  });
});

function cookie(session: { cookies: string }, name: string): string {
  const pair = session.cookies.split('; ').find((p) => p.startsWith(`${name}=`));
  return pair!;
}
