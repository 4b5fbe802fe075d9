/**
 * No command may print, log or write a cookie value, a csrftoken or another session header
 * value, or a full listen key. The commands run as real subprocesses (`node
 * bin/alpha-monitor.js ...`) against the simulator, with ALPHA_MONITOR_HOME and the working
 * directory in a temp folder; then stdout, stderr and every file under that folder are
 * scanned for the sessions' values and for the listen keys the simulator handed out.
 *
 * The simulator issues its own (random) credentials, so those are the sentinels.
 */
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyringSecretStore } from '../src/main/core/accounts/index.ts';
import { sampleCurl, secretsFromSession } from '../src/main/core/accounts/testing/curl-samples.ts';
import { AlphaRestClient } from '../src/main/core/rest/index.ts';
import { startSimulator, type SimAccount, type Simulator } from '../src/main/sim/index.ts';
import { requireTestKeychain, TEST_KEYCHAIN_SERVICE } from './setup/secret-service.ts';
import { startCli } from './fakes/cli-process.ts';

/** Header values that are public constants, not secrets. */
const PUBLIC_HEADERS = new Set(['accept', 'clienttype', 'content-type', 'lang', 'user-agent']);
const COMMAND_TIMEOUT_MS = 30_000;

interface Run {
  argv: string[];
  code: number | null;
  stdout: string;
  stderr: string;
}

let sim: Simulator;
let home: string;
let inputs: string;
let env: NodeJS.ProcessEnv;
let first: SimAccount;
let second: SimAccount;
let third: SimAccount;
const runs: Run[] = [];
const service = `${TEST_KEYCHAIN_SERVICE}-${randomUUID().slice(0, 8)}`;

function sentinelsOf(account: SimAccount): string[] {
  const values = Object.entries(account.credentials.headers)
    .filter(([name]) => !PUBLIC_HEADERS.has(name))
    .map(([, value]) => value);
  for (const pair of account.credentials.cookies.split(';')) {
    const value = pair.slice(pair.indexOf('=') + 1).trim();
    // Short cookie values ("y", "en") are flags, not secrets, and would match ordinary text.
    if (value.length >= 8) values.push(value);
  }
  return values;
}

