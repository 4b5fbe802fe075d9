import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  curlForSession,
  useAccountsCliHarness,
} from '../../../../test/fakes/accounts-cli-harness.ts';
import { createMemoryCliContext } from '../../../../test/fakes/memory-cli-context.ts';
import { resolveCredentials } from '../common/resolve-credentials.ts';
import { main } from '../main.ts';

// The accounts command end to end: the real keychain (the private gnome-keyring on Linux),
// accounts.json in a temp folder, verification against the simulator.
const cli = useAccountsCliHarness({ homePrefix: 'am-cli-accounts-' });
const { run, keychain } = cli;

describe('alpha-monitor accounts (real keychain, simulator)', () => {
  it('adds, lists, verifies and removes two accounts', async () => {
    const first = cli.sim.createAccount();
    const second = cli.sim.createAccount();
    const curlFile = join(cli.home, 'first.curl');
    await writeFile(curlFile, curlForSession(first.credentials));

    const add1 = await run([
      'accounts',
      'add',
      '--user',
      '1',
      '--name',
      'Main',
      '--from-curl',
      curlFile,
      '--rest-url',
      cli.sim.restUrl,
    ]);
    expect(add1.err).toBe('');
    expect(add1.code).toBe(0);
    expect(add1.out).toContain('OK: the session works');
    expect(add1.out).toContain('Saved account 1 (Main)');
    expect(add1.out).not.toContain(first.credentials.headers.csrftoken!);

    const add2 = await run(
      ['accounts', 'add', '--user', 'alt', '--from-curl', '-', '--rest-url', cli.sim.restUrl],
      curlForSession(second.credentials, 'firefox'),
    );
    expect(add2.code).toBe(0);

    // The sessions are in the keychain, exactly as the simulator issued them.
    expect(JSON.parse((await keychain.getPassword('1'))!).headers.csrftoken).toBe(
      first.credentials.headers.csrftoken,
    );
    expect(JSON.parse((await keychain.getPassword('alt'))!).cookies).toContain('p20t=');

    const list = await run(['accounts', 'list']);
    expect(list.out).toMatch(/^ID\s+NAME\s+ADDED\s+LAST VERIFIED\s+RESULT/);
    expect(list.out).toMatch(/\n1\s+Main\s+.*OK: the session works/);
    expect(list.out).toMatch(/\nalt\s+alt\s+/);
    const json = JSON.parse((await run(['accounts', 'list', '--json'])).out);
    expect(json.map((a: { id: string; lastResult: string }) => [a.id, a.lastResult])).toEqual([
      ['1', 'OK'],
      ['alt', 'OK'],
    ]);

    // Other commands read the keychain by default.
    const resolved = await resolveCredentials({ user: 'alt', env: cli.env });
    expect(resolved).toMatchObject({ source: 'keychain', accountId: 'alt' });
    expect(resolved.credentials.headers.csrftoken).toBe(second.credentials.headers.csrftoken);

    // The exchange ends the first session: verify says so in plain words and records it.
    cli.sim.faults.invalidateSession(first.userId);
    const verify = await run(['accounts', 'verify', '--user', '1', '--rest-url', cli.sim.restUrl]);
    expect(verify.code).toBe(3);
    expect(verify.out).toContain('1 (Main): session expired');
    expect(verify.err).toContain('Log in again at www.binance.com');
    const verifyAll = await run(['accounts', 'verify', '--rest-url', cli.sim.restUrl]);
    expect(verifyAll.out).toContain('alt (alt): OK');
    expect(verifyAll.code).toBe(3);
    expect((await run(['accounts', 'list'])).out).toMatch(/\n1\s+Main\s+.*session expired/);

    const remove = await run(['accounts', 'remove', '--user', '1']);
    expect(remove.code).toBe(0);
    expect(await keychain.getPassword('1')).toBeNull();
    expect((await run(['accounts', 'list', '--json'])).out).not.toContain('"1"');
    expect((await run(['accounts', 'remove', '--user', '1'])).code).toBe(2);
    // One account left: commands pick it without --user.
    expect((await resolveCredentials({ env: cli.env })).accountId).toBe('alt');
  });

  it('refuses to store a session the exchange says is expired, unless --no-verify', async () => {
    const account = cli.sim.createAccount();
    cli.sim.faults.invalidateSession(account.userId);
    const text = curlForSession(account.credentials);
    const refused = await run(
      ['accounts', 'add', '--user', '9', '--from-curl', '-', '--rest-url', cli.sim.restUrl],
      text,
    );
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('100002001');
    expect(await keychain.getPassword('9')).toBeNull();
    const forced = await run(
      ['accounts', 'add', '--user', '9', '--from-curl', '-', '--no-verify'],
      text,
    );
    expect(forced.code).toBe(0);
    expect(await keychain.getPassword('9')).not.toBeNull();
  });

  it('explains a bad paste and stores nothing', async () => {
    const cases: Array<[string, RegExp]> = [
      ['Invoke-WebRequest -Uri "https://www.binance.com/bapi/x"', /not a cURL command/],
      [
        "curl 'https://example.com/api' -H 'csrftoken: x' -b 'p20t=1'",
        /not a request to https:\/\/www\.binance\.com\/bapi/,
      ],
      ["curl 'https://www.binance.com/bapi/x' -H 'csrftoken: 0123456789'", /no cookies/],
      ["curl 'https://www.binance.com/bapi/x' -b 'p20t=1'", /no csrftoken/],
    ];
    for (const [text, message] of cases) {
      const result = await run(
        ['accounts', 'add', '--user', '1', '--from-curl', '-', '--no-verify'],
        text,
      );
      expect(result.code).toBe(2);
      expect(result.err).toMatch(message);
    }
    expect((await run(['accounts', 'list', '--json'])).out.trim()).toBe('[]');
  });

  it("imports the original project's export, skipping bad rows by name", async () => {
    const a = cli.sim.createAccount();
    const b = cli.sim.createAccount();
    const exportFile = join(cli.home, 'users.json');
    await writeFile(
      exportFile,
      JSON.stringify([
        {
          id: 1,
          name: 'Alice',
          headers: JSON.stringify(a.credentials.headers),
          cookies: a.credentials.cookies,
        },
        {
          id: 2,
          name: 'Bob',
          headers: b.credentials.headers,
          cookies: Object.fromEntries(b.credentials.cookies.split('; ').map((p) => p.split('='))),
        },
        { id: 3, name: 'Broken', headers: '{', cookies: 'p20t=1' },
      ]),
    );
    const result = await run([
      'accounts',
      'import',
      '--from',
      exportFile,
      '--rest-url',
      cli.sim.restUrl,
    ]);
    expect(result.out).toContain('Imported 1 (Alice): OK');
    expect(result.out).toContain('Imported 2 (Bob): OK');
    expect(result.err).toContain('Skipped row 3 (id 3): headers are not a JSON object');
    expect(result.code).toBe(1);
    const stored = JSON.parse((await keychain.getPassword('2'))!);
    expect(stored.cookies).toBe(b.credentials.cookies);
    const metadata = await readFile(join(cli.home, 'accounts.json'), 'utf8');
    expect(metadata).toContain('Alice');
    expect(metadata).not.toContain(a.credentials.headers.csrftoken!);
  });

  it('import refuses ids that exist, as add does; --replace gives them the sessions of the export', async () => {
    const [a, b, c, d] = [1, 2, 3, 4].map(() => cli.sim.createAccount());
    const add = await run(
      ['accounts', 'add', '--user', '1', '--from-curl', '-', '--rest-url', cli.sim.restUrl],
      curlForSession(a!.credentials),
    );
    expect(add.code, add.err).toBe(0);
    const row = (id: number, name: string, session: typeof a) => ({
      id,
      name,
      headers: session!.credentials.headers,
      cookies: session!.credentials.cookies,
    });
    const exportFile = join(cli.home, 'users.json');
    await writeFile(exportFile, JSON.stringify([row(1, 'Alice', b), row(2, 'Bob', c)]));
    const importIt = (extra: string[], lang: 'en' | 'zh-CN' = 'en') =>
      run(['accounts', 'import', '--from', exportFile, ...extra], '', lang);

    const refused = await importIt(['--rest-url', cli.sim.restUrl]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('Accounts with the ids 1 already exist; nothing was imported');
    expect(refused.err).toContain(
      `npx alpha-monitor accounts import --from ${exportFile} --replace`,
    );
    expect(refused.out).not.toContain('Imported');
    expect((await importIt(['--no-verify'], 'zh-CN')).err).toContain(
      '已有 id 为 1 的账户；未导入任何内容',
    );
    expect(JSON.parse((await keychain.getPassword('1'))!).cookies).toBe(a!.credentials.cookies);
    expect(await keychain.getPassword('2')).toBeNull();

    const replaced = await importIt(['--replace', '--rest-url', cli.sim.restUrl]);
    expect(replaced.code, replaced.err).toBe(0);
    expect(replaced.out).toContain('Replaced the session of 1 (Alice): OK');
    expect(replaced.out).toContain('Imported 2 (Bob): OK');
    expect(replaced.out).toContain('2 imported, 0 skipped.');
    expect(JSON.parse((await keychain.getPassword('1'))!).cookies).toBe(b!.credentials.cookies);
    expect(JSON.parse((await keychain.getPassword('2'))!).cookies).toBe(c!.credentials.cookies);

    // Without --rest-url, a replaced account is verified with the exchange it was added with.
    await writeFile(exportFile, JSON.stringify([row(1, 'Alice', d)]));
    const again = await importIt(['--replace'], 'zh-CN');
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain(`正在向 ${cli.sim.restUrl} 验证会话`);
    expect(again.out).toContain('已替换会话 1（Alice）：正常：会话可用');

    for (const lang of ['en', 'zh-CN'] as const)
      expect((await run(['accounts', '--help'], '', lang)).out).toMatch(
        /accounts import --from <(file|文件)> \[--replace\]/,
      );
  });

  it('import with the exchange unreachable stores the sessions unverified and exits 1', async () => {
    const a = cli.sim.createAccount();
    const exportFile = join(cli.home, 'users.json');
    await writeFile(
      exportFile,
      JSON.stringify([
        { id: 7, name: 'Alice', ...a.credentials },
        { id: 8, ...a.credentials },
      ]),
    );
    // A port nothing listens on (taken, then freed).
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    await new Promise((done) => server.close(done));
    const nowhere = ['--rest-url', `http://127.0.0.1:${port}`];

    const result = await run(['accounts', 'import', '--from', exportFile, ...nowhere]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('Imported 7 (Alice): exchange not reachable');
    expect(result.err).toContain('Saved, but not verified: run npx alpha-monitor');
    expect(result.err).toContain('accounts verify --user 7 later');
    expect(result.err).toContain('accounts verify --user 8 later');
    expect(JSON.parse((await keychain.getPassword('7'))!).cookies).toBe(a.credentials.cookies);

    const zh = await run(
      ['accounts', 'import', '--from', exportFile, '--replace', ...nowhere],
      '',
      'zh-CN',
    );
    expect(zh.code).toBe(1);
    expect(zh.out).toContain('已替换会话 7（Alice）：无法连接交易所');
    expect(zh.err).toContain('已保存但未验证：稍后运行 npx alpha-monitor');
    expect(zh.err).toContain('accounts verify --user 7。');
  });

  it('import exits 3 when the exchange says the session of a row expired; the rows that work are imported and the summary names the others', async () => {
    const [good, expired] = [1, 2].map(() => cli.sim.createAccount());
    cli.sim.faults.invalidateSession(expired!.userId);
    const exportFile = join(cli.home, 'users.json');
    await writeFile(
      exportFile,
      JSON.stringify([
        { id: 1, name: 'Alice', ...good!.credentials },
        { id: 2, name: 'Bob', ...expired!.credentials },
        { id: 3, name: 'Broken', headers: '{', cookies: 'p20t=1' },
      ]),
    );
    const importIt = (lang: 'en' | 'zh-CN') =>
      run(
        ['accounts', 'import', '--from', exportFile, '--replace', '--rest-url', cli.sim.restUrl],
        '',
        lang,
      );

    const result = await importIt('en');
    expect(result.code).toBe(3);
    expect(result.out).toContain('Imported 1 (Alice): OK');
    expect(result.out).toContain('2 imported, 1 skipped.');
    expect(result.out).toContain(
      'Sessions that did not pass verification (stored all the same): 2 (Bob): session expired.',
    );
    expect(result.err).toContain('Skipped row 3 (id 3): headers are not a JSON object');
    expect(result.err).toContain('Log in again at www.binance.com');
    expect(JSON.parse((await keychain.getPassword('1'))!).cookies).toBe(good!.credentials.cookies);
    const listed = JSON.parse((await run(['accounts', 'list', '--json'])).out);
    expect(listed.map((a: { id: string; lastResult: string }) => [a.id, a.lastResult])).toEqual([
      ['1', 'OK'],
      ['2', 'SESSION_EXPIRED'],
    ]);

    const zh = await importIt('zh-CN');
    expect(zh.code).toBe(3);
    expect(zh.out).toContain('未通过验证的会话（仍已保存）：2（Bob）：会话已失效。');
    for (const secret of [expired!.credentials.cookies, expired!.credentials.headers.csrftoken!])
      expect(result.out + result.err + zh.out + zh.err).not.toContain(secret);

    // The exit-code table of --help says so.
    expect((await run(['accounts', '--help'])).out).toMatch(
      /Exit codes: .*3 the exchange rejected a session\s+\(add, verify; import: any row's/s,
    );
    expect((await run(['accounts', '--help'], '', 'zh-CN')).out).toMatch(
      /退出码：.*3 交易所拒绝了会话/s,
    );
  });

  it('--help names the keychain service actually used (ALPHA_MONITOR_KEYCHAIN_SERVICE)', async () => {
    expect(cli.env.ALPHA_MONITOR_KEYCHAIN_SERVICE).toBe(cli.service);
    expect((await run(['accounts', '--help'])).out).toContain(
      `Sessions go to the OS keychain (service "${cli.service}")`,
    );
    expect((await run(['accounts', '--help'], '', 'zh-CN')).out).toContain(
      `会话保存在系统钥匙串（服务名 "${cli.service}"）`,
    );
    const plain = createMemoryCliContext('en', {});
    expect(await main(['accounts', '--help'], plain.context)).toBe(0);
    expect(plain.stdout).toContain('(service "alpha-monitor")');
  });

  it('speaks Chinese (zh-CN)', async () => {
    expect((await run(['accounts', 'list'], '', 'zh-CN')).out).toContain('还没有账户');
    const bad = await run(
      ['accounts', 'add', '--user', '1', '--from-curl', '-'],
      'curl https://example.com',
      'zh-CN',
    );
    expect(bad.err).toContain('这不是发往 https://www.binance.com/bapi/... 的请求');
  });
});
