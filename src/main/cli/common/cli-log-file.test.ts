import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rememberListenKey } from '../../../shared/secrets/listen-key-registry.ts';
import { openCliLogFile } from './cli-log-file.ts';

const dirs: string[] = [];
function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alpha-cli-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the CLI log file', () => {
  it('is <data folder>/logs/cli.log, created by its first line', () => {
    const home = dataFolder();
    const log = openCliLogFile({ env: { ALPHA_MONITOR_HOME: home }, lang: 'en', warn: () => {} });
    expect(log.path).toBe(join(home, 'logs', 'cli.log'));
    expect(existsSync(join(home, 'logs'))).toBe(false);
    log.write('2026-12-01T00:00:00.000Z WARN [watch file] stream connection lost');
    expect(readFileSync(log.path, 'utf8')).toBe(
      '2026-12-01T00:00:00.000Z WARN [watch file] stream connection lost\n',
    );
  });

  it('never holds a cookie value, a csrftoken or a full listen key', () => {
    const home = dataFolder();
    const log = openCliLogFile({ env: { ALPHA_MONITOR_HOME: home }, lang: 'en', warn: () => {} });
    const listenKey = 'ff950c2e0d3da25cb0f320669c3f986f';
    rememberListenKey(listenKey);
    log.hideCredentials({
      headers: { csrftoken: 'csrf-secret-0123' },
      cookies: 'p20t=cookie-secret-4567; lang=en',
    });
    log.write(`echo ${listenKey} csrf-secret-0123 p20t=cookie-secret-4567`);
    const text = readFileSync(log.path, 'utf8');
    expect(text).toBe('echo ff950c2e0d... [redacted] p20t=[redacted]\n');
  });

  it('keeps one older file when it reaches its size', () => {
    const home = dataFolder();
    const env = { ALPHA_MONITOR_HOME: home };
    const log = openCliLogFile({ env, lang: 'en', warn: () => {}, maxBytes: 40 });
    for (let i = 0; i < 6; i += 1) log.write(`line ${i} .........................`);
    expect(readdirSync(join(home, 'logs')).sort()).toEqual(['cli.1.log', 'cli.log']);
    expect(readFileSync(join(home, 'logs', 'cli.log'), 'utf8')).toBe(
      'line 5 .........................\n',
    );
    expect(readFileSync(join(home, 'logs', 'cli.1.log'), 'utf8')).toBe(
      'line 4 .........................\n',
    );
  });

  it.each(['en', 'zh-CN'] as const)(
    'a folder it cannot write is one clear warning (%s), never an exception',
    (lang) => {
      const home = join(dataFolder(), 'not-a-folder');
      writeFileSync(home, 'a file where the data folder should be');
      const warnings: string[] = [];
      const log = openCliLogFile({
        env: { ALPHA_MONITOR_HOME: home },
        lang,
        warn: (text) => warnings.push(text),
      });
      for (let i = 0; i < 3; i += 1) log.write(`line ${i}`);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(join(home, 'logs', 'cli.log'));
      expect(warnings[0]).toContain('ENOTDIR');
      expect(warnings[0]).toContain(lang === 'en' ? 'the command goes on' : '命令继续运行');
    },
  );
});
