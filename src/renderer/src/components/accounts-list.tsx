import { memo, useState } from 'react';
import type { AccountView, VerifyAccountResult } from '../../../shared/ipc/views-app.ts';
import type { IpcError, IpcResult } from '../../../shared/ipc/result.ts';
import { formatClock } from '../format/time.ts';
import type { ConnectionView } from '../../../shared/ipc/views-monitor.ts';
import { useApi } from '../shell/api-context.tsx';
import { useT } from '../i18n/i18n.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { Button, ErrorBox, StatePill } from './ui.tsx';

/**
 * Every account with its live state and a start/stop button. Selecting one shows it in the
 * main area. Start/stop shows progress on the button until main answers. Memoised: the
 * monitor beside it renders per batch, the list only when its own props change.
 */
export const AccountsList = memo(function AccountsList({
  accounts,
  connections,
  selectedId,
  onSelect,
  onAdd,
  onReimport,
}: {
  accounts: readonly AccountView[];
  connections: ReadonlyMap<string, ConnectionView>;
  selectedId: string | null;
  onSelect: (accountId: string) => void;
  onAdd: () => void;
  /** Opens the paste dialog to give this account a fresh session (same id and history). */
  onReimport?: (account: AccountView) => void;
}) {
  const t = useT();
  const api = useApi();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [removing, setRemoving] = useState<AccountView | null>(null);

  /** Runs one account action with progress on that account and its outcome below the list. */
  const act = async (
    accountId: string,
    action: () => Promise<IpcResult<unknown>>,
    done?: (value: unknown) => string | null,
  ) => {
    setBusyId(accountId);
    setError(null);
    setNote(null);
    const result = await action();
    setBusyId(null);
    if (!result.ok) setError(result.error);
    else if (done) setNote(done(result.value));
  };

  const verify = (account: AccountView) =>
    act(
      account.id,
      () => api.verifyAccount({ accountId: account.id }),
      (value) => {
        const v = value as VerifyAccountResult;
        if (v.status !== 'valid') {
          setError(v.error ?? { code: 'SESSION_EXPIRED', params: {}, message: '' });
          return null;
        }
        return `${account.label}: ${t.verifiedAt(formatClock(v.verifiedAtMs))}`;
      },
    );

  const remove = (account: AccountView) => {
    if (account.environment === 'demo') return act(account.id, () => api.stopDemo());
    setRemoving(account);
  };
  const confirmRemove = async (account: AccountView) => {
    await act(account.id, () => api.removeAccount({ accountId: account.id }));
    setRemoving(null);
  };

  const toggle = async (account: AccountView) => {
    setBusyId(account.id);
    setError(null);
    const result = account.running
      ? await api.stopMonitor({ accountId: account.id })
      : await api.startMonitor({ accountId: account.id });
    setBusyId(null);
    if (!result.ok) setError(result.error);
  };

  return (
    <div className="accounts" data-testid="accounts-list">
      <div className="side-head">
        <h3>{t.accounts}</h3>
        <button type="button" className="link-btn" onClick={onAdd} data-testid="add-account">
          + {t.addAccount}
        </button>
      </div>
      {accounts.length === 0 && <p className="hint">{t.noAccounts}</p>}
      <ul>
        {accounts.map((account) => {
          const state = connections.get(account.id)?.state ?? account.monitorState;
          return (
            <li
              key={account.id}
              className={`account ${account.id === selectedId ? 'selected' : ''}`}
              onClick={() => onSelect(account.id)}
              data-testid="account-item"
              data-account-id={account.id}
              data-label={account.label}
              data-state={state}
            >
              <div className="account-main">
                <span className="account-label" title={account.label}>
                  {account.label}
                </span>
                {account.environment === 'demo' && <span className="tag">{t.demoBadge}</span>}
                {account.strategyRunning && (
                  <span className="tag tag-accent">{t.strategyRunningBadge}</span>
                )}
                <SessionHealthTag account={account} />
              </div>
              <div className="account-sub">
                <StatePill state={state} />
                <Button
                  variant="ghost"
                  className="small"
                  busy={busyId === account.id}
                  onClick={(e) => {
                    e.stopPropagation();
                    void toggle(account);
                  }}
                  data-testid="account-toggle"
                >
                  {account.running ? t.stop : t.start}
                </Button>
              </div>
              {account.userId && (
                <div className="account-user muted small">UID {account.userId}</div>
              )}
              {account.id === selectedId && account.sessionHealth.reasons.length > 0 && (
                <ul className="account-health muted small" data-testid="session-health-reasons">
                  {account.sessionHealth.reasons.map((reason) => (
                    <li key={reason}>{t.sessionHealthReason[reason]}</li>
                  ))}
                </ul>
              )}
              {account.id === selectedId && (
                <div className="account-actions">
                  {account.environment !== 'demo' && (
                    <button
                      type="button"
                      className="link-btn small"
                      onClick={(e) => {
                        e.stopPropagation();
                        void verify(account);
                      }}
                      data-testid="account-verify"
                    >
                      {busyId === account.id ? t.verifying : t.verify}
                    </button>
                  )}
                  {account.environment !== 'demo' && onReimport && (
                    <button
                      type="button"
                      className="link-btn small"
                      onClick={(e) => {
                        e.stopPropagation();
                        onReimport(account);
                      }}
                      data-testid="account-reimport"
                    >
                      {t.reimport}
                    </button>
                  )}
                  <button
                    type="button"
                    className="link-btn small danger"
                    onClick={(e) => {
                      e.stopPropagation();
                      void remove(account);
                    }}
                    data-testid="account-remove"
                  >
                    {account.environment === 'demo' ? t.stopDemo : t.removeAccount}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {note && (
        <p className="ok-text small account-note" role="status">
          {note}
        </p>
      )}
      {error && <ErrorBox error={error} onDismiss={() => setError(null)} />}
      {removing && (
        <ConfirmDialog
          title={t.removeAccount}
          confirmLabel={t.removeAccount}
          busy={busyId === removing.id}
          onConfirm={() => void confirmRemove(removing)}
          onCancel={() => setRemoving(null)}
          testId="confirm-remove-account"
        >
          <p>{t.confirmRemove(removing.label)}</p>
          <p className="muted small">{t.confirmRemoveKeeps}</p>
        </ConfirmDialog>
      )}
    </div>
  );
});

/** A tag when the session needs attention (nothing while it is fine or not checked yet). */
function SessionHealthTag({ account }: { account: AccountView }) {
  const t = useT();
  const { status, checkedAtMs } = account.sessionHealth;
  if (status === 'ok' || status === 'unchecked') return null;
  const when = checkedAtMs === null ? '' : ` (${t.sessionCheckedAt(formatClock(checkedAtMs))})`;
  return (
    <span
      className={`tag ${status === 'unreachable' ? '' : 'tag-warn'}`}
      title={account.sessionHealth.reasons.map((r) => t.sessionHealthReason[r]).join(' ') + when}
      data-testid="session-health"
      data-status={status}
    >
      {t.sessionHealth[status]}
    </span>
  );
}
