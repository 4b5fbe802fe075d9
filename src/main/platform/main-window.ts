import { BrowserWindow, screen, session, shell } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RENDERER_CSP, relaxCspForDevServer } from '../../shared/csp.ts';
import type { Logger } from '../core/ports/logger.ts';

interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

const windowStatePath = (dataDir: string) => join(dataDir, 'window-state.json');

function loadWindowState(path: string): WindowState {
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as WindowState;
    const visible = screen
      .getAllDisplays()
      .some(
        ({ workArea: a }) =>
          state.x !== undefined &&
          state.y !== undefined &&
          state.x >= a.x - 50 &&
          state.y >= a.y - 50 &&
          state.x < a.x + a.width &&
          state.y < a.y + a.height,
      );
    return visible
      ? state
      : { width: state.width, height: state.height, maximized: state.maximized };
  } catch {
    return { width: 1280, height: 820, maximized: false };
  }
}

/** Remembers size and position in `<data folder>/window-state.json` (on close and on Quit). */
export function saveWindowState(window: BrowserWindow, dataDir: string): void {
  if (window.isDestroyed()) return;
  const bounds = window.getNormalBounds();
  try {
    writeFileSync(
      windowStatePath(dataDir),
      JSON.stringify({ ...bounds, maximized: window.isMaximized() }),
    );
  } catch {
    // Losing the window position is harmless.
  }
}

/**
 * Locks down our session: the CSP on every response (relaxed for the dev server only), and
 * every permission request or check (camera, notifications, clipboard, …) denied: the page
 * needs none, OS notifications come from main.
 */
export function hardenSession(options: { devServer: boolean; logger: Logger }): void {
  const csp = options.devServer ? relaxCspForDevServer(RENDERER_CSP) : RENDERER_CSP;
  const { webRequest } = session.defaultSession;
  webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    options.logger.warn('denied a permission request from the page', { permission });
    callback(false);
  });
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** What went wrong with the page: it could not load, or its process died. */
export type PageProblem =
  { kind: 'load-failed'; code: number; description: string } | { kind: 'crashed'; reason: string };

/**
 * The main window: isolated, sandboxed, no Node; navigation and new windows denied (links
 * open in the browser). A failed load or a dead renderer is reported to `onPageProblem`
 * (which offers a reload) instead of leaving a blank window.
 */
export function createMainWindow(options: {
  dataDir: string;
  preloadPath: string;
  rendererUrl: string;
  show: boolean;
  logger: Logger;
  onPageProblem(window: BrowserWindow, problem: PageProblem): void;
}): BrowserWindow {
  const state = loadWindowState(windowStatePath(options.dataDir));
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Alpha Monitor',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => {
    if (options.show) window.show();
  });
  const { webContents } = window;
  webContents.on('will-navigate', (event, url) => {
    if (url !== options.rendererUrl) event.preventDefault();
  });
  webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  webContents.on('did-fail-load', (_event, code, description, _url, isMainFrame) => {
    // -3 is ERR_ABORTED: a navigation we cancelled ourselves.
    if (!isMainFrame || code === -3) return;
    options.logger.error('the window could not load its page', { code, description });
    options.onPageProblem(window, { kind: 'load-failed', code, description });
  });
  webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    options.logger.error('the window’s page stopped', { reason: details.reason });
    options.onPageProblem(window, { kind: 'crashed', reason: details.reason });
  });
  window.on('close', () => saveWindowState(window, options.dataDir));
  loadPage(window, options.rendererUrl);
  return window;
}

/** (Re)loads our page; a failure arrives as `did-fail-load`, so the promise is only drained. */
export function loadPage(window: BrowserWindow, rendererUrl: string): void {
  if (window.isDestroyed()) return;
  window.loadURL(rendererUrl).catch(() => {});
}
