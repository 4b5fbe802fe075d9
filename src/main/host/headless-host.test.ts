import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../test/fakes/memory-secret-store.ts';
import { waitFor } from '../../../test/fakes/wait-for.ts';
import { sampleCurl, secretsFromSession } from '../core/accounts/testing/curl-samples.ts';
import { createStreamLogger, nullLogger } from '../core/ports/logger.ts';
import { startSimulator, type Simulator } from '../sim/index.ts';
import { runHost } from './run-host.ts';

// Issue 12: `serve` on a machine without a Secret Service kept accounts in memory without
// saying so, and after a restart listed accounts whose sessions were gone.
let sim: Simulator;
let home: string;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  home = await mkdtemp(join(tmpdir(), 'am-headless-'));
});
afterAll(async () => {
  await sim?.dispose();
  await rm(home, { recursive: true, force: true });
});

const start = (secrets: MemorySecretStore, extra: Partial<Parameters<typeof runHost>[0]> = {}) =>
  runHost({
    port: 0,
    restUrl: sim.restUrl,
    wsUrl: sim.wsUrl,
    rendererDir: home,
    env: { ALPHA_MONITOR_HOME: home },
    logger: nullLogger,
    secrets,
    ...extra,
  });

describe('serve without a keychain', () => {
  it('says so from the start, keeps added accounts for this run only, and a restart lists none', async () => {
    const noKeychain = new MemorySecretStore();
    noKeychain.unavailable = true;
    let told = 0;
    const first = await start(noKeychain, { onNoKeychain: () => void told++ });
    const info = await first.app.handlers.getAppInfo(undefined);
    expect(info.accountStorage).toBe('memory');
    expect(told).toBe(1);
    const curl = sampleCurl({
      browser: 'chrome',
      shell: 'bash',
      secrets: secretsFromSession(sim.createAccount().credentials),
    });
    const added = await first.app.handlers.addAccountFromCurl({ curl, label: 'Main' });
    await first.app.handlers.startMonitor({ accountId: added.account.id });
    expect((await first.app.handlers.listAccounts(undefined)).map((a) => a.label)).toEqual([
      'Main',
    ]);
    await first.dispose();

    // Nothing of the account survived in the data folder: no "listed but no session" next time.
    expect(await readdir(home)).not.toContain('accounts.json');
    const second = await start(noKeychain);
    expect(await second.app.handlers.listAccounts(undefined)).toEqual([]);
    await second.dispose();
  });

  it('tells the person only through onNoKeychain; the English record is at info level (a log file)', async () => {
    const noKeychain = new MemorySecretStore();
    noKeychain.unavailable = true;
    const lines: string[] = [];
    const logger = createStreamLogger({ minLevel: 'debug', write: (line) => lines.push(line) });
    const running = await start(noKeychain, { logger, onNoKeychain: () => {} });
    await running.dispose();
    const records = lines.filter((line) => line.includes('no keychain'));
    expect(records.length).toBeGreaterThan(0);
    // serve and fleet print warnings and errors on stderr: no English line reaches the person.
    for (const line of records) expect(line).toContain(' INFO no keychain');
  });

  it('with a keychain, says the keychain', async () => {
    const running = await start(new MemorySecretStore());
    expect((await running.app.handlers.getAppInfo(undefined)).accountStorage).toBe('keychain');
    await running.dispose();
  });
});

describe('serve --credentials-file', () => {
  it('runs the account in the file like watch: listed, monitored, never stored', async () => {
    const secrets = new MemorySecretStore();
    const account = sim.createAccount();
    // Only --rest-url to the simulator, as a user would type it: its stream is derived.
    const running = await start(secrets, {
      wsUrl: undefined,
      credentialsFile: { accountId: 'file', label: 'alpha.json', credentials: account.credentials },
    });
    const info = await running.app.handlers.getAppInfo(undefined);
    expect(info).toMatchObject({ credentialsFileAccountId: 'file', firstRun: false });
    await waitFor(
      async () =>
        (await running.app.handlers.listConnections(undefined)).find((c) => c.accountId === 'file')
          ?.state === 'live',
      { what: 'the file account to be live' },
    );
    expect((await running.app.handlers.listAccounts(undefined))[0]).toMatchObject({
      id: 'file',
      label: 'alpha.json',
      running: true,
    });
    expect(secrets.entries.size).toBe(0);
    await running.dispose();
  });
});
