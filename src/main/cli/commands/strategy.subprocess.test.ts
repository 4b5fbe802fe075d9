import { describe, expect, it } from 'vitest';
import { startCli } from '../../../../test/fakes/cli-process.ts';
import { parseNdjson } from '../../../../test/fakes/strategy-cli-harness.ts';

describe('alpha-monitor strategy as a subprocess', () => {
  it('SIGTERM stops a long dry run part-way, with its summary', async () => {
    // About 9,950 planned trades: within the 10,000 bound, long enough to be interrupted.
    const run = startCli([
      ...['strategy', '--demo', '--token', 'KOGE', '--chain', 'BSC'],
      ...['--volume', '99000', '--dry-run', '--json'],
    ]);
    let signalled = false;
    run.child.stdout!.on('data', () => {
      if (signalled || !run.stdout.includes('"type":"order-planned"')) return;
      signalled = true;
      run.child.kill('SIGTERM');
    });
    const code = await run.exited;
    expect(signalled, run.stderr).toBe(true);
    const events = parseNdjson(run.stdout);
    const estimated = events.find((e) => e.type === 'prepared')!.tradesEstimated as number;
    expect(estimated).toBeGreaterThan(9_000);
    expect(events.filter((e) => e.type === 'order-planned').length).toBeLessThan(estimated);
    expect(events.at(-1)).toMatchObject({ type: 'summary', outcome: 'stopped', dryRun: true });
    expect(code).toBe(0);
  }, 120_000);
});
