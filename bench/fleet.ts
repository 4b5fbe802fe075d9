/**
 * Fleet mode of npm run bench: one host process (a child, so its memory is its own)
 * monitoring N simulator accounts that each trade by themselves (a steady trickle), measured
 * for a fixed window: RSS, RSS per account, updates/s, p99 receive → applied, CPU per update.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../src/main/sim/index.ts';
import type { FleetHostFigures, FleetHostTask } from './fleet-host.ts';

const HOST = fileURLToPath(new URL('./fleet-host.ts', import.meta.url));

export interface FleetBenchOptions {
  ordersPerMinute: number;
  warmupMs: number;
  measureMs: number;
}

/** Runs one fleet of `accounts` and resolves with the host's figures. */
export async function measureFleet(
  accounts: number,
  options: FleetBenchOptions,
): Promise<FleetHostFigures> {
  const sim = await startSimulator({ port: 0, demoPointsHistory: false });
  const child = fork(HOST, [], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: 'inherit' });
  try {
    const users = Array.from({ length: accounts }, () => sim.createAccount());
    const task: FleetHostTask = {
      restUrl: sim.restUrl,
      wsUrl: sim.wsUrl,
      accounts: users.map((u, i) => ({ id: `bench-${i + 1}`, credentials: u.credentials })),
    };
    return await new Promise<FleetHostFigures>((resolve, reject) => {
      child.on(
        'message',
        (message: { kind: string; figures?: FleetHostFigures; message?: string }) => {
          if (message.kind === 'live') {
            sim.demoActivity.start({
              userIds: users.map((u) => u.userId),
              ordersPerMinute: options.ordersPerMinute,
            });
            child.send({
              kind: 'measure',
              warmupMs: options.warmupMs,
              measureMs: options.measureMs,
            });
          } else if (message.kind === 'figures') resolve(message.figures!);
          else if (message.kind === 'error') reject(new Error(message.message));
        },
      );
      child.on('exit', (code) =>
        reject(new Error(`fleet host exited with ${code} before its figures`)),
      );
      child.send({ kind: 'task', task });
    });
  } finally {
    sim.demoActivity.stop();
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
    });
    await sim.dispose();
  }
}

const fmt = (value: number, dp: number) => value.toFixed(dp);

/** `fleet: <n> accounts, <rss> MB RSS, <per> MB/account, <u> updates/s, p99 apply <ms> ms`. */
export function fleetLine(f: FleetHostFigures, single: FleetHostFigures): string {
  const per = (f.rssMb - f.baseRssMb) / f.accounts;
  return (
    `fleet: ${f.accounts} accounts, ${fmt(f.rssMb, 0)} MB RSS, ${fmt(per, 2)} MB/account, ` +
    `${fmt(f.updatesPerS, 1)} updates/s, p99 apply ${fmt(f.p99ApplyMs, 0)} ms, ` +
    `${fmt(f.cpuMsPerUpdate, 2)} ms CPU/update ` +
    `(1 account: ${fmt(single.rssMb, 0)} MB RSS, ${fmt(single.rssMb - single.baseRssMb, 2)} MB/account, ` +
    `${fmt(single.updatesPerS, 1)} updates/s, p99 apply ${fmt(single.p99ApplyMs, 0)} ms, ` +
    `${fmt(single.cpuMsPerUpdate, 2)} ms CPU/update)`
  );
}
