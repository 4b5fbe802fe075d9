import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/fakes/cli-process.ts';
import { createMemoryCliContext } from '../../../test/fakes/memory-cli-context.ts';
import { openCliLogFile } from './common/cli-log-file.ts';
import { main } from './main.ts';

/** A port nothing listens on (taken, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

const CSRF_VALUE = 'csrf-value-0123456789';
const COOKIE_VALUE = 'cookie-value-0123456789';

let dir: string;
let argv: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'alpha-verbose-'));
  const file = join(dir, 'session.json');
  const session = { headers: { csrftoken: CSRF_VALUE }, cookies: `p20t=${COOKIE_VALUE}` };
  writeFileSync(file, JSON.stringify(session), { mode: 0o600 });
  const url = `http://127.0.0.1:${await closedPort()}`;
  argv = ['watch', '--credentials-file', file, '--rest-url', url, '--max-reconnects', '1'];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function watchUnreachable(extra: string[]) {
  const home = mkdtempSync(join(dir, 'home-'));
  const logFile = openCliLogFile({ env: { ALPHA_MONITOR_HOME: home }, lang: 'en', warn: () => {} });
  const t = createMemoryCliContext('en', {}, { logFile });
  const code = await main([...argv, ...extra], t.context);
  return { code, stderr: t.stderr, stdout: t.stdout, log: readFileSync(logFile.path, 'utf8') };
}

/** A raw line: time, level, [component account], message. */
const RAW_WARN =
  / WARN \[watch file\] stream connection lost \{"reason":\{"code":"LISTEN_KEY_FAILED"/;

describe('watch with the exchange unreachable', () => {
  it('shows only the friendly lines: no raw WARN line on stderr without --verbose', async () => {
    const { stdout, stderr } = await watchUnreachable([]);
    expect(stdout).toMatch(
      /Could not connect \(listen key: Cannot reach http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(stderr).not.toMatch(/ WARN /);
    expect(stderr).not.toContain('"code":"NETWORK"');
  });

  it('--verbose adds the raw lines, with component, account and the codes', async () => {
    const { stderr } = await watchUnreachable(['--verbose']);
    expect(stderr).toMatch(RAW_WARN);
    expect(stderr).toContain('"code":"NETWORK"');
  });

  it('the raw lines are in the log file with or without --verbose, never a session value', async () => {
    for (const extra of [[], ['--verbose']]) {
      const { log } = await watchUnreachable(extra);
      expect(log).toMatch(RAW_WARN);
      expect(log).toContain('"code":"NETWORK"');
      expect(log).not.toContain(CSRF_VALUE);
      expect(log).not.toContain(COOKIE_VALUE);
    }
  });

  it('the real command writes <data folder>/logs/cli.log', async () => {
    const home = mkdtempSync(join(dir, 'process-home-'));
    const run = await runCli(argv, { ALPHA_MONITOR_HOME: home });
    expect(run.stderr).not.toMatch(/ WARN /);
    expect(readFileSync(join(home, 'logs', 'cli.log'), 'utf8')).toMatch(RAW_WARN);
  });
});
