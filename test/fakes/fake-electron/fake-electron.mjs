/**
 * A recording stand-in for the `electron` module, so the BUILT main process (out/main/index.js)
 * runs in plain Node (see register.mjs and built-main.ts). It implements the part of Electron's
 * main-process API the app uses, records every call that matters to a user (windows, IPC
 * handlers, tray menus, notifications, dialogs, paths, exit) and is driven by the test over the
 * fork IPC channel: invoke a contract channel as our window or as a foreign sender, click a
 * tray item, close the window, fail the page load, answer a dialog, quit.
 *
 * Environment knobs (set by the test): FAKE_ELECTRON_PACKAGED=1 (app.isPackaged),
 * FAKE_ELECTRON_LOCK=denied (another copy holds the single-instance lock),
 * FAKE_ELECTRON_TRAY=fail (the Tray constructor throws), FAKE_ELECTRON_AT_READY=<app events>
 * (emitted the moment whenReady resolves, i.e. during start-up).
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const env = process.env;
let exited = false;
if (env.FAKE_ELECTRON_PACKAGED === '1' && !process.resourcesPath)
  // A packaged app finds its tray icons in process.resourcesPath.
  process.resourcesPath = fileURLToPath(new URL('../../../resources', import.meta.url));

function record(kind, data = {}) {
  if (process.send && process.connected) process.send({ type: 'record', kind, data });
}

/** Something the real Electron would surface as a crash: make it visible to the test. */
function failLoudly(error) {
  record('fake-error', { message: error instanceof Error ? error.message : String(error) });
}

/** What crosses the channel must be plain data. */
function plain(value) {
  try {
    return JSON.parse(JSON.stringify(value ?? null));
  } catch {
    return String(value);
  }
}

class FakeEvent {
  defaultPrevented = false;
  preventDefault() {
    this.defaultPrevented = true;
  }
}

// --- app -------------------------------------------------------------------------------------
const paths = new Map();
let readyResolve;
const ready = new Promise((resolve) => (readyResolve = resolve));
let isReady = false;

class FakeApp extends EventEmitter {
  get isPackaged() {
    return env.FAKE_ELECTRON_PACKAGED === '1';
  }
  getVersion() {
    return '0.0.0-fake';
  }
  getName() {
    return 'alpha-monitor';
  }
  getPath(name) {
    return paths.get(name) ?? join(tmpdir(), `fake-electron-${name}`);
  }
  setPath(name, value) {
    paths.set(name, value);
    record('app.setPath', { name, value, ready: isReady });
  }
  setAppUserModelId(id) {
    record('app.setAppUserModelId', { id });
  }
  requestSingleInstanceLock() {
    const granted = env.FAKE_ELECTRON_LOCK !== 'denied';
    record('app.requestSingleInstanceLock', { granted, userData: paths.get('userData') ?? null });
    return granted;
  }
  whenReady() {
    return ready;
  }
  isReady() {
    return isReady;
  }
  quit() {
    record('app.quit');
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.emit('will-quit', new FakeEvent());
    this.exit(0);
  }
  exit(code = 0) {
    if (exited) return;
    exited = true;
    record('app.exit', { code });
    for (const window of FakeBrowserWindow.getAllWindows()) window.destroy();
    process.exitCode = code;
    // From here the process must end by itself: nothing of ours keeps it alive.
    process.channel?.unref();
  }
}
export const app = new FakeApp();

// --- windows ---------------------------------------------------------------------------------
let nextWebContentsId = 1;
const windows = new Set();

class FakeWebContents extends EventEmitter {
  constructor(window) {
    super();
    this.id = nextWebContentsId++;
    this.window = window;
    this.windowOpenHandler = null;
    this.url = '';
  }
  send(channel, payload) {
    if (this.window.isDestroyed()) throw new Error('Object has been destroyed');
    record('webContents.send', { windowId: this.window.id, channel, payload: plain(payload) });
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.window.isDestroyed();
  }
  getURL() {
    return this.url;
  }
  reload() {
    record('webContents.reload', { windowId: this.window.id });
  }
}

