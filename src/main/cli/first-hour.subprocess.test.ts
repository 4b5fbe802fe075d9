import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../../../test/fakes/cli-process.ts';
import { waitFor } from '../../../test/fakes/wait-for.ts';

/** Issue 14: what a new user runs in the first hour, as subprocesses (exit codes are the point). */

const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;
let dir: string;
/** A port some other program holds on 127.0.0.1. */
let taken: Server;
let takenPort: number;
/** Counts requests: proves a refusal happened before anything was sent. */
let recorder: Server;
let recorderUrl: string;
let recorded = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'am-first-hour-'));
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  takenPort = (taken.address() as AddressInfo).port;
  recorder = createServer((_request, response) => {
    recorded++;
    response.end('{}');
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => taken.close(() => resolve()));
  recorder.closeAllConnections();
  await new Promise<void>((resolve) => recorder.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

/** A port free right now (for a simulator that must come back on the same one). */
async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('commands that cannot start say so in one line and exit', () => {
  it('sim --port <taken> prints the friendly message and exits 1 (no hang, no stack)', async () => {
    const cli = startCli(['sim', '--port', String(takenPort)]);
    expect(await cli.exited).toBe(1);
    expect(cli.stderr.trim()).toBe(
      `Port ${takenPort} is already in use on 127.0.0.1. Pick another with --port, or --port 0 for a free one.`,
    );
  });

  it('sim --write-credentials /nonexistent/x.json: one line, exit 1, nothing started', async () => {
    const cli = startCli(['sim', '--write-credentials', '/nonexistent/x.json']);
    expect(await cli.exited).toBe(1);
    expect(cli.stderr.trim()).toBe(
      'Cannot write the demo credentials to /nonexistent/x.json: its folder does not exist. Nothing was started.',
    );
    expect(cli.stdout).toBe('');
  });

  it('serve --port <taken>: one line, exit 1', async () => {
    const cli = startCli(['serve', '--port', String(takenPort)], {
      ALPHA_MONITOR_HOME: join(dir, 'serve-home'),
    });
    expect(await cli.exited).toBe(1);
    expect(cli.stderr).toContain(`Port ${takenPort} on 127.0.0.1 is already in use`);
    expect(cli.stderr).not.toMatch(STACK_LINE);
  });
});

describe('--rest-url / --ws-url are checked before any network call', () => {
  it.each([
    [['--rest-url', 'not-a-url'], '--rest-url "not-a-url": it is not a URL'],
    [['--rest-url', '__REC__', '--ws-url', 'garbage'], '--ws-url "garbage": it is not a URL'],
    [['--rest-url', 'http://example.com'], 'plain http:// is allowed only to this machine'],
    [
      ['--rest-url', 'https://example.com'],
      '--rest-url https://example.com without --ws-url would send the stream to the real exchange',
    ],
  ])('check %j: usage error, exit 2', async (args, message) => {
    const cli = startCli([
      'check',
      '--demo',
      ...args.map((a) => (a === '__REC__' ? recorderUrl : a)),
    ]);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr).toContain(message);
    expect(cli.stdout).toBe('');
    expect(recorded).toBe(0);
  });

  it('listen-key refuses the stream options it would ignore', async () => {
    const cli = startCli(['listen-key', '--demo', '--ping-interval', '5']);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr).toContain('Unknown option --ping-interval');
  });
});

describe('watch --duration beyond Node’s 24.8-day timer limit', () => {
  it('--duration 2592000 (30 days) runs live until Ctrl+C, then exits 0', async () => {
    const cli = startCli(['watch', '--demo', '--json', '--duration', '2592000']);
    await waitFor(() => cli.stdout.includes('"state":"live"') || cli.child.exitCode !== null, {
      what: 'watch to get live',
    });
    expect(cli.child.exitCode, cli.stderr).toBeNull();
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(cli.stderr).not.toContain('Never got live');
    expect(cli.stdout).toContain('"type":"summary"');
  });

  it('--duration 1e12: a usage error, exit 2', async () => {
    const cli = startCli(['watch', '--demo', '--duration', '1e12']);
    expect(await cli.exited).toBe(2);
    expect(cli.stderr).toContain('--duration 1e12 is longer than a year');
    expect(cli.stderr).not.toContain('Never got live');
  });
});

describe('a standalone simulator restarted under a running watch', () => {
  it('keeps its demo credentials (--write-credentials), so watch reconnects instead of "Binance rejected the session"', async () => {
    const port = await freePort();
    const file = join(dir, 'demo.json');
    const simArgs = ['sim', '--port', String(port), '--no-demo', '--write-credentials', file];
    const first = startCli(simArgs);
    await waitFor(() => first.stdout.includes('Press Ctrl+C') || first.child.exitCode !== null, {
      what: 'the simulator to start',
    });
    expect(first.stdout).toContain(`Demo credentials written to ${file}`);
    const written = readFileSync(file, 'utf8');

    // --rest-url alone: for this machine the stream URL is derived from it.
    const watch = startCli([
      'watch',
      '--json',
      '--rest-url',
      `http://127.0.0.1:${port}`,
      '--credentials-file',
      file,
    ]);
    const lives = () => watch.stdout.split('\n').filter((l) => l.includes('"state":"live"')).length;
    await waitFor(() => lives() >= 1 || watch.child.exitCode !== null, { what: 'watch live' });
    expect(watch.child.exitCode, watch.stderr).toBeNull();

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const second = startCli(simArgs);
    try {
      await waitFor(
        () => second.stdout.includes('Press Ctrl+C') || second.child.exitCode !== null,
        {
          what: 'the restarted simulator',
        },
      );
      expect(second.stdout).toContain(`Demo credentials kept from ${file}`);
      expect(readFileSync(file, 'utf8')).toBe(written);
      await waitFor(() => lives() >= 2 || watch.child.exitCode !== null, {
        what: 'watch live again after the restart',
        timeoutMs: 120_000,
      });
      expect(watch.child.exitCode, watch.stderr).toBeNull();
      watch.child.kill('SIGINT');
      expect(await watch.exited).toBe(0);
      expect(watch.stderr).not.toContain('rejected');
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
