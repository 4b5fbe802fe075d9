import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  DEFAULT_SETTINGS,
  type AccountView,
  type Settings,
} from '../../../shared/ipc/views-app.ts';
import { onHostConnectionChange, type HostConnectionState } from '../transport/get-api.ts';
import { I18nProvider, detectUiLang, useT } from '../i18n/i18n.tsx';
import { AccountsList } from '../components/accounts-list.tsx';
import { AddAccountDialog } from '../components/add-account-dialog.tsx';
import { MonitorView } from '../components/monitor-view.tsx';
import { PastSessionView } from '../components/past-session-view.tsx';
import { SessionsView } from '../components/sessions-view.tsx';
import { FleetView } from '../components/fleet-view.tsx';
import { Notices } from '../components/notices.tsx';
import { SettingsDialog } from '../components/settings-dialog.tsx';
import { NoKeychainBanner, WelcomeScreen } from '../components/welcome-screen.tsx';
import { TopBar } from '../components/top-bar.tsx';
import { ErrorBox, Spinner } from '../components/ui.tsx';
import { useApi } from './api-context.tsx';
import { useLiveValue } from '../hooks/use-live-feed.ts';
import { useApplyTheme } from './theme.ts';
import { useConnections } from '../hooks/use-connections.ts';
import { useStrategyProgress } from '../hooks/use-strategy-progress.ts';

/**
 * The app shell: loads settings, accounts and connections, shows the welcome screen until
 * there is an account, then the monitor of the selected account.
 */