async function cli(argv: string[], stdin = ''): Promise<Run> {
  const child = startCli(argv, env, { cwd: home, stdin });
  // A command that hangs is its owner's bug, not a leak; its output so far is still scanned.
  const timer = setTimeout(() => {
    console.warn(
      `secrets-leak: \`${argv.slice(0, 2).join(' ')}\` did not exit within ${COMMAND_TIMEOUT_MS} ms; killed`,
    );
    child.kill('SIGKILL');
  }, COMMAND_TIMEOUT_MS);
  const code = await child.exited.finally(() => clearTimeout(timer));
  const run = { argv, code, stdout: child.stdout, stderr: child.stderr };
  runs.push(run);
  return run;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

const curlOf = (
  account: SimAccount,
  browser: 'chrome' | 'edge' | 'firefox',
  shell: 'bash' | 'cmd',
) => sampleCurl({ browser, shell, secrets: secretsFromSession(account.credentials), body: '{}' });

beforeAll(async () => {
  await requireTestKeychain();
  sim = await startSimulator();
  home = await mkdtemp(join(tmpdir(), 'am-leak-home-'));
  inputs = await mkdtemp(join(tmpdir(), 'am-leak-inputs-'));
  env = {
    ...process.env,
    ALPHA_MONITOR_HOME: home,
    ALPHA_MONITOR_KEYCHAIN_SERVICE: service,
    LANG: 'C',
  };
  // Undefined: not passed on to the commands (the runner starts from this process's env).
  env.ALPHA_MONITOR_CREDENTIALS_FILE = undefined;
  first = sim.createAccount();
  second = sim.createAccount();
  third = sim.createAccount();
});

afterAll(async () => {
  const keychain = createKeyringSecretStore({ service });
  for (const { account } of await keychain.findCredentials().catch(() => []))
    await keychain.deletePassword(account);
  await sim?.dispose();
  if (home) await rm(home, { recursive: true, force: true });
  if (inputs) await rm(inputs, { recursive: true, force: true });
});

describe('secrets never leak from a command', () => {
  it(
    'runs every command, then finds no secret in any output or file',
    // About twenty CLI processes one after another: minutes on two busy cores.
    { timeout: 600_000 },
    async () => {
      const rest = ['--rest-url', sim.restUrl];
      expect(
        (
          await cli(
            ['accounts', 'add', '--user', '1', '--name', 'One', '--from-curl', '-', ...rest],
            curlOf(first, 'chrome', 'bash'),
          )
        ).code,
      ).toBe(0);
      expect(
        (
          await cli(
            ['accounts', 'add', '--user', '2', '--from-curl', '-', ...rest],
            curlOf(second, 'edge', 'cmd'),
          )
        ).code,
      ).toBe(0);
      // A paste that fails (wrong site) must not echo what it carried.
      const wrongSite = curlOf(third, 'firefox', 'bash').replace(
        'https://www.binance.com/bapi/',
        'https://example.com/bapi/',
      );
      expect(
        (await cli(['accounts', 'add', '--user', '3', '--from-curl', '-'], wrongSite)).code,
      ).toBe(2);
      await cli(['accounts', 'list']);
      await cli(['accounts', 'list', '--json']);
      await cli(['accounts', 'verify', '--user', '1', ...rest]);
      sim.faults.invalidateSession(second.userId);
      expect((await cli(['accounts', 'verify', ...rest])).code).toBe(3);

      const exportFile = join(inputs, 'users.json');
      await writeFile(
        exportFile,
        JSON.stringify([
          {
            id: 3,
            name: 'Three',
            headers: JSON.stringify(third.credentials.headers),
            cookies: third.credentials.cookies,
          },
          {
            id: 4,
            name: 'Broken',
            headers: { csrftoken: third.credentials.headers.csrftoken },
            cookies: 42,
          },
        ]),
      );
      await cli(['accounts', 'import', '--from', exportFile, ...rest]);

      // The engine commands read the keychain by default.
      const ws = ['--ws-url', sim.wsUrl];
      expect((await cli(['listen-key', '--user', '1', ...rest])).code).toBe(0);
      expect((await cli(['check', '--user', '1', ...rest, ...ws])).code).toBe(0);
      expect((await cli(['watch', '--user', '1', '--duration', '2', ...rest, ...ws])).code).toBe(0);
      // The strategy trades for real against the simulator, from a credentials file (kept outside
      // ALPHA_MONITOR_HOME: it holds the sentinels on purpose).
      const sessionFile = join(inputs, 'session.json');
      await writeFile(sessionFile, JSON.stringify(first.credentials));
      await chmod(sessionFile, 0o600);
      const strategy = await cli([
        'strategy',
        '--token',
        'KOGE',
        '--chain',
        'BSC',
        '--volume',
        '10',
        '--amount',
        '10',
        '--interval',
        '0',
        '--yes',
        '--credentials-file',
        sessionFile,
        ...rest,
        ...ws,
      ]);
      expect(strategy.code, strategy.stderr).toBe(0);
      expect(strategy.stdout).toContain('Target reached');

      await cli(['accounts', 'remove', '--user', '3']);

      // The listen keys the commands obtained: the simulator hands back the live key on a repost.
      const listenKeys: string[] = [];
      for (const account of [first, third]) {
        listenKeys.push(
          await new AlphaRestClient({
            baseUrl: sim.restUrl,
            credentials: account.credentials,
          }).getListenKey(),
        );
      }
      const secrets = [...sentinelsOf(first), ...sentinelsOf(second), ...sentinelsOf(third)];
      expect(secrets.length).toBeGreaterThan(20);

      const haystacks: Array<[string, string]> = [];
      for (const run of runs) {
        haystacks.push([`stdout of ${run.argv.slice(0, 2).join(' ')}`, run.stdout]);
        haystacks.push([`stderr of ${run.argv.slice(0, 2).join(' ')}`, run.stderr]);
      }
      const files = await filesUnder(home);
      expect(files.map((f) => f.slice(home.length + 1))).toContain('accounts.json');
      for (const file of files) haystacks.push([file, await readFile(file, 'utf8')]);

      const leaks: string[] = [];
      for (const [where, text] of haystacks) {
        for (const secret of secrets)
          if (text.includes(secret))
            leaks.push(`${where}: a session value (${secret.slice(0, 4)}...)`);
        for (const key of listenKeys)
          if (text.includes(key)) leaks.push(`${where}: a full listen key`);
        // Any long hex run looks like a csrftoken, cookie or listen key (the masked key is 10 chars).
        const hex = /[0-9a-f]{32,}/i.exec(text);
        if (hex) leaks.push(`${where}: a long hex value (${hex[0].slice(0, 4)}...)`);
      }
      expect(leaks).toEqual([]);
      // The masked form is what a user sees.
      expect(runs.some((r) => r.stdout.includes(`${listenKeys[0]!.slice(0, 10)}...`))).toBe(true);
    },
  );
});
