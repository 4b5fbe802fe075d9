import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../../../test/fakes/cli-process.ts';

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
  const cli = startCli([...args, '--credentials-file', credentialsFile]);
  let sent = false;
  await cli.waitForOutput(ready).then(
    () => {
      sent = true;
      cli.kill(signal);
    },
    () => undefined,
  );
  const code = await cli.exited;
  return { code, stdout: cli.stdout, stderr: cli.stderr, sent };
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
