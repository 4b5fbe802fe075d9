import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryCliContext } from '../../../test/fakes/memory-cli-context.ts';
import { main } from './main.ts';

/** A port nothing listens on (taken, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

let dir: string;
let argv: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'alpha-verbose-'));
  const file = join(dir, 'session.json');
  writeFileSync(file, JSON.stringify({ headers: { csrftoken: 'c' }, cookies: 'p20t=x' }), {
    mode: 0o600,
  });
  const url = `http://127.0.0.1:${await closedPort()}`;
  argv = ['watch', '--credentials-file', file, '--rest-url', url, '--max-reconnects', '1'];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function watchUnreachable(extra: string[]) {
  const t = createMemoryCliContext('en');
  const code = await main([...argv, ...extra], t.context);
  return { code, stderr: t.stderr, stdout: t.stdout };
}

describe('watch with the exchange unreachable', () => {
  it('shows only the friendly lines: no raw WARN line on stderr without --verbose', async () => {
    const { stdout, stderr } = await watchUnreachable([]);
    expect(stdout).toMatch(/Connection lost \(listen key: Cannot reach http:\/\/127\.0\.0\.1:\d+/);
    expect(stderr).not.toMatch(/ WARN /);
    expect(stderr).not.toContain('"code":"NETWORK"');
  });

  it('--verbose adds the raw lines, with component, account and the codes', async () => {
    const { stderr } = await watchUnreachable(['--verbose']);
    expect(stderr).toMatch(
      / WARN \[watch file\] stream connection lost \{"reason":\{"code":"LISTEN_KEY_FAILED"/,
    );
    expect(stderr).toContain('"code":"NETWORK"');
  });
});
