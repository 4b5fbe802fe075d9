/**
 * Electron composition root. Thin on purpose (docs/adr/003): the app's services are built by
 * `createAppRoot` exactly as in the browser host; this file adds the window, IPC, tray,
 * notifications, dialogs, the log file and the app's lifecycle (starting → running → quitting).
 */
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AsyncDisposableStore } from '../shared/lifecycle/disposable.ts';
import { createAppRoot, type AppRoot } from './app/app-root.ts';
import { engineAppDeps, keychainStores } from './app/engine-wiring.ts';
import { coalescingEventSink } from './app/event-outbox.ts';
import { openRotatingLogFile } from './core/logging/rotating-log-file.ts';
import { logUnexpectedErrors } from './core/logging/unexpected-error-log.ts';
import { resolveAppDataDir } from './core/paths/app-data-dir.ts';
import { systemClock } from './core/ports/clock.ts';
import { createStreamLogger } from './core/ports/logger.ts';
import { createWindowEventSink, handleContract } from './ipc/electron-ipc.ts';
import { installAppMenu } from './platform/app-menu.ts';
import { createDialogExportTarget, createElectronNotifier } from './platform/electron-adapters.ts';
import {
  createMainWindow,
  hardenSession,
  loadPage,
  saveWindowState,
  type PageProblem,
} from './platform/main-window.ts';
import { createTray } from './platform/tray.ts';
import { systemTrayAvailable } from './platform/tray-support.ts';

/** Windows groups notifications and taskbar entries by this id; it matches the installer's appId. */
const APP_USER_MODEL_ID = 'io.alphamonitor.app';

const here = fileURLToPath(new URL('.', import.meta.url));
/** electron-vite's dev server (`npm run dev`); a packaged app never loads anything but its files. */
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererUrl = devServerUrl ?? pathToFileURL(join(here, '../renderer/index.html')).href;
const preloadPath = join(here, '../preload/index.cjs');
const resourcesDir = app.isPackaged ? process.resourcesPath : join(here, '../../resources');

const dataDir = resolveAppDataDir();
mkdirSync(dataDir, { recursive: true, mode: 0o700 });
// Electron's profile and its single-instance lock live in userData: pointing it at our data
// folder makes ALPHA_MONITOR_HOME isolate a second copy completely.
app.setPath('userData', dataDir);
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

const logFile = openRotatingLogFile({
  dir: join(dataDir, 'logs'),
  onError: (error) =>
    process.stderr.write(`Alpha Monitor: cannot write the log file (${messageOf(error)})\n`),
});
const logger = createStreamLogger({
  minLevel: 'info',
  write: (line) => {
    process.stderr.write(line + '\n');
    logFile.write(line);
  },
});
// Listener errors and other failures nobody awaited go to the log, never nowhere.
logUnexpectedErrors(logger.child({ component: 'main' }));
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Phase = 'starting' | 'running' | 'quitting';
let phase: Phase = 'starting';
/** A second launch while starting: show the window as soon as there is one. */
let showRequested = false;
let window: BrowserWindow | null = null;
let showWindow: () => void = () => {
  showRequested = true;
};
const store = new AsyncDisposableStore();
let shutdownPromise: Promise<void> | undefined;
/** A function, not a comparison: the phase changes under start()'s awaits. */
const quitting = () => phase === 'quitting';

/** Saves the window, disposes every service (monitors, journals, demo), then exits. */
function shutdown(exitCode = 0): Promise<void> {
  phase = 'quitting';
  return (shutdownPromise ??= (async () => {
    if (window) saveWindowState(window, dataDir);
    try {
      await store.dispose();
    } catch (error) {
      logger.error('shutdown failed', { error: messageOf(error) });
    }
    logger.info('Alpha Monitor stopped', { exitCode });
    logFile.dispose();
    app.exit(exitCode);
  })());
}

