import { parseCliArgs } from '../i18n/args-messages.ts';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';
import type { EventSink } from '../../../shared/ipc/transport.ts';
import {
  applyFleetUpdate,
  type FleetRowView,
  type FleetUpdate,
} from '../../../shared/ipc/views-fleet.ts';
import { resolveAppDataDir } from '../../core/paths/app-data-dir.ts';
import { systemClock } from '../../core/ports/clock.ts';
import { createCliLogger } from '../common/cli-logger.ts';
import { createMemorySecretStore } from '../../core/ports/secret-store.ts';
import { createHeadlessAppRoot } from '../../host/run-host.ts';
import type { CliCommand, CliContext } from '../common/cli-context.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import { demoAccountsOption } from '../common/demo-accounts-option.ts';
import { formatFleetTable } from '../fleet/fleet-table.ts';
import { fleetMessages, type FleetMessages } from '../i18n/fleet-messages.ts';
import type { Lang } from '../i18n/lang.ts';

/** Without a terminal, a snapshot is appended at most this often. */
export const PLAIN_SNAPSHOT_INTERVAL_MS = 10_000;
/** `--once` prints when no account is connecting any more, or after this long. */
export const ONCE_SETTLE_TIMEOUT_MS = 60_000;
const DEFAULT_DEMO_ACCOUNTS = 5;

type Mode = 'tty' | 'plain' | 'json';

/** How the fleet reaches the terminal: redrawn in place, appended snapshots, or JSON lines. */
function createOutput(ctx: CliContext, mode: Mode, m: FleetMessages) {
  const now = () => systemClock.now();
  let timer: Disposable | undefined;
  let pending = false;
  const draw = (rows: ReadonlyMap<string, FleetRowView>) => {
    const table = formatFleetTable([...rows.values()], m, now());
    // Cursor home and clear below: the table replaces itself instead of scrolling.
    ctx.stdout(mode === 'tty' ? `\x1b[H\x1b[J${table}` : `${table}\n`);
  };
  return {
    /** The first picture (JSON: one line per account). */
    start(rows: ReadonlyMap<string, FleetRowView>) {
      if (mode === 'json') {
        for (const row of rows.values()) ctx.stdout(JSON.stringify({ atMs: now(), row }) + '\n');
      } else draw(rows);
    },
    change(update: FleetUpdate, rows: () => ReadonlyMap<string, FleetRowView>) {
      if (mode === 'json') {
        for (const row of update.rows)
          ctx.stdout(JSON.stringify({ atMs: update.atMs, row }) + '\n');
        for (const id of update.removedAccountIds)
          ctx.stdout(JSON.stringify({ atMs: update.atMs, removedAccountId: id }) + '\n');
      } else if (mode === 'tty') draw(rows());
      else if (!timer) {
        draw(rows());
        timer = systemClock.setTimeout(() => {
          timer = undefined;
          if (pending) draw(rows());
          pending = false;
        }, PLAIN_SNAPSHOT_INTERVAL_MS);
      } else pending = true;
    },
    final(rows: ReadonlyMap<string, FleetRowView>) {
      timer?.dispose();
      if (mode !== 'json') draw(rows);
    },
    dispose() {
      timer?.dispose();
    },
  };
}

function parse(argv: string[], m: FleetMessages, lang: Lang) {
  let values;
  try {
    ({ values } = parseCliArgs(lang, {
      args: argv,
      options: {
        json: { type: 'boolean' },
        verbose: { type: 'boolean' },
        once: { type: 'boolean' },
        demo: { type: 'boolean' },
        accounts: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${m.help()}`, ExitCode.usage);
  }
  const accounts = demoAccountsOption(values.accounts, values.demo, DEFAULT_DEMO_ACCOUNTS, lang);
  return { ...values, accounts };
}

/**
 * `alpha-monitor fleet`: every configured account (or `--demo --accounts N` simulated ones)
 * in one table, from the same app services and the same throttled fleet event as the window.
 */
export const command: CliCommand = {
  name: 'fleet',
  summary: { en: fleetMessages('en').summary(), 'zh-CN': fleetMessages('zh-CN').summary() },
  async run(argv, ctx) {
    const m = fleetMessages(ctx.lang);
    const options = parse(argv, m, ctx.lang);
    if (options.help) {
      ctx.stdout(m.help());
      return ExitCode.ok;
    }
    const mode: Mode = options.json ? 'json' : ctx.stdoutIsTTY ? 'tty' : 'plain';
    const logger = createCliLogger(ctx, options.verbose === true, 'fleet');
    const output = createOutput(ctx, mode, m);
    let rows: ReadonlyMap<string, FleetRowView> = new Map();
    let started = false;
    let changed = () => {};
    const events: EventSink = {
      emit(name, payload) {
        if (name !== 'fleetChanged') return;
        rows = applyFleetUpdate(rows, payload as FleetUpdate);
        if (started && !options.once) output.change(payload as FleetUpdate, () => rows);
        changed();
      },
    };
    const app = await createHeadlessAppRoot({
      dataDir: resolveAppDataDir(ctx.env),
      env: ctx.env,
      logger,
      events,
      exportTarget: { choose: async () => null },
      onNoKeychain: () => ctx.stderr(m.noKeychain()),
      // The demo's sessions come from the embedded simulator: no keychain is asked (or missed).
      ...(options.demo ? { secrets: createMemorySecretStore() } : {}),
    });
    try {
      if (options.demo) {
        await app.handlers.startDemo({ activity: true, accounts: options.accounts });
      } else {
        const accounts = await app.handlers.listAccounts(undefined);
        if (accounts.length === 0) throw new CliError(m.noAccounts(), ExitCode.failure);
        const result = await app.handlers.startMonitors({ accountIds: accounts.map((a) => a.id) });
        if (result.failed.length > 0)
          ctx.stderr(m.startFailed(result.failed.length, result.failed[0]!.message) + '\n');
      }
      const snapshot = await app.handlers.getFleet(undefined);
      rows = new Map(snapshot.rows.map((r) => [r.accountId, r]));
      started = true;
      if (!options.once) output.start(rows);

      // Settled: no running monitor is still on its way to its first answer.
      const settled = () =>
        ![...rows.values()].some(
          (r) => r.running && (r.state === 'connecting' || r.state === 'stopped'),
        );
      await new Promise<void>((resolve) => {
        const remove = ctx.onInterrupt(() => {
          remove();
          resolve();
        });
        if (!options.once) return;
        const deadline = systemClock.setTimeout(resolve, ONCE_SETTLE_TIMEOUT_MS);
        changed = () => {
          if (!settled()) return;
          deadline.dispose();
          remove();
          resolve();
        };
        changed();
      });
      if (options.once) {
        if (mode === 'json') output.start(rows);
        else output.final(rows);
        return [...rows.values()].every((r) => r.state === 'live')
          ? ExitCode.ok
          : ExitCode.neverLive;
      }
      if (mode !== 'json') ctx.stderr(m.stopping());
      return ExitCode.ok;
    } finally {
      output.dispose();
      await app.dispose();
    }
  },
};
