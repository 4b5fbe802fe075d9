import type { AccountView } from '../../../shared/ipc/views-app.ts';
import type { ConnectionView } from '../../../shared/ipc/views-monitor.ts';
import type { HostConnectionState } from '../transport/get-api.ts';
import { useT } from '../i18n/i18n.tsx';
import { StatePill } from './ui.tsx';

/** Brand, the selected account and its state, the host link warning, settings. */
export function TopBar({
  account,
  connection,
  hostState,
  version,
  onOpenSettings,
}: {
  account: AccountView | null;
  connection: ConnectionView | null;
  hostState: HostConnectionState;
  version: string | null;
  onOpenSettings: () => void;
}) {
  const t = useT();
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark small" aria-hidden>
          <span />
          <span />
          <span />
        </span>
        <span className="brand-name">{t.appName}</span>
        {version && <span className="muted small">v{version}</span>}
      </div>
      {account && (
        <div className="topbar-account" data-testid="topbar-account">
          <span className="strong">{account.label}</span>
          {account.environment === 'demo' && <span className="tag">{t.demoBadge}</span>}
          <StatePill state={connection?.state ?? account.monitorState} />
        </div>
      )}
      <div className="topbar-right">
        {hostState !== 'open' && (
          <span
            className="host-warning"
            role="alert"
            data-testid="host-warning"
            title={t.hostUnreachableBody}
          >
            {t.hostUnreachableTitle}
          </span>
        )}
        <button
          type="button"
          className="btn btn-ghost"
          onClick={onOpenSettings}
          data-testid="open-settings"
        >
          ⚙ {t.settings}
        </button>
      </div>
    </header>
  );
}
