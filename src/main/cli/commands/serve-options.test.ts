import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCliContext } from '../../../../test/fakes/memory-cli-context.ts';
import { main } from '../main.ts';

// serve refuses, before anything starts, what would send a session somewhere unsafe.
let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'am-serve-options-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html>');
  env = { ALPHA_MONITOR_RENDERER_DIR: dir, ALPHA_MONITOR_HOME: dir };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('alpha-monitor serve: options checked first', () => {
  it.each([
    [['--ws-url', 'ws+unix:///var/run/docker.sock'], 'it must start with wss://'],
    [
      ['--rest-url', 'http://exchange.example'],
      'plain http:// and ws:// are allowed only to this machine',
    ],
    [['--rest-url', 'file:///etc/passwd'], 'it must start with https://'],
  ])('refuses %j', async (args, message) => {
    const t = createMemoryCliContext('en', env);
    expect(await main(['serve', ...args], t.context)).toBe(2);
    expect(t.stderr).toContain(message);
  });

  it('says it in Chinese too', async () => {
    const t = createMemoryCliContext('zh-CN', env);
    expect(await main(['serve', '--ws-url', 'ws://192.168.1.5:1/w3w/stream'], t.context)).toBe(2);
    expect(t.stderr).toContain('只允许指向本机');
  });

  it('refuses a credentials file others can read, from the option or the environment variable', async () => {
    const path = join(dir, 'alpha.json');
    await writeFile(path, '{"headers":{"csrftoken":"x"},"cookies":"p20t=1"}');
    await chmod(path, 0o644);
    const byOption = createMemoryCliContext('en', env);
    expect(await main(['serve', '--credentials-file', path], byOption.context)).toBe(2);
    expect(byOption.stderr).toContain(`Run: chmod 600 ${path}`);
    const byEnv = createMemoryCliContext('en', { ...env, ALPHA_MONITOR_CREDENTIALS_FILE: path });
    expect(await main(['serve'], byEnv.context)).toBe(2);
    expect(byEnv.stderr).toContain('readable by other users');
  });
});
