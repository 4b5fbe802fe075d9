import { useState } from 'react';
import type { AccountView } from '../../../shared/ipc/views-app.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import type { ConnectionView } from '../../../shared/ipc/views-monitor.ts';
import { useApi } from '../app/api-context.tsx';
import { useT } from '../i18n/i18n.tsx';
import { Button, ErrorBox, StatePill } from './ui.tsx';

/**
 * Every account with its live state and a start/stop button. Selecting one shows it in the
 * main area. Start/stop shows progress on the button until main answers.
 */
export function AccountsList({
  accounts,
  connections,
  selectedId,
  onSelect,
  onAdd,
}: {
  accounts: readonly AccountView[];
  connections: ReadonlyMap<string, ConnectionView>;
  selectedId: string | null;
  onSelect: (accountId: string) => void;
  onAdd: () => void;
}) {
  const t = useT();
  const api = useApi();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

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
            </li>
          );
        })}
      </ul>
      {error && <ErrorBox error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