let nextWindowId = 1;
class FakeBrowserWindow extends EventEmitter {
  static getAllWindows() {
    return [...windows].filter((w) => !w.isDestroyed());
  }
  constructor(options = {}) {
    super();
    this.id = nextWindowId++;
    this.options = options;
    this.destroyed = false;
    this.visible = false;
    this.minimized = false;
    this.maximized = false;
    this.bounds = {
      x: options.x ?? 100,
      y: options.y ?? 100,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    this.webContents = new FakeWebContents(this);
    windows.add(this);
    record('BrowserWindow.new', {
      windowId: this.id,
      webContentsId: this.webContents.id,
      options: plain(options),
      preloadExists: options.webPreferences?.preload
        ? existsSync(options.webPreferences.preload)
        : false,
    });
  }
  async loadURL(url) {
    record('BrowserWindow.loadURL', { windowId: this.id, url });
    this.webContents.url = url;
    setImmediate(() => {
      if (this.destroyed) return;
      this.webContents.emit('did-finish-load');
      this.emit('ready-to-show');
    });
  }
  show() {
    this.visible = true;
    record('BrowserWindow.show', { windowId: this.id });
  }
  hide() {
    this.visible = false;
    record('BrowserWindow.hide', { windowId: this.id });
  }
  focus() {}
  restore() {
    this.minimized = false;
  }
  isMinimized() {
    return this.minimized;
  }
  isVisible() {
    return this.visible;
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  getBounds() {
    return { ...this.bounds };
  }
  setBounds(bounds) {
    this.bounds = { ...this.bounds, ...bounds };
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    if (this.destroyed) return;
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    record('BrowserWindow.destroyed', { windowId: this.id });
    this.emit('closed');
  }
}
export const BrowserWindow = FakeBrowserWindow;

// --- IPC -------------------------------------------------------------------------------------
const handlers = new Map();
export const ipcMain = {
  handle(channel, handler) {
    if (handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
  },
  removeHandler(channel) {
    handlers.delete(channel);
  },
  on() {
    throw new Error('fake electron: the app must not use ipcMain.on (one typed handle() only)');
  },
};

// --- tray, menus, images ---------------------------------------------------------------------
let applicationMenu = null;
let tray = null;

function menuItems(template) {
  return (template ?? []).map((item) => ({
    label: item.label ?? null,
    role: item.role ?? null,
    type: item.type ?? null,
    submenu: Array.isArray(item.submenu) ? menuItems(item.submenu) : null,
  }));
}

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    applicationMenu = menu;
    record('Menu.setApplicationMenu', { items: menuItems(menu?.template) });
  },
};

export const nativeImage = {
  createFromPath(path) {
    return { path, isEmpty: () => !existsSync(path) };
  },
};

class FakeTray extends EventEmitter {
  constructor(image) {
    super();
    if (env.FAKE_ELECTRON_TRAY === 'fail')
      throw new Error('fake electron: no tray on this desktop');
    this.menu = null;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the fake tracks the one tray the app made
    tray = this;
    record('Tray.new', { icon: image.path, iconExists: !image.isEmpty() });
  }
  setImage(image) {
    record('Tray.setImage', { icon: image.path, iconExists: !image.isEmpty() });
  }
  setToolTip(text) {
    this.toolTip = text;
  }
  setContextMenu(menu) {
    this.menu = menu;
    record('Tray.setContextMenu', { items: menuItems(menu.template) });
  }
  destroy() {
    tray = null;
    record('Tray.destroy');
  }
}
export const Tray = FakeTray;

// --- notifications, dialogs, shell, screen, session ------------------------------------------
const notifications = [];
class FakeNotification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
  }
  show() {
    notifications.push(this);
    record('Notification.show', { index: notifications.length - 1, ...plain(this.options) });
  }
}
export const Notification = FakeNotification;

const dialogAnswers = [];
export const dialog = {
  showErrorBox(title, content) {
    record('dialog.showErrorBox', { title, content });
  },
  async showMessageBox(_window, options) {
    const opts = options ?? _window;
    record('dialog.showMessageBox', plain(opts));
    return { response: dialogAnswers.shift() ?? opts.defaultId ?? 0, checkboxChecked: false };
  },
  async showSaveDialog() {
    record('dialog.showSaveDialog');
    return { canceled: true, filePath: undefined };
  },
};

export const shell = {
  async openPath(path) {
    record('shell.openPath', { path });
    return '';
  },
  async openExternal(url) {
    record('shell.openExternal', { url });
  },
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

const sessionHooks = { headers: null, permissionRequest: null, permissionCheck: null };
export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived(listener) {
        sessionHooks.headers = listener;
      },
    },
    setPermissionRequestHandler(handler) {
      sessionHooks.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler) {
      sessionHooks.permissionCheck = handler;
    },
  },
};

