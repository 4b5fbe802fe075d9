import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { startSimulator, type Simulator } from '../../sim/index.ts';
import { placeRestingOto } from '../../sim/testing/demo-session.ts';
import { startCli } from '../../../../test/fakes/cli-process.ts';

/** A WebSocket relay in front of the simulator that records what the client sends and how it closes. */
async function startRecordingRelay(sim: Simulator) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const clientFrames: string[] = [];
  const clientCloseCodes: number[] = [];
  server.on('connection', (client) => {
    const upstream = new WebSocket(sim.wsUrl);
    const queued: string[] = [];
    upstream.on('open', () => queued.splice(0).forEach((t) => upstream.send(t)));
    upstream.on('message', (data) => client.send(data.toString()));
    upstream.on('close', () => client.terminate());
    client.on('message', (data) => {
      const text = data.toString();
      clientFrames.push(text);
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
      else queued.push(text);
    });
    client.on('close', (code) => {
      clientCloseCodes.push(code);
      upstream.close();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/w3w/stream`,
    clientFrames,
    clientCloseCodes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('alpha-monitor watch as a subprocess', () => {
  it('watch --demo --json --duration N prints NDJSON ending in the summary, exit 0', async () => {
    const cli = startCli(['watch', '--demo', '--json', '--duration', '8']);
    expect(await cli.exited).toBe(0);
    const lines = cli.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.type === 'state').map((l) => l.state)).toEqual([
      'connecting',
      'subscribing',
      'live',
      'stopping',
      'stopped',
    ]);
    const summary = lines.at(-1)!;
    expect(Object.keys(summary)).toEqual([
      'type',
      'updates',
      'orders',
      'byStatus',
      'ordersByStatus',
      'duplicates',
      'malformed',
      'otherEvents',
      'reconnects',
      'listenKeyRefreshes',
      'connectionEvents',
      'backfilled',
      'missedByStream',
      'statusUnknown',
      'fillsNotRecovered',
      'reconcileErrors',
    ]);
    const orders = lines.filter((l) => l.type === 'order');
    expect(summary.updates).toBe(orders.length);
    // Demo activity places orders every few seconds, so a demo run shows live updates.
    expect(orders.length).toBeGreaterThan(0);
    const byStatus = summary.byStatus as Record<string, number>;
    expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(orders.length);
    expect(cli.stderr).toBe('');
  });

  it('Ctrl+C unsubscribes, prints the statistics and exits 0', async () => {
    const cli = startCli(['watch', '--demo']);
    await cli.waitForOutput('Connected');
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(cli.stdout).toContain('Stopping');
    expect(cli.stdout).toContain('Statistics');
    expect(cli.stdout).toMatch(/Total order updates: \d+/);
    expect(cli.stdout).toMatch(/Connection events: 1/);
  });

  it('a second Ctrl+C exits at once', async () => {
    const cli = startCli(['watch', '--demo']);
    await cli.waitForOutput('Connected');
    cli.child.kill('SIGINT');
    cli.child.kill('SIGINT');
    const code = await cli.exited;
    // Either the first stop already finished (0) or the second signal cut it short (130).
    expect([0, 130]).toContain(code);
  });

  it('watch --json | head: the reader closing the pipe unsubscribes and exits quietly', async () => {
    const sim = await startSimulator({ fillDelayMs: 60_000 });
    const relay = await startRecordingRelay(sim);
    const dir = mkdtempSync(join(tmpdir(), 'am-watch-epipe-'));
    try {
      const credentialsFile = join(dir, 'demo.json');
      writeFileSync(credentialsFile, JSON.stringify(sim.demoAccount.credentials), { mode: 0o600 });
      const cli = startCli([
        'watch',
        '--json',
        '--rest-url',
        sim.restUrl,
        '--ws-url',
        relay.url,
        '--credentials-file',
        credentialsFile,
      ]);
      // Like `head`: read until the session is live, then close the pipe.
      await cli.waitForOutput('"state":"live"');
      cli.child.stdout!.destroy();
      // The next update is written into the closed pipe.
      await placeRestingOto(sim);
      expect(await cli.exited).toBe(0);
      expect(cli.stderr).toBe('');
      expect(relay.clientFrames.some((f) => f.includes('"UNSUBSCRIBE"'))).toBe(true);
      expect(relay.clientCloseCodes).toEqual([1000]);
    } finally {
      await relay.close();
      await sim.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
