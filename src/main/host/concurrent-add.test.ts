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

function cookie(session: { cookies: string }, name: string): string {
  const pair = session.cookies.split('; ').find((p) => p.startsWith(`${name}=`));
  return pair!;
}
