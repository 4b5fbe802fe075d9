import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { main } from '../main.ts';
import { ExitCode } from '../common/cli-error.ts';
import { isExecutionReport, openRecordingSocket } from '../../sim/testing/sim-test-client.ts';
import { startCli, type NodeProcess } from '../../../../test/fakes/cli-process.ts';
import { createMemoryCliContext } from '../../../../test/fakes/memory-cli-context.ts';
import { waitFor } from '../../../../test/fakes/wait-for.ts';

interface Printed {
  restUrl: string;
  wsUrl: string;
  controlUrl: string;
  credentials: { headers: Record<string, string>; cookies: string };
}

/** A context that records output and lets the test deliver Ctrl+C. */
function testContext() {
  const io = createMemoryCliContext();
  return { ctx: io.context, out: () => io.stdout, err: () => io.stderr, interrupt: io.interrupt };
}

describe('alpha-monitor sim', () => {
  let cli: NodeProcess | undefined;
  afterEach(() => cli?.kill('SIGKILL'));

  it('--json prints one line; its credentials get a listen key; demo activity reaches a plain WS client; SIGTERM stops it cleanly', async () => {
    cli = startCli(['sim', '--json', '--demo-rate', '120', '--speed', '5']);
    const printed = await cli.jsonLine<Printed>();
    expect(Object.keys(printed)).toEqual(['restUrl', 'wsUrl', 'controlUrl', 'credentials']);
    expect(new URL(printed.restUrl).hostname).toBe('127.0.0.1');

    // What `curl -X POST <restUrl>/...get-listen-key -H ... -H 'cookie: ...'` sends.
    const response = await fetch(
      `${printed.restUrl}/bapi/defi/v1/private/alpha-trade/get-listen-key`,
      {
        method: 'POST',
        headers: { ...printed.credentials.headers, cookie: printed.credentials.cookies },
      },
    );
    const body = (await response.json()) as { success: boolean; data: string };
    expect(body.success).toBe(true);
    expect(body.data).toMatch(/^[0-9a-f]{32}$/);

    const socket = await openRecordingSocket(printed.wsUrl);
    socket.send({ method: 'SUBSCRIBE', params: [`alpha@${body.data}`], id: 1 });
    const report = await socket.waitFor(isExecutionReport, { timeoutMs: 20_000 });
    expect(report.stream).toBe(`alpha@${body.data}`);
    await socket.close();

    cli.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('on SIGINT with a client still connected (never leaving), closes the client and exits', async () => {
    cli = startCli(['sim', '--json', '--no-demo']);
    const printed = await cli.jsonLine<Printed>();
    // A client that stays: it would hold an HTTP server's close() open for as long as it lives.
    const socket = new WebSocket(printed.wsUrl);
    const clientClosed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => {});
    await new Promise<void>((resolve) => socket.once('open', () => resolve()));
    cli.kill('SIGINT');
    // No time threshold: before the fix this never resolved while the client stayed connected.
    expect(await cli.exited).toBe(0);
    await clientClosed;
  }, 60_000);

  it('prints URLs in plain text, writes credentials (mode 600), and stops on Ctrl+C', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-cli-'));
    try {
      const file = join(dir, 'demo.json');
      const t = testContext();
      const done = main(['sim', '--no-demo', '--write-credentials', file], t.ctx);
      await waitFor(() => t.out().includes('Ctrl+C'), { what: 'the sim ready' });
      expect(t.out()).toMatch(/REST: +http:\/\/127\.0\.0\.1:\d+\n/);
      expect(t.out()).toContain('demo activity: off');
      expect(t.out()).not.toContain('csrftoken');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const written = JSON.parse(await readFile(file, 'utf8')) as Printed['credentials'];
      expect(written.cookies).toContain('p20t=');
      t.interrupt();
      expect(await done).toBe(ExitCode.ok);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('makes an existing readable credentials file private, so --credentials-file accepts it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-cli-'));
    try {
      const file = join(dir, 'demo.json');
      await writeFile(file, '{"old":true}\n', { mode: 0o644 });
      await chmod(file, 0o644);
      const t = testContext();
      const done = main(['sim', '--no-demo', '--write-credentials', file], t.ctx);
      await waitFor(() => t.out().includes('Ctrl+C'), { what: 'the sim ready' });
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const restUrl = /REST: +(\S+)\n/.exec(t.out())![1]!;
      const check = testContext();
      expect(
        await main(['listen-key', '--credentials-file', file, '--rest-url', restUrl], check.ctx),
      ).toBe(ExitCode.ok);
      expect(check.out()).toContain('Listen key');
      t.interrupt();
      expect(await done).toBe(ExitCode.ok);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['--port', 'abc']],
    [['--speed', '0']],
    [['--demo-rate', '-1']],
    [['--listen-key-repost', 'sometimes']],
    [['--unknown']],
  ])('rejects %j with a usage error', async (args) => {
    const t = testContext();
    expect(await main(['sim', ...args], t.ctx)).toBe(ExitCode.usage);
    expect(t.err()).not.toBe('');
  });

  it('says clearly when the port is taken', async () => {
    const first = testContext();
    const running = main(['sim', '--no-demo', '--json'], first.ctx);
    await waitFor(() => first.out().includes('\n'), { what: 'the sim announced' });
    const port = new URL((JSON.parse(first.out()) as Printed).restUrl).port;
    const second = testContext();
    expect(await main(['sim', '--no-demo', '--port', port], second.ctx)).toBe(ExitCode.failure);
    expect(second.err()).toContain(`Port ${port} is already in use`);
    first.interrupt();
    expect(await running).toBe(ExitCode.ok);
  });
});
