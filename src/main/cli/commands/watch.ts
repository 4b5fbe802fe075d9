import type { AccountMonitor, MonitorOrderUpdate } from '../../core/monitor/index.ts';
import { systemClock } from '../../core/ports/clock.ts';
import { createCliLogger } from '../common/cli-logger.ts';
import { createEngineSession, type EngineSession } from '../../core/session/index.ts';
import type { SessionState } from '../../core/stream/index.ts';
import type { CliCommand, CliContext } from '../common/cli-context.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import {
  monitorSettingsOf,
  parseCommandArgs,
  resolveConnection,
} from '../common/connection-options.ts';
import { setLongTimeout } from '../common/long-timeout.ts';
import { openWatchJournal, type WatchJournal } from './watch-journal.ts';
import { openWatchAlerts, type WatchAlerts } from '../alerts/watch-alerts.ts';
import { createHumanOutput, createJsonOutput } from './watch-output.ts';
import { connectionMessages } from '../i18n/connection-messages.ts';
import type { CredentialSource } from '../i18n/session-messages.ts';
import {
  authMessages,
  sessionExpiredMessage,
  watchJournalMessages,
  watchMessages,
} from '../i18n/watch-messages.ts';

const PROGRESS_INTERVAL_MS = 10_000;
/** The longest `--duration`: a year and a day; longer is surely a typo (use 0: until Ctrl+C). */
export const MAX_DURATION_S = 366 * 86_400;

/** `alpha-monitor watch`: the full monitor (replaces test_order_ws_final.py). */
export const command: CliCommand = {
  name: 'watch',
  summary: { en: watchMessages('en').summary(), 'zh-CN': watchMessages('zh-CN').summary() },
  async run(argv, context) {
    const m = watchMessages(context.lang);
    const { connection, values } = parseCommandArgs(argv, context.lang, {
      duration: { type: 'string' },
      journal: { type: 'string' },
      webhook: { type: 'string' },
      'telegram-chat': { type: 'string' },
      'alerts-config': { type: 'string' },
    });
    if (connection.help) {
      context.stdout(`${m.usage()}\n${connectionMessages(context.lang).commonOptions()}\n`);
      return ExitCode.ok;
    }
    const durationS = parseDuration(values.duration, context);
    const journalDir = parseJournalDir(values.journal, context);
    const resolved = await resolveConnection(connection, context, { ordersPerMinute: 20 });
    let session: EngineSession | undefined;
    let alerts: WatchAlerts | null = null;
    try {
      const logger = createCliLogger(context, connection.verbose, 'watch').child({
        account: resolved.accountId,
      });
      session = createEngineSession({
        accountId: resolved.accountId,
        restUrl: resolved.restUrl,
        wsUrl: resolved.wsUrl,
        credentials: resolved.credentials,
        clock: systemClock,
        logger,
        monitor: monitorSettingsOf(connection),
      });
      const monitor = session.monitor;
      const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);
      alerts = await openWatchAlerts(
        {
          webhook: text(values.webhook),
          telegramChat: text(values['telegram-chat']),
          alertsConfig: text(values['alerts-config']),
        },
        monitor,
        { accountId: resolved.accountId, demo: resolved.source === 'demo' },
        context,
        logger,
      );
      return await watch(monitor, context, {
        json: connection.json,
        durationS,
        accountId: resolved.accountId,
        source: resolved.source,
        wsUrl: resolved.wsUrl,
        restUrl: resolved.restUrl,
        journalDir,
      });
    } finally {
      // The session-expired alert of a session that just failed still goes out.
      await alerts?.close();
      await session?.dispose();
      await resolved.dispose();
    }
  },
};

function parseJournalDir(raw: string | boolean | undefined, context: CliContext): string | null {
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || raw.trim() === '')
    throw new CliError(watchJournalMessages(context.lang).dirMissing(), ExitCode.usage);
  return raw;
}