export default {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  nativeImage,
  Tray,
  Notification,
  dialog,
  shell,
  screen,
  session,
};

// --- the test's remote control ---------------------------------------------------------------
function findWindow(id) {
  const all = [...windows];
  return id === undefined ? all.filter((w) => !w.destroyed).at(-1) : all.find((w) => w.id === id);
}

function findItem(items, label) {
  for (const item of items ?? []) {
    if (item.label === label) return item;
    const inner = Array.isArray(item.submenu) ? findItem(item.submenu, label) : null;
    if (inner) return inner;
  }
  return null;
}

const commands = {
  async invoke({ channel, payload, as = 'window', frameUrl }) {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    const window = findWindow();
    const event =
      as === 'window'
        ? { sender: window.webContents, senderFrame: { url: frameUrl ?? window.webContents.url } }
        : { sender: { id: 9999 }, senderFrame: { url: frameUrl ?? 'https://evil.example/' } };
    return plain(await handler(event, payload));
  },
  handlers: () => [...handlers.keys()].sort(),
  windows: () =>
    [...windows].map((w) => ({
      id: w.id,
      destroyed: w.destroyed,
      visible: w.visible,
      url: w.webContents.url,
      bounds: w.bounds,
    })),
  setBounds: ({ bounds }) => findWindow().setBounds(bounds),
  closeWindow: () => findWindow()?.close(),
  pageProblem: ({ kind }) => {
    const { webContents } = findWindow();
    if (kind === 'load-failed')
      webContents.emit(
        'did-fail-load',
        new FakeEvent(),
        -105,
        'ERR_NAME_NOT_RESOLVED',
        webContents.url,
        true,
      );
    else
      webContents.emit('render-process-gone', new FakeEvent(), {
        reason: 'crashed',
        exitCode: 139,
      });
  },
  answerNextDialog: ({ response }) => void dialogAnswers.push(response),
  trayMenu: () => (tray?.menu ? menuItems(tray.menu.template) : null),
  clickTray: ({ label }) => {
    const item = findItem(tray?.menu?.template, label);
    if (!item?.click) throw new Error(`no tray item "${label}"`);
    item.click();
  },
  clickMenu: ({ label }) => {
    const item = findItem(applicationMenu?.template, label);
    if (!item?.click) throw new Error(`no menu item "${label}"`);
    item.click();
  },
  appEmit: ({ name }) => {
    if (name === 'quit') app.quit();
    else app.emit(name, new FakeEvent(), [], process.cwd());
  },
  responseHeaders: ({ url }) =>
    new Promise((resolve) => {
      if (!sessionHooks.headers) return resolve(null);
      sessionHooks.headers({ url, responseHeaders: { 'Content-Type': ['text/html'] } }, (result) =>
        resolve(result.responseHeaders),
      );
    }),
  permission: ({ permission }) =>
    new Promise((resolve) => {
      const check = sessionHooks.permissionCheck
        ? sessionHooks.permissionCheck(null, permission)
        : null;
      if (!sessionHooks.permissionRequest) return resolve({ request: null, check });
      sessionHooks.permissionRequest(findWindow()?.webContents, permission, (granted) =>
        resolve({ request: granted, check }),
      );
    }),
};

if (process.send) {
  process.on('message', (message) => {
    if (message?.type !== 'command') return;
    const command = commands[message.name];
    Promise.resolve()
      .then(() => {
        if (!command) throw new Error(`unknown command ${message.name}`);
        return command(message.args ?? {});
      })
      .then(
        (value) => process.send?.({ type: 'reply', id: message.id, value: plain(value) }),
        (error) =>
          process.send?.({ type: 'reply', id: message.id, error: String(error?.message ?? error) }),
      );
  });
}

process.on('unhandledRejection', (reason) => failLoudly(reason));
process.on('uncaughtException', (error) => failLoudly(error));

// Electron becomes ready after the main module has run its first synchronous part.
setImmediate(() => {
  isReady = true;
  readyResolve();
  for (const name of (env.FAKE_ELECTRON_AT_READY ?? '').split(',').filter(Boolean)) {
    // During start-up: the app has not finished building its services yet.
    queueMicrotask(() => commands.appEmit({ name }));
  }
});
