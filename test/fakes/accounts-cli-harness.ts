import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Lang } from '../../src/main/cli/i18n/lang.ts';
import { main } from '../../src/main/cli/main.ts';
import { createKeyringSecretStore } from '../../src/main/core/accounts/index.ts';
import {
  sampleCurl,
  secretsFromSession,
} from '../../src/main/core/accounts/testing/curl-samples.ts';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/main/sim/index.ts';
import { requireTestKeychain, TEST_KEYCHAIN_SERVICE } from '../setup/secret-service.ts';
import { createMemoryCliContext } from './memory-cli-context.ts';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/**
 * The `accounts` command end to end, for a vitest file: the real keychain (the private
 * gnome-keyring on Linux) under a service of this file's own, a fresh ALPHA_MONITOR_HOME per
 * test, and a simulator for the file. Registers its own before/after hooks; read the getters
 * inside tests only.
 */
export function useAccountsCliHarness(options: { homePrefix: string; sim?: SimulatorOptions }) {
  let sim: Simulator | undefined;
  let home = '';
  let env: NodeJS.ProcessEnv = {};
  const service = `${TEST_KEYCHAIN_SERVICE}-${randomUUID().slice(0, 8)}`;
  const keychain = createKeyringSecretStore({ service });

  beforeAll(async () => {
    await requireTestKeychain();
    sim = await startSimulator(options.sim);
  });
  afterAll(async () => {
    await sim?.dispose();
  });
  beforeEach(async () => {
    // Waits out a restart of the private keyring between tests (see requireTestKeychain).
    await requireTestKeychain();
    home = await mkdtemp(join(tmpdir(), options.homePrefix));
    env = { ...process.env, ALPHA_MONITOR_HOME: home, ALPHA_MONITOR_KEYCHAIN_SERVICE: service };
    delete env.ALPHA_MONITOR_CREDENTIALS_FILE;
  });
  afterEach(async () => {
    for (const { account } of await keychain.findCredentials())
      await keychain.deletePassword(account);
    await rm(home, { recursive: true, force: true });
  });

  /** Runs `alpha-monitor <argv>` in this process with `stdin` as its input. */
  async function run(argv: string[], stdin = '', lang: Lang = 'en'): Promise<CliRun> {
    const io = createMemoryCliContext(lang, env, { cwd: home, stdin: Readable.from([stdin]) });
    const code = await main(argv, io.context);
    return { code, out: io.stdout, err: io.stderr };
  }

  return {
    get sim(): Simulator {
      if (!sim) throw new Error('the simulator starts in beforeAll');
      return sim;
    },
    get home() {
      return home;
    },
    get env() {
      return env;
    },
    service,
    keychain,
    run,
  };
}

/** A bash cURL of the captured shape carrying this session. */
export const curlForSession = (
  session: { headers: Record<string, string>; cookies: string },
  browser: 'chrome' | 'firefox' = 'chrome',
) => sampleCurl({ browser, shell: 'bash', secrets: secretsFromSession(session), body: '{}' });