function parseDuration(raw: string | boolean | undefined, context: CliContext): number {
  if (raw === undefined) return 0;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new CliError(watchMessages(context.lang).badDuration(String(raw)), ExitCode.usage);
  }
  if (n > MAX_DURATION_S)
    throw new CliError(
      watchMessages(context.lang).durationTooLong(raw, MAX_DURATION_S),
      ExitCode.usage,
    );
  return n;
}

async function watch(
  monitor: AccountMonitor,
  context: CliContext,
  info: {
    json: boolean;
    durationS: number;
    accountId: string;
    source: CredentialSource;
    wsUrl: string;
    restUrl: string;
    journalDir: string | null;
  },
): Promise<number> {
  const output = info.json
    ? createJsonOutput(context.stdout)
    : createHumanOutput(context.stdout, context.lang, info.restUrl);
  const startedMs = Date.now();
  let updateIndex = 0;
  let everLive = false;
  output.banner(info);
  monitor.onDidChangeState(({ state }) => {
    if (state.name === 'live') everLive = true;
    output.state(state, {
      maskedKey: monitor.maskedListenKey,
      reconnects: monitor.stats.reconnects,
    });
  });
  const show = (event: MonitorOrderUpdate) => {
    if (event.accepted) updateIndex++;
    output.update(event, updateIndex);
  };
  // With --journal, an update is printed only once its journal record is written.
  const journal: WatchJournal | null =
    info.journalDir === null
      ? null
      : openWatchJournal({
          monitor,
          dir: info.journalDir,
          accountId: info.accountId,
          clock: systemClock,
          lang: context.lang,
          stderr: context.stderr,
          show,
        });
  monitor.onDidReceiveOrderUpdate((event) => (journal ? journal.gate(event) : show(event)));
  monitor.onDidRefreshListenKey(({ maskedKey, changed }) => output.listenKey(maskedKey, changed));
  monitor.onDidReconcile((event) => output.reconciled(event));

  // Ends on: the duration, Ctrl+C / SIGTERM, or a state the session cannot leave by itself.
  let interrupted = false;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  const removeInterrupt = context.onInterrupt(() => {
    interrupted = true;
    finish();
  });
  // A month of --duration is beyond Node's 24.8-day timer limit: setLongTimeout waits in chunks.
  const cancelDuration = info.durationS > 0 ? setLongTimeout(info.durationS * 1000, finish) : null;
  const progressTimer = setInterval(() => {
    output.progress(
      Math.round((Date.now() - startedMs) / 1000),
      info.durationS,
      monitor.stats.updates,
    );
  }, PROGRESS_INTERVAL_MS);
  monitor.onDidChangeState(({ state }) => {
    if (state.name === 'failed') finish();
  });
  try {
    monitor.start();
    await done;
  } finally {
    removeInterrupt();
    cancelDuration?.();
    clearInterval(progressTimer);
  }
  const finalState: SessionState = monitor.state;
  if (finalState.name !== 'failed') {
    output.stopping();
    await monitor.stop();
  }
  await journal?.close();
  output.summary(monitor.stats);
  return exitCodeOf(finalState, { everLive, interrupted, restUrl: info.restUrl }, context);
}

function exitCodeOf(
  state: SessionState,
  run: { everLive: boolean; interrupted: boolean; restUrl: string },
  context: CliContext,
): number {
  if (state.name === 'failed') {
    const auth = authMessages(context.lang);
    if (state.code === 'SESSION_EXPIRED') {
      context.stderr(sessionExpiredMessage(context.lang, run.restUrl) + '\n');
      return ExitCode.credentialsRejected;
    }
    if (state.code === 'VERIFICATION_REQUIRED') {
      context.stderr(auth.verificationRequired() + '\n');
      return ExitCode.credentialsRejected;
    }
    // The stored session holds a character no browser sends; the state line said which header.
    if (state.code === 'INVALID_CREDENTIALS') return ExitCode.credentialsRejected;
    return run.everLive ? ExitCode.failure : ExitCode.neverLive;
  }
  if (run.interrupted) return ExitCode.ok;
  if (!run.everLive) {
    context.stderr(watchMessages(context.lang).neverLive() + '\n');
    return ExitCode.neverLive;
  }
  return ExitCode.ok;
}
