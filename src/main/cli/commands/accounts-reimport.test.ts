import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  curlForSession,
  useAccountsCliHarness,
} from '../../../../test/fakes/accounts-cli-harness.ts';
import { readPrivateCredentialsFile } from '../common/resolve-credentials.ts';

// Re-import in place, orphaned keychain entries, --to-file and --rest-url checks: the real
// keychain (the private gnome-keyring on Linux), verification against the simulator.
const cli = useAccountsCliHarness({ homePrefix: 'am-cli-reimport-' });
const { run, keychain } = cli;

describe('alpha-monitor accounts: re-import, orphans, --to-file', () => {
  it('refuses to overwrite an account by accident; --replace re-imports in place and keeps its name and added time', async () => {
    const first = cli.sim.createAccount();
    const second = cli.sim.createAccount();
    const add = ['accounts', 'add', '--user', 'main', '--name', 'Main', '--from-curl', '-'];
    expect(
      (await run([...add, '--rest-url', cli.sim.restUrl], curlForSession(first.credentials))).code,
    ).toBe(0);
    const before = JSON.parse((await run(['accounts', 'list', '--json'])).out)[0];

    const again = await run(
      ['accounts', 'add', '--user', 'main', '--from-curl', '-', '--no-verify'],
      curlForSession(second.credentials),
    );
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists; nothing was changed');
    expect(again.err).toContain('--replace');
    expect(JSON.parse((await keychain.getPassword('main'))!).cookies).toBe(
      first.credentials.cookies,
    );

    // The exchange ends the first session (as an order placed in the browser would).
    cli.sim.faults.invalidateSession(first.userId);
    const verify = await run([
      'accounts',
      'verify',
      '--user',
      'main',
      '--rest-url',
      cli.sim.restUrl,
    ]);
    expect(verify.err).toContain('Did you place an order in the browser?');
    expect(verify.err).toContain('--replace');

    const replaced = await run(
      [
        'accounts',
        'add',
        '--user',
        'main',
        '--replace',
        '--from-curl',
        '-',
        '--rest-url',
        cli.sim.restUrl,
      ],
      curlForSession(second.credentials),
    );
    expect(replaced.code).toBe(0);
    expect(replaced.out).toContain('Replaced the session of account main (Main)');
    expect(JSON.parse((await keychain.getPassword('main'))!).cookies).toBe(
      second.credentials.cookies,
    );
    const after = JSON.parse((await run(['accounts', 'list', '--json'])).out)[0];
    expect(after).toMatchObject({
      id: 'main',
      name: 'Main',
      addedAt: before.addedAt,
      lastResult: 'OK',
    });

    const nothing = await run(
      ['accounts', 'add', '--user', 'nope', '--replace', '--from-curl', '-', '--no-verify'],
      curlForSession(second.credentials),
    );
    expect(nothing.code).toBe(2);
    expect(nothing.err).toContain('No account "nope" to re-import into');
  });

  it('says which headers and cookies the paste carried, by name only, and warns about a short-lived or mixed copy', async () => {
    const account = cli.sim.createAccount();
    const short = {
      headers: account.credentials.headers,
      cookies: account.credentials.cookies
        .split('; ')
        .filter((pair) => !/^(p20t|r20t|cr00)=/.test(pair))
        .join('; '),
    };
    const result = await run(
      ['accounts', 'add', '--user', 'short', '--from-curl', '-', '--no-verify'],
      curlForSession(short),
    );
    expect(result.out).toMatch(/headers found: .*csrftoken/);
    expect(result.out).toMatch(/cookies found \(\d+\): .*f30l/);
    expect(result.err).toContain('made without "stay signed in" and may last only hours');
    for (const value of [
      account.credentials.headers.csrftoken!,
      account.credentials.headers['fvideo-token']!.slice(0, 10),
    ])
      expect(result.out + result.err).not.toContain(value);

    const mixed = {
      headers: { ...account.credentials.headers, csrftoken: '0'.repeat(32) },
      cookies: account.credentials.cookies,
    };
    const flagged = await run(
      ['accounts', 'add', '--user', 'mixed', '--from-curl', '-', '--no-verify'],
      curlForSession(mixed),
    );
    expect(flagged.err).toContain('csrftoken header is not the one of this copy');
    const complete = await run(
      ['accounts', 'add', '--user', 'whole', '--from-curl', '-', '--no-verify'],
      curlForSession(account.credentials),
    );
    expect(complete.err).toBe('');
  });

  it('lists keychain entries no account lists, and prune deletes only those', async () => {
    const account = cli.sim.createAccount();
    await run(
      ['accounts', 'add', '--user', 'kept', '--from-curl', '-', '--no-verify'],
      curlForSession(account.credentials),
    );
    await keychain.setPassword('left-behind', JSON.stringify(account.credentials));
    const list = await run(['accounts', 'list']);
    expect(list.code).toBe(0);
    expect(list.err).toContain('Keychain entries that no account lists');
    expect(list.err).toContain('left-behind');
    expect(list.err).toContain('Remove them with: npx alpha-monitor accounts prune');
    const json = await run(['accounts', 'list', '--json']);
    expect(JSON.parse(json.out).map((a: { id: string }) => a.id)).toEqual(['kept']);

    const prune = await run(['accounts', 'prune']);
    expect(prune.out).toContain('left-behind');
    expect(await keychain.getPassword('left-behind')).toBeNull();
    expect(await keychain.getPassword('kept')).not.toBeNull();
    expect((await run(['accounts', 'prune'])).out).toContain('No orphaned keychain entries');
    expect((await run(['accounts', 'prune'], '', 'zh-CN')).out).toContain('没有孤立的钥匙串条目');
  });

  it('--to-file writes a credentials file (mode 600) that watch reads, and never the keychain', async () => {
    const account = cli.sim.createAccount();
    const path = join(cli.home, 'server', 'alpha.json');
    const result = await run(
      ['accounts', 'add', '--to-file', path, '--from-curl', '-', '--rest-url', cli.sim.restUrl],
      curlForSession(account.credentials),
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Wrote ${path} (mode 600)`);
    // The hint, followed literally, connects to the exchange the file was made for.
    const hint = /Use it with: npx alpha-monitor (.+?) \(or /.exec(result.out)?.[1];
    expect(hint).toBe(
      `watch --credentials-file ${path} --rest-url ${cli.sim.restUrl} --ws-url ${cli.sim.wsUrl}`,
    );
    const watched = await run([...hint!.split(' '), '--duration', '1']);
    expect(watched.code, watched.err).toBe(0);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readPrivateCredentialsFile(path)).toMatchObject({
      headers: { csrftoken: account.credentials.headers.csrftoken },
      cookies: account.credentials.cookies,
    });
    expect(await keychain.findCredentials()).toEqual([]);
    expect(await readFile(path, 'utf8')).not.toContain('\r');

    const again = await run(
      ['accounts', 'add', '--to-file', path, '--from-curl', '-', '--no-verify'],
      curlForSession(account.credentials),
    );
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists; nothing was written');
    await writeFile(path, '{}', { mode: 0o600 });
    expect(
      (
        await run(
          ['accounts', 'add', '--to-file', path, '--replace', '--from-curl', '-', '--no-verify'],
          curlForSession(account.credentials),
        )
      ).code,
    ).toBe(0);
    expect(await readPrivateCredentialsFile(path)).toMatchObject({
      headers: { csrftoken: account.credentials.headers.csrftoken },
      cookies: account.credentials.cookies,
    });
  });

  it.each([
    ['ws+unix:///var/run/docker.sock', 'it must start with https://'],
    ['http://exchange.example', 'plain http:// is allowed only to this machine'],
    ['ftp://www.binance.com', 'it must start with https://'],
  ])('refuses --rest-url %s before the session is sent anywhere', async (url, message) => {
    const account = cli.sim.createAccount();
    const result = await run(
      ['accounts', 'add', '--user', 'x', '--from-curl', '-', '--rest-url', url],
      curlForSession(account.credentials),
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(await keychain.findCredentials()).toEqual([]);
  });
});
