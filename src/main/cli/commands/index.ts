import type { CliCommand } from '../common/cli-context.ts';

/** Every command, lazily loaded so `--help` and light commands start fast. */
export const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  watch: async () => (await import('./watch.ts')).command,
  check: async () => (await import('./check.ts')).command,
  'listen-key': async () => (await import('./listen-key.ts')).command,
  accounts: async () => (await import('./accounts.ts')).command,
  alerts: async () => (await import('./alerts.ts')).command,
  strategy: async () => (await import('./strategy.ts')).command,
  points: async () => (await import('./points.ts')).command,
  sim: async () => (await import('./sim.ts')).command,
  serve: async () => (await import('./serve.ts')).command,
  fleet: async () => (await import('./fleet.ts')).command,
};
