import { useEffect, useState } from 'react';
import type { SessionSummary } from '../../../shared/ipc/views-app.ts';
import { useApi } from '../shell/api-context.tsx';
import { useLiveValue } from '../hooks/use-live-feed.ts';
import { formatDateTime, formatDuration } from '../format/time.ts';
import { useT } from '../i18n/i18n.tsx';
import type { IpcError } from '../../../shared/ipc/result.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { Button, ErrorBox, Spinner } from './ui.tsx';

/**
 * Every session journal, newest first: account, start, end and length, update count, and
 * whether it ended cleanly, was cut off (the app crashed or was killed) or is still running.
 * Opening one shows it read-only; a past one can be deleted (after an in-app confirmation).
 */
export function SessionsView({
  onOpen,
  onBack,
}: {
  onOpen: (sessionId: string) => void;
  onBack: () => void;
}) {
  const t = useT();
  const api = useApi();
  // A monitor starting or stopping adds or ends a session; both are told through accountsChanged.
  const [changes, setChanges] = useState(0);
  useEffect(() => api.onAccountsChanged(() => setChanges((n) => n + 1)), [api]);
  const sessions = useLiveValue<SessionSummary[]>(
    () => api.listSessions(),
    () => () => {},
    [api, changes],
  );
  const [deleting, setDeleting] = useState<SessionSummary | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<IpcError | null>(null);
  const [deletedNote, setDeletedNote] = useState<string | null>(null);
  const confirmDelete = async (session: SessionSummary) => {
    setDeleteBusy(true);
    const result = await api.deleteSession({ sessionId: session.sessionId });
    setDeleteBusy(false);
    setDeleting(null);
    if (!result.ok) {
      setDeleteError(result.error);
      return;
    }
    setDeleteError(null);
    setDeletedNote(t.sessionDeleted(result.value.exportsDeleted));
    setChanges((n) => n + 1);
  };

  return (
    <main className="sessions-screen" data-testid="sessions-view">
      <header className="sessions-head">
        <div>
          <h2>{t.sessionsTitle}</h2>
          <p className="muted">{t.sessionsLead}</p>
        </div>
        <Button onClick={onBack} data-testid="sessions-back">
          ← {t.sessionBackToLive}
        </Button>
      </header>
      {sessions.error && <ErrorBox error={sessions.error} />}
      {deleteError && <ErrorBox error={deleteError} onDismiss={() => setDeleteError(null)} />}
      {deletedNote && (
        <p className="ok-text small" role="status" data-testid="session-deleted">
          {deletedNote}
        </p>
      )}
      {sessions.value === null && !sessions.error && <Spinner label={t.loading} />}
      {sessions.value !== null && sessions.value.length === 0 && (
        <p className="muted" data-testid="sessions-empty">
          {t.sessionsEmpty}
        </p>
      )}
      {sessions.value !== null && sessions.value.length > 0 && (
        <table className="sessions-table" data-testid="sessions-table">
          <thead>
            <tr>
              <th>{t.sessionAccount}</th>
              <th>{t.sessionStartedAt}</th>
              <th>{t.sessionEnded}</th>
              <th className="num">{t.sessionDuration}</th>
              <th className="num">{t.sessionUpdates}</th>
              <th className="num">{t.sessionOrders}</th>
              <th>{t.sessionStatus}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sessions.value.map((s) => (
              <tr
                key={s.sessionId}
                data-testid="session-row"
                data-session-id={s.sessionId}
                data-account-id={s.accountId}
                data-status={s.status}
              >
                <td className="strong">{s.accountLabel}</td>
                <td className="mono">{formatDateTime(s.startedAtMs)}</td>
                <td className="mono" data-testid="session-ended">
                  {s.live ? (
                    <span className="muted">{t.sessionRunning}</span>
                  ) : s.endedAtMs !== null ? (
                    formatDateTime(s.endedAtMs)
                  ) : (
                    t.none
                  )}
                </td>
                <td className="num mono">
                  {s.endedAtMs !== null ? formatDuration(s.endedAtMs - s.startedAtMs) : t.none}
                </td>
                <td className="num mono" data-testid="session-updates">
                  {s.updateCount.toLocaleString('en-US')}
                </td>
                <td className="num mono">{s.orderCount?.toLocaleString('en-US') ?? t.none}</td>
                <td>
                  <span
                    className={`tag session-status ${s.status}`}
                    title={t.sessionStatusHint[s.status]}
                    data-testid="session-status"
                  >
                    {t.sessionStatusName[s.status]}
                  </span>
                </td>
                <td className="session-actions">
                  <Button onClick={() => onOpen(s.sessionId)} data-testid="session-open">
                    {t.sessionOpen}
                  </Button>
                  <Button
                    variant="ghost"
                    disabled={s.live}
                    title={s.live ? t.sessionLiveNoDelete : undefined}
                    onClick={() => {
                      setDeletedNote(null);
                      setDeleting(s);
                    }}
                    data-testid="session-delete"
                  >
                    {t.sessionDelete}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting && (
        <ConfirmDialog
          title={t.sessionDeleteTitle}
          confirmLabel={t.sessionDelete}
          busy={deleteBusy}
          onConfirm={() => void confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
          testId="confirm-delete-session"
        >
          <p>{t.sessionDeleteBody(deleting.accountLabel, formatDateTime(deleting.startedAtMs))}</p>
          <p className="muted small">{t.sessionDeleteKeeps}</p>
        </ConfirmDialog>
      )}
    </main>
  );
}
