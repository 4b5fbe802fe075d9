/**
 * Electron composition root. Thin on purpose (docs/adr/003): the app's services are built by
 * `createAppRoot` exactly as in the browser host; this file adds the window, IPC, tray,
 * notifications and dialogs.
 */
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DisposableStore } from '../shared/lifecycle/disposable.ts';
import { AccountsAdapter } from './app/accounts-adapter.ts';
import { createAppRoot } from './app/app-root.ts';
import { createEngineMonitorFactory, createSimulatorDemoFactory } from './app/engine-adapters.ts';
import { createKeyringSecretStore, keychainServiceFromEnv } from './core/accounts/index.ts';
import { resolveAppDataDir } from './core/paths/app-data-dir.ts';
import { systemClock } from './core/ports/clock.ts';
import { createStreamLogger } from './core/ports/logger.ts';
import { createWindowEventSink, handleContract } from './ipc/electron-ipc.ts';
import {
  createDialogExportTarget,
  createElectronNotifier,
  installAppMenu,
} from './platform/electron-adapters.ts';
import { applyContentSecurityPolicy, createMainWindow } from './platform/main-window.ts';
import { createTray } from './platform/tray.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererUrl =
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).href;
const preloadPath = join(here, '../preload/index.cjs');
const resourcesDir = app.isPackaged ? process.resourcesPath : join(here, '../../resources');
const logger = createStreamLogger({ minLevel: 'info' });
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  main().catch((error: unknown) => {
    // E.g. a locked keychain or an unreadable data folder: say so instead of a silent exit.
    logger.error('Alpha Monitor could not start', { error: messageOf(error) });
    dialog.showErrorBox('Alpha Monitor could not start', messageOf(error));
    app.exit(1);
  });
}

async function main(): Promise<void> {
  const store = new DisposableStore();
  const dataDir = resolveAppDataDir();
  let window: BrowserWindow | null = null;
  let quitting = false;

  await app.whenReady();
  installAppMenu();
  applyContentSecurityPolicy();

  const showWindow = () => {
    if (!window || window.isDestroyed()) window = openWindow(true);
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  app.on('second-instance', showWindow);

  const notifier = createElectronNotifier(showWindow);
  /** A tray action failed (e.g. the session expired): log it and tell the user. */
  const reportFailure = (accountId: string, title: string, error: unknown) => {
    logger.warn(title, { accountId, error: messageOf(error) });
    const notice = {
      id: randomUUID(),
      kind: 'session-failure' as const,
      title,
      body: messageOf(error),
      accountId,
      orderId: null,
      atMs: Date.now(),
    };
    notifier.show(notice, () => {});
  };

  const root = store.add(
    await createAppRoot({
      host: 'electron',
      version: app.getVersion(),
      dataDir,
      clock: systemClock,
      logger,
      accounts: new AccountsAdapter({
        dataDir,
        secrets: createKeyringSecretStore({ service: keychainServiceFromEnv() }),
        clock: systemClock,
        logger,
      }),
      createMonitor: createEngineMonitorFactory({ clock: systemClock, logger }),
      createDemoExchange: createSimulatorDemoFactory(),
      exportTarget: createDialogExportTarget(() => window, app.getPath('downloads')),
      notifier,
      events: createWindowEventSink(() => (window && !window.isDestroyed() ? [window] : [])),
    }),
  );

  // IPC only from our own window showing our own page.
  const isTrustedSender = (event: IpcMainInvokeEvent) =>
    window !== null &&
    !window.isDestroyed() &&
    event.sender.id === window.webContents.id &&
    (event.senderFrame?.url ?? '').startsWith(
      rendererUrl
        .split('#')[0]!
        .split('?')[0]!
        .replace(/index\.html$/, ''),
    );
  store.add(handleContract({ handlers: root.handlers, isTrustedSender, logger }));

  const tray = store.add(
    createTray({
      resourcesDir,
      showWindow,
      toggleAccount: (accountId, running) => {
        const toggle = async () =>
          running
            ? root.handlers.stopMonitor({ accountId })
            : root.handlers.startMonitor({ accountId });
        toggle().catch((error: unknown) =>
          reportFailure(
            accountId,
            running ? 'Could not stop monitoring' : 'Could not start monitoring',
            error,
          ),
        );
      },
      quit: () => app.quit(),
    }),
  );
  // Runs on every state change: a failure (e.g. an unreadable account list) is logged, not notified.
  const refreshTray = () =>
    root
      .listAccounts()
      .then((accounts) => tray.update(root.overallState(), accounts))
      .catch((error: unknown) => logger.warn('tray update failed', { error: messageOf(error) }));
  store.add(root.onDidChangeOverallState(() => void refreshTray()));
  void refreshTray();

  function openWindow(show: boolean): BrowserWindow {
    const created = createMainWindow({ dataDir, preloadPath, rendererUrl, show });
    created.on('close', (event) => {
      // Closing the window keeps monitoring in the tray; Quit ends it.
      if (!quitting) {
        event.preventDefault();
        created.hide();
      }
    });
    return created;
  }
  window = openWindow(!root.settings.get().startMinimizedToTray);

  // First run (no account yet): open in demo mode, as `serve --demo` does, so the window shows
  // live orders at once; Add account stays one click away and stopping the demo returns to
  // the welcome screen.
  if ((await root.listAccounts()).length === 0) {
    Promise.resolve()
      .then(() => root.handlers.startDemo({ activity: true }))
      .catch((error: unknown) => reportFailure('demo', 'Could not start the demo', error));
  }

  app.on('activate', showWindow);
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    store
      .dispose()
      .catch((error: unknown) => logger.error('shutdown failed', { error: messageOf(error) }))
      .finally(() => app.exit(0));
  });
  app.on('window-all-closed', () => {
    // Stay in the tray.
  });
}
