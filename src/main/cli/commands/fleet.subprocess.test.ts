import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import type { FleetRowView } from '../../../shared/ipc/views-fleet.ts';
import { runCli, startCli } from '../../../../test/fakes/cli-process.ts';

const home = mkdtempSync(join(tmpdir(), 'alpha-monitor-fleet-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const fleetEnv = (extraEnv: NodeJS.ProcessEnv) => ({
  ...extraEnv,
  ALPHA_MONITOR_HOME: home,
  ALPHA_MONITOR_KEYCHAIN_SERVICE: 'alpha-monitor-fleet-test',
});
const start = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
  startCli(args, fleetEnv(extraEnv));
const run = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => runCli(args, fleetEnv(extraEnv));

describe('alpha-monitor fleet as a subprocess', () => {
  it.runIf(process.platform === 'linux')(
    'without a keychain (no D-Bus bus), says so in Chinese with --lang zh-CN, no English WARN line',
    async () => {
      const { code, stderr } = await run(['--lang', 'zh-CN', 'fleet', '--once'], {
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/alpha-monitor-bus',
      });
      expect(code).toBe(1);
      expect(stderr).toContain('本机没有钥匙串（没有 Secret Service）');
      expect(stderr).not.toMatch(/WARN|no keychain/);
    },
    120_000,
  );

  it('--demo --once: one table of every simulated account, all live, exit 0', async () => {
    const { code, stdout, stderr } = await run(['fleet', '--demo', '--accounts', '6', '--once']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^6 accounts, 6 live · counted today \d+\.\d\d USDT/);
    expect(lines[1]).toMatch(/^ACCOUNT\s+STATE\s+COUNTED USDT/);
    expect(lines.slice(2).map((l) => l.split(/\s{2,}/)[0])).toEqual([
      'Demo',
      'Demo 2',
      'Demo 3',
      'Demo 4',
      'Demo 5',
      'Demo 6',
    ]);
    expect(lines.slice(2).every((l) => / live /.test(l))).toBe(true);
  }, 120_000);

  it('--json: one line per changed account until every one is live; SIGTERM exits 0', async () => {
    const cli = start(['fleet', '--demo', '--accounts', '4', '--json']);
    const states = new Map<string, string>();
    const notRecovered = new Set<unknown>();
    const lines = createInterface({ input: cli.child.stdout! });
    await new Promise<void>((resolve) => {
      lines.on('line', (line) => {
        const { row } = JSON.parse(line) as { atMs: number; row: FleetRowView };
        notRecovered.add(row.fillsNotRecovered);
        states.set(row.accountId, row.state);
        if (states.size === 4 && [...states.values()].every((s) => s === 'live')) resolve();
      });
    });
    expect([...states.keys()].sort()).toEqual(['demo', 'demo-2', 'demo-3', 'demo-4']);
    // Every row says how many of its orders have fills not recovered (none in the demo).
    expect([...notRecovered]).toEqual([0]);
    cli.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }, 120_000);

  it('says what to do without accounts (exit 1) and refuses --accounts without --demo (exit 2)', async () => {
    const none = await run(['fleet']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No accounts are configured');
    const bad = await run(['fleet', '--accounts', '3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--accounts 3 works only with --demo');
    const tooMany = await run(['fleet', '--demo', '--accounts', '501']);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain('--accounts must be a whole number from 1 to 500, got "501"');
  }, 120_000);
});
