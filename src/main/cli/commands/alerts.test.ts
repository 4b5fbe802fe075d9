import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFixtureHttpServer } from '../../../../test/fakes/fixture-http-server.ts';
import { createMemoryCliContext } from '../../../../test/fakes/memory-cli-context.ts';
import { command } from './alerts.ts';

const TOKEN = '987654321:AAF-cli-test-token';
const SECRET = 'cli-signing-secret-42';

let home: string;
let server: Awaited<ReturnType<typeof startFixtureHttpServer>>;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'am-alerts-cli-'));
  server = await startFixtureHttpServer({
    '/hook': { body: '{}' },
    [`/bot${TOKEN}/sendMessage`]: { body: '{"ok":true}' },
  });
});
afterEach(async () => {
  await server.close();
  await rm(home, { recursive: true, force: true });
});

const envOf = () => ({
  ALPHA_MONITOR_HOME: home,
  ALPHA_MONITOR_TELEGRAM_BOT_TOKEN: TOKEN,
  ALPHA_MONITOR_WEBHOOK_SECRET: SECRET,
  ALPHA_MONITOR_TELEGRAM_API_URL: server.url,
});

describe('alpha-monitor alerts', () => {
  it('test --webhook --telegram-chat sends one test message to each and exits 0', async () => {
    const cli = createMemoryCliContext('en', envOf());
    const code = await command.run(
      ['test', '--webhook', `${server.url}/hook`, '--telegram-chat=-1001'],
      cli.context,
    );
    expect(code).toBe(0);
    expect(cli.stdout).toBe(
      `webhook: test sent to ${server.url}/…\ntelegram: test sent to chat -1001\n`,
    );
    expect(server.requests.map((r) => r.path)).toEqual(['/hook', `/bot${TOKEN}/sendMessage`]);
    expect(JSON.parse(server.requests[1]!.body)).toMatchObject({ chat_id: '-1001' });
    expect(server.requests[0]!.headers['x-alpha-monitor-signature']).toMatch(
      /^sha256=[0-9a-f]{64}$/,
    );
    expect(cli.stdout + cli.stderr).not.toContain(TOKEN);
  });

  it('exits 1 and says why when a channel refuses the test (never showing the token)', async () => {
    server.setRoute(`/bot${TOKEN}/sendMessage`, {
      status: 400,
      body: '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}',
    });
    const cli = createMemoryCliContext('en', envOf());
    const code = await command.run(['test', '--telegram-chat', '12345'], cli.context);
    expect(code).toBe(1);
    expect(cli.stderr).toContain(
      'telegram: not sent (REFUSED): Telegram answered HTTP 400: Bad Request: chat not found',
    );
    expect(cli.stderr).not.toContain(TOKEN);
  });

  it('says in the chosen language how to give a missing bot token (env variable or set-secret)', async () => {
    const env = {
      ALPHA_MONITOR_HOME: home,
      ALPHA_MONITOR_TELEGRAM_API_URL: server.url,
      // A service of its own: no token there, whether or not this machine has a keychain.
      ALPHA_MONITOR_KEYCHAIN_SERVICE: `alpha-monitor-test-${process.pid}-${Date.now()}`,
    };
    const zh = createMemoryCliContext('zh-CN', env);
    expect(await command.run(['test', '--telegram-chat', '1'], zh.context)).toBe(1);
    expect(zh.stderr).toContain(
      'telegram：未发送（TELEGRAM_TOKEN_MISSING）：没有 Telegram 机器人令牌',
    );
    expect(zh.stderr).toContain('ALPHA_MONITOR_TELEGRAM_BOT_TOKEN');
    expect(zh.stderr).toContain('alerts set-secret telegram-token');
    expect(zh.stderr).not.toMatch(/no Telegram bot token/);
    const en = createMemoryCliContext('en', env);
    expect(await command.run(['test', '--telegram-chat', '1'], en.context)).toBe(1);
    expect(en.stderr).toContain(
      'telegram: not sent (TELEGRAM_TOKEN_MISSING): no Telegram bot token: set ALPHA_MONITOR_TELEGRAM_BOT_TOKEN',
    );
    expect(en.stderr).toContain('npx alpha-monitor alerts set-secret telegram-token');
    expect(server.requests).toEqual([]);
  });

  it('exits 2 when no channel is on, or an option is not valid', async () => {
    const cli = createMemoryCliContext('en', envOf());
    await expect(command.run(['test'], cli.context)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('No alert channel is on'),
    });
    await expect(command.run(['test', '--webhook', 'ftp://x'], cli.context)).rejects.toMatchObject({
      exitCode: 2,
      message: '--webhook: an http:// or https:// URL',
    });
  });

  it('shows the settings of a file without the webhook path (it may be a secret) or any secret value', async () => {
    const config = join(home, 'my-alerts.json');
    await writeFile(
      config,
      JSON.stringify({
        webhook: { enabled: true, url: 'https://hooks.example.com/T000/B000/XXXXSECRETPATH' },
        events: { fill: false },
      }),
    );
    const cli = createMemoryCliContext('en', envOf());
    expect(await command.run(['--alerts-config', config], cli.context)).toBe(0);
    expect(cli.stdout).toContain(
      '  webhook:  on  https://hooks.example.com/…  signing secret: set\n',
    );
    expect(cli.stdout).toContain('  telegram: off  (no chat id)  bot token: set\n');
    expect(cli.stdout).toContain('events:   fill off, strategy-finished on');
    expect(cli.stdout).not.toContain('XXXXSECRETPATH');
    expect(cli.stdout).not.toContain(TOKEN);
    expect(cli.stdout).not.toContain(SECRET);
  });

  it('refuses a settings file with a bad field, naming it', async () => {
    const config = join(home, 'bad.json');
    await writeFile(config, JSON.stringify({ accountDownMinutes: 0 }));
    const cli = createMemoryCliContext('zh-CN', envOf());
    await expect(
      command.run(['show', '--alerts-config', config], cli.context),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('accountDownMinutes'),
    });
  });
});