export function App() {
  const api = useApi();
  const appInfo = useLiveValue(
    () => api.getAppInfo(),
    () => () => {},
    [api],
  );
  const settingsLive = useLiveValue(
    () => api.getSettings(),
    (set) => api.onSettingsChanged(set),
    [api],
  );
  const accountsLive = useLiveValue(
    () => api.listAccounts(),
    (set) => api.onAccountsChanged(set),
    [api],
  );
  const connections = useConnections(api);
  const [hostState, setHostState] = useState<HostConnectionState>('open');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'add-account' | 'settings' | null>(null);
  /** The account whose session the paste dialog re-imports, or null for a new account. */
  const [reimportId, setReimportId] = useState<string | null>(null);
  const [openOrder, setOpenOrder] = useState<{ orderId: string; nonce: number } | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'live' });

  const settings: Settings = settingsLive.value ?? {
    ...DEFAULT_SETTINGS,
    language: detectUiLang(navigator.languages),
  };
  useApplyTheme(settings.theme);
  useEffect(() => {
    document.documentElement.lang = settings.language;
  }, [settings.language]);

  // The banner only: after the host comes back every live value loads again by itself.
  useEffect(() => onHostConnectionChange(setHostState), []);

  const accounts: readonly AccountView[] = useMemo(
    () => accountsLive.value ?? [],
    [accountsLive.value],
  );
  // The chosen account while it exists, else the first one.
  const selected = accounts.find((a) => a.id === selectedId) ?? accounts[0] ?? null;
  const strategyProgress = useStrategyProgress(api, selected?.id ?? null);

  const showOrder = useCallback((accountId: string, orderId: string) => {
    setScreen({ kind: 'live' });
    setSelectedId(accountId);
    setOpenOrder({ orderId, nonce: Date.now() });
  }, []);
  useEffect(() => api.onOpenOrder((r) => showOrder(r.accountId, r.orderId)), [api, showOrder]);

  // Stable, so the (memoised) accounts list does not render with every monitor batch.
  const openAddAccount = useCallback(() => {
    setReimportId(null);
    setDialog('add-account');
  }, []);
  const openReimport = useCallback((account: AccountView) => {
    setReimportId(account.id);
    setDialog('add-account');
  }, []);

  const loading = accountsLive.value === null && accountsLive.error === null;
  const fatal = accountsLive.error;

  const backToLive = () => setScreen({ kind: 'live' });
  let body: React.ReactNode;
  if (screen.kind === 'fleet') {
    body = (
      <FleetView
        onOpenAccount={(accountId) => {
          setSelectedId(accountId);
          setScreen({ kind: 'live' });
        }}
        onBack={backToLive}
      />
    );
  } else if (screen.kind === 'sessions') {
    body = (
      <SessionsView
        onOpen={(sessionId) => setScreen({ kind: 'past', sessionId })}
        onBack={backToLive}
      />
    );
  } else if (screen.kind === 'past') {
    body = (
      <PastSessionView
        key={screen.sessionId}
        sessionId={screen.sessionId}
        onBack={backToLive}
        onSessions={() => setScreen({ kind: 'sessions' })}
      />
    );
  } else if (loading) {
    body = (
      <main className="center-screen" role="status">
        <Spinner /> <LoadingText />
      </main>
    );
  } else if (fatal && accountsLive.value === null) {
    body = (
      <main className="center-screen">
        <ErrorBox error={fatal} />
      </main>
    );
  } else if (!selected) {
    body = (
      <WelcomeScreen
        accountStorage={appInfo.value?.accountStorage ?? 'keychain'}
        onAddAccount={() => setDialog('add-account')}
        onDemoStarted={(accountId) => {
          if (accountId) setSelectedId(accountId);
          accountsLive.reload();
        }}
      />
    );
  } else {
    body = (
      <MonitorView
        key={selected.id}
        account={selected}
        openOrderId={openOrder}
        strategyProgress={strategyProgress}
        onOpenSession={(sessionId) => setScreen({ kind: 'past', sessionId })}
        onOpenSessions={() => setScreen({ kind: 'sessions' })}
        renderSidebar={(connectionPanel) => (
          <nav className="sidebar" data-testid="sidebar">
            <AccountsList
              accounts={accounts}
              connections={connections}
              selectedId={selected.id}
              onSelect={setSelectedId}
              onAdd={openAddAccount}
              onReimport={openReimport}
            />
            {connectionPanel}
          </nav>
        )}
      />
    );
  }

  const hasMonitor = screen.kind === 'past' || (screen.kind === 'live' && selected !== null);
  return (
    <I18nProvider lang={settings.language}>
      <div className={`app ${hasMonitor ? 'has-monitor' : 'no-monitor'}`} data-testid="app">
        <TopBar
          account={selected}
          connection={selected ? (connections.get(selected.id) ?? null) : null}
          hostState={hostState}
          version={appInfo.value?.version ?? null}
          readOnly={screen.kind === 'past'}
          sessionsOpen={screen.kind === 'sessions' || screen.kind === 'past'}
          fleetOpen={screen.kind === 'fleet'}
          onOpenSessions={() =>
            setScreen(
              screen.kind === 'sessions' || screen.kind === 'past'
                ? { kind: 'live' }
                : { kind: 'sessions' },
            )
          }
          onOpenFleet={() =>
            setScreen(screen.kind === 'fleet' ? { kind: 'live' } : { kind: 'fleet' })
          }
          onOpenSettings={() => setDialog('settings')}
        />
        {appInfo.value?.accountStorage === 'memory' && <NoKeychainBanner />}
        {body}
        <Notices onOpenOrder={showOrder} />
        {dialog === 'add-account' && (
          <AddAccountDialog
            reimport={accounts.find((a) => a.id === reimportId)}
            onClose={() => setDialog(null)}
            onAdded={(result) => {
              setDialog(null);
              setScreen({ kind: 'live' });
              setSelectedId(result.account.id);
              accountsLive.reload();
            }}
          />
        )}
        {dialog === 'settings' && (
          <SettingsDialog
            settings={settings}
            host={appInfo.value?.host ?? 'electron'}
            onClose={() => setDialog(null)}
          />
        )}
      </div>
    </I18nProvider>
  );
}

/** What the main area shows: the live accounts, the list of past sessions, or one past session. */
type Screen =
  { kind: 'live' } | { kind: 'fleet' } | { kind: 'sessions' } | { kind: 'past'; sessionId: string };

/** The loading line (rendered inside the I18nProvider, so it follows the language). */
function LoadingText() {
  return <>{useT().loading}</>;
}