if (!app.requestSingleInstanceLock()) {
  // The running copy gets `second-instance` and shows its window.
  logger.info('Alpha Monitor is already running; showing that window');
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.on('before-quit', (event) => {
    if (shutdownPromise) return;
    event.preventDefault();
    // While starting, start() notices and shuts down once what it built can be disposed.
    const wasRunning = phase === 'running';
    phase = 'quitting';
    if (wasRunning) void shutdown();
  });
  app.on('window-all-closed', () => {
    // Monitoring goes on in the tray; without a tray, closing the window quits (see below).
  });
  start().catch((error: unknown) => {
    // E.g. a locked keychain or an unreadable data folder: say so instead of a silent exit.
    logger.error('Alpha Monitor could not start', { error: messageOf(error) });
    dialog.showErrorBox(
      'Alpha Monitor could not start',
      `${messageOf(error)}\n\nDetails are in the log: ${logFile.path}`,
    );
    void shutdown(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  if (quitting()) return shutdown();
  logger.info('Alpha Monitor starting', { version: app.getVersion(), dataDir });
  installAppMenu({ developer: !app.isPackaged, logsDir: logFile.dir });
  hardenSession({ devServer: devServerUrl !== undefined, logger });
  const trayWanted = await systemTrayAvailable();

  const notifier = createElectronNotifier(() => showWindow());
  /** A tray action failed (e.g. the session expired): log it and tell the user. */
  const reportFailure = (accountId: string, title: string, error: unknown) => {
    logger.warn(title, { accountId, error: messageOf(error) });
    notifier.show(
      {
        id: randomUUID(),
        kind: 'session-failure',
        title,
        body: messageOf(error),
        accountId,
        orderId: null,
        atMs: Date.now(),
      },
      () => {},
    );
  };

  const keychain = keychainStores();
  // One coalesced batch of events per frame, as the browser host sends its pages.
  const windowEvents = store.add(
    coalescingEventSink(
      createWindowEventSink(() => (window && !window.isDestroyed() ? [window] : [])),
      systemClock,
    ),
  );
  const root: AppRoot = store.add(
    await createAppRoot({
      host: 'electron',
      version: app.getVersion(),
      dataDir,
      ...engineAppDeps({
        logger,
        accountsDir: dataDir,
        accountSecrets: keychain.accounts,
        alertSecrets: keychain.alerts,
      }),
      exportTarget: createDialogExportTarget(() => window, app.getPath('downloads')),
      notifier,
      events: windowEvents,
    }),
  );
  if (quitting()) return shutdown();

  // IPC only from our own window showing our own page.
  const pageBase = rendererUrl
    .split('#')[0]!
    .split('?')[0]!
    .replace(/index\.html$/, '');
  const isTrustedSender = (event: IpcMainInvokeEvent) =>
    window !== null &&
    !window.isDestroyed() &&
    event.sender.id === window.webContents.id &&
    (event.senderFrame?.url ?? '').startsWith(pageBase);
  store.add(
    handleContract({
      handlers: root.handlers,
      isTrustedSender,
      logger,
      // Events pushed before a reply reach the window before it (see EventOutbox.flushNow).
      beforeReply: () => windowEvents.flush(),
    }),
  );

  let tray: ReturnType<typeof createTray> | null = null;
  if (trayWanted) {
    try {
      tray = store.add(
        createTray({
          resourcesDir,
          showWindow: () => showWindow(),
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
    } catch (error) {
      logger.warn('no tray icon; closing the window will quit', { error: messageOf(error) });
    }
  } else {
    logger.info('no system tray on this desktop; closing the window will quit');
  }
  if (tray) {
    const liveTray = tray;
    // Runs on every state change: a failure (e.g. an unreadable account list) is logged, not notified.
    const refreshTray = () =>
      root
        .listAccounts()
        .then((accounts) => liveTray.update(root.overallState(), accounts))
        .catch((error: unknown) => logger.warn('tray update failed', { error: messageOf(error) }));
    store.add(root.onDidChangeOverallState(() => void refreshTray()));
    void refreshTray();
  }

  let pageProblemShown = false;
  /** A blank or dead window: say so and offer a reload; monitoring goes on meanwhile. */
  const onPageProblem = (target: BrowserWindow, problem: PageProblem) => {
    if (pageProblemShown || quitting()) return;
    pageProblemShown = true;
    const what =
      problem.kind === 'load-failed'
        ? `The page could not load: ${problem.description} (${problem.code}).`
        : `The page stopped (${problem.reason}).`;
    dialog
      .showMessageBox(target, {
        type: 'error',
        title: 'Alpha Monitor',
        message: 'The window could not show Alpha Monitor',
        detail: `${what} Monitoring goes on in the background.\n\nDetails are in the log: ${logFile.path}`,
        buttons: ['Reload', 'Quit'],
        defaultId: 0,
        cancelId: 0,
      })
      .then(({ response }) => {
        if (response === 1) app.quit();
        else loadPage(target, rendererUrl);
      })
      .catch((error: unknown) =>
        logger.error('could not ask about the page', { error: messageOf(error) }),
      )
      .finally(() => {
        pageProblemShown = false;
      });
  };

  const openWindow = (show: boolean): BrowserWindow => {
    const created = createMainWindow({
      dataDir,
      preloadPath,
      rendererUrl,
      show,
      logger,
      onPageProblem,
    });
    created.on('close', (event) => {
      if (quitting()) return;
      event.preventDefault();
      // Closing the window keeps monitoring in the tray; without a tray it would be lost
      // from sight, so closing quits.
      if (tray) created.hide();
      else app.quit();
    });
    return created;
  };

  showWindow = () => {
    if (phase !== 'running') return;
    if (!window || window.isDestroyed()) window = openWindow(true);
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  window = openWindow(showRequested || !tray || !root.settings.get().startMinimizedToTray);
  phase = 'running';
  app.on('activate', () => showWindow());
  logger.info('Alpha Monitor started', { tray: tray !== null });

  // First run (no account yet): open in demo mode, as `serve --demo` does, so the window shows
  // live orders at once; Add account stays one click away and stopping the demo returns to
  // the welcome screen.
  if ((await root.listAccounts()).length === 0 && phase === 'running') {
    Promise.resolve()
      .then(() => root.handlers.startDemo({ activity: true }))
      .catch((error: unknown) => reportFailure('demo', 'Could not start the demo', error));
  }
}
