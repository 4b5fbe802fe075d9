import type { AccountView } from '../../../shared/ipc/views-app.ts';
import type { ConnectionView } from '../../../shared/ipc/views-monitor.ts';
import type { HostConnectionState } from '../transport/get-api.ts';
import { useT } from '../i18n/i18n.tsx';
import { StatePill } from './ui.tsx';

/**
 * Brand, the selected account and its state (or "read only" while a past session is shown),
 * the host link warning, past sessions, settings.
 */
export function TopBar({
  account,
  connection,
  hostState,
  version,
  readOnly,
  sessionsOpen,
  fleetOpen,
  onOpenSessions,
  onOpenFleet,
  onOpenSettings,
}: {
  account: AccountView | null;
  connection: ConnectionView | null;
  hostState: HostConnectionState;
  version: string | null;
  /** A past session is shown. */
  readOnly: boolean;
  /** The sessions list or a past session is shown. */
  sessionsOpen: boolean;
  /** The fleet view (every account) is shown. */
  fleetOpen: boolean;
  onOpenSessions: () => void;
  onOpenFleet: () => void;
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
      {readOnly && (
        <span className="tag tag-accent" data-testid="read-only-badge">
          {t.readOnlyBadge}
        </span>
      )}
      {account && !sessionsOpen && !fleetOpen && (
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
          className={`btn btn-ghost${fleetOpen ? ' on' : ''}`}
          aria-pressed={fleetOpen}
          onClick={onOpenFleet}
          data-testid="open-fleet"
        >
          ▦ {t.fleet.open}
        </button>
        <button
          type="button"
          className={`btn btn-ghost${sessionsOpen ? ' on' : ''}`}
          aria-pressed={sessionsOpen}
          onClick={onOpenSessions}
          data-testid="open-sessions"
        >
          ☰ {t.sessions}
        </button>
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
