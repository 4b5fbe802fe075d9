import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/alpha-monitor.js', import.meta.url));

let silent: Server;
let silentUrl: string;
let dir: string;
let credentialsFile: string;

beforeAll(async () => {
  // Accepts every request and never answers: a command waits on it until its REST timeout.
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'am-interrupt-'));
  credentialsFile = join(dir, 'session.json');
  writeFileSync(
    credentialsFile,
    JSON.stringify({ headers: { csrftoken: 'x' }, cookies: 'p20t=x' }),
    {
      mode: 0o600,
    },
  );
});

afterAll(async () => {
  silent.closeAllConnections();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the real CLI, waits for `ready` on its stdout, sends `signal`, and collects the rest. */
async function interruptWhen(args: string[], ready: string, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [BIN, ...args, '--credentials-file', credentialsFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LANG: 'C' },
  });
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString('utf8');
    if (!sent && stdout.includes(ready)) {
      sent = true;
      child.kill(signal);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  return { code, stdout, stderr, sent };
}

describe('the first Ctrl+C of a command that registered no handler', () => {
  it('check waiting on a silent server exits at once with 130 and "Interrupted"', async () => {
    const run = await interruptWhen(
      ['check', '--rest-url', silentUrl, '--ws-url', 'ws://127.0.0.1:9/w3w/stream'],
      'Credentials',
      'SIGINT',
    );
    expect(run.sent, run.stderr).toBe(true);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Interrupted.');
    // It did not sit out the REST timeout: no listen-key step was reported.
    expect(run.stdout).not.toContain('Listen key');
  });

  it('SIGTERM exits with 143', async () => {
    const run = await interruptWhen(
      ['check', '--rest-url', silentUrl, '--ws-url', 'ws://127.0.0.1:9/w3w/stream'],
      'Credentials',
      'SIGTERM',
    );
    expect(run.sent, run.stderr).toBe(true);
    expect(run.code).toBe(143);
  });

  it('strategy before its stream is live exits with 130', async () => {
    const run = await interruptWhen(
      [
        'strategy',
        '--token',
        'KOGE',
        '--chain',
        'BSC',
        '--volume',
        '10',
        '--yes',
        '--rest-url',
        silentUrl,
        '--ws-url',
        'ws://127.0.0.1:9/w3w/stream',
      ],
      'Connecting',
      'SIGINT',
    );
    expect(run.sent, run.stderr).toBe(true);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Interrupted.');
  });
});
