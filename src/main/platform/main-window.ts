import { BrowserWindow, screen, session, shell } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The renderer's CSP under Electron: our own files only; no remote anything. */
export const ELECTRON_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

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

/** Applies the CSP to every response of our session (the built index.html also has it). */
export function applyContentSecurityPolicy(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [ELECTRON_CSP] },
    });
  });
}

/**
 * The main window: isolated, sandboxed, no Node; navigation and new windows denied (links
 * open in the browser); size and position remembered in `<data folder>/window-state.json`.
 */
export function createMainWindow(options: {
  dataDir: string;
  preloadPath: string;
  rendererUrl: string;
  show: boolean;
}): BrowserWindow {
  const statePath = join(options.dataDir, 'window-state.json');
  const state = loadWindowState(statePath);
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
  window.webContents.on('will-navigate', (event, url) => {
    if (url !== options.rendererUrl) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    try {
      writeFileSync(statePath, JSON.stringify({ ...bounds, maximized: window.isMaximized() }));
    } catch {
      // Losing the window position is harmless.
    }
  });
  void window.loadURL(options.rendererUrl);
  return window;
}
