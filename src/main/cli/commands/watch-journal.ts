import { toJournalProblem } from '../../core/journal/journal-problem.ts';
import { resolve } from 'node:path';
import type { AccountMonitor, MonitorOrderUpdate } from '../../core/monitor/index.ts';
import { SessionJournals } from '../../core/journal/session-journals.ts';
import { updateEntries } from '../../core/journal/journal-record.ts';
import { reconcileRecordOf } from '../../core/journal/reconcile-record.ts';
import type { JournalCloseReport } from '../../core/journal/journal-writer.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { Lang } from '../i18n/lang.ts';
import { watchJournalMessages } from '../i18n/watch-messages.ts';

/** `watch --journal <dir>`: the app's session journal, kept by the CLI. */
export interface WatchJournal {
  readonly path: string;
  /** Journals the update, and hands it to `show` once its record is on disk. */
  gate(event: MonitorOrderUpdate): void;
  /** Writes the end record and closes; says on stderr how many updates could not be written. */
  close(): Promise<JournalCloseReport>;
}

/**
 * Starts a journal in `dir` (the same format and file names as the app's, so the app's
 * Sessions view and the CSV export read it) and journals the monitor's frames, state changes
 * and updates. `show` sees an update only after its record is written: what `watch` printed is
 * in the journal, even after kill -9. Problems go to stderr once each, in the user's language.
 */
export function openWatchJournal(options: {
  monitor: AccountMonitor;
  dir: string;
  accountId: string;
  clock: Clock;
  lang: Lang;
  stderr: (text: string) => void;
  show: (event: MonitorOrderUpdate) => void;
}): WatchJournal {
  const { monitor, clock, show } = options;
  const m = watchJournalMessages(options.lang);
  const say = (text: string) => options.stderr(text + '\n');
  const journals = new SessionJournals('', clock, { dir: resolve(options.dir) });
  const { sessionId, writer } = journals.create(
    { accountId: options.accountId, accountLabel: options.accountId },
    { flushIntervalMs: 16 },
  );
  const path = journals.pathOf(sessionId);
  const held: Array<{ seq: number; event: MonitorOrderUpdate }> = [];
  const subscriptions = [
    // A frame with an order update is journalled with it, as one record (see `gate`).
    monitor.onDidReceiveFrame(({ text, receivedAtMs, carriesUpdate }) => {
      if (!carriesUpdate) writer.append({ k: 'frame', atMs: receivedAtMs, text });
    }),
    monitor.onDidChangeState(({ state }) =>
      writer.append({
        k: 'state',
        atMs: clock.now(),
        state: state.name,
        problem:
          state.name === 'failed'
            ? toJournalProblem({ code: state.code, reason: state.reason })
            : state.name === 'reconnecting'
              ? toJournalProblem({ code: 'RECONNECTING', reason: state.reason })
              : null,
        maskedListenKey: monitor.maskedListenKey,
      }),
    ),
    // As the app journals it, so a journal kept by `watch` reopens with the same counts and marks.
    monitor.onDidReconcile((result) => {
      const record = reconcileRecordOf(result, clock.now());
      if (record) writer.append(record);
    }),
    writer.onDidWrite(({ writtenSeq }) => {
      let n = 0;
      while (n < held.length && held[n]!.seq <= writtenSeq) n++;
      for (const { event } of held.splice(0, n)) show(event);
    }),
    writer.onDidFail((failure) =>
      say(failure.code === 'ENOSPC' ? m.diskFull(path) : m.writeFailed(path, failure.code)),
    ),
    writer.onDidRecover((recovery) => say(m.recovered(recovery.writtenUpdates))),
  ];
  say(m.journalAt(path));
  return {
    path,
    gate(event) {
      let seq = 0;
      for (const entry of updateEntries(event)) seq = writer.append(entry);
      if (seq > 0) held.push({ seq, event });
    },
    async close() {
      const { updates, orders } = monitor.stats;
      writer.append({ k: 'end', atMs: clock.now(), updates, orders });
      const report = await writer.close();
      for (const s of subscriptions) s.dispose();
      if (report.unwrittenRecords > 0)
        say(
          report.savedTo !== null
            ? m.unwrittenSaved(report.unwrittenUpdates, report.savedTo)
            : m.unwrittenLost(report.unwrittenUpdates, report.saveError?.code ?? '?'),
        );
      return report;
    },
  };
}
