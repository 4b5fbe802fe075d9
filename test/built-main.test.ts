/**
 * The desktop app's main process AS BUILT (out/main/index.js, by `npm run build`), run in plain
 * Node under Node's own ESM loader with `electron` resolved to a recording fake
 * (test/fakes/fake-electron). What tsx forgives, this does not: it is how the keychain import that
 * broke every real account in the desktop app would have been caught.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS } from '../src/shared/ipc/contract.ts';
import { startSimulator, type Simulator } from '../src/main/sim/index.ts';
import { placeRestingOto } from '../src/main/sim/testing/demo-session.ts';
import { buildCurl } from '../e2e/support/sim-client.ts';
import {
  EVENT_PREFIX,
  REQUEST_PREFIX,
  launchBuiltMain,
  type BuiltMain,
  type Recorded,
} from './fakes/fake-electron/built-main.ts';
import { requireTestKeychain, TEST_KEYCHAIN_SERVICE } from './setup/secret-service.ts';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const EXIT_TIMEOUT_MS = 60_000;

interface MenuItem {
  label: string | null;
  role: string | null;
  submenu: MenuItem[] | null;
}
const flatten = (items: MenuItem[]): MenuItem[] =>
  items.flatMap((item) => [item, ...(item.submenu ? flatten(item.submenu) : [])]);

async function exitsByItself(main: BuiltMain): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      main.kill();
      reject(
        new Error(
          `the main process did not exit by itself (a handle left open?)\n${main.stderr().slice(-3000)}`,
        ),
      );
    }, EXIT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([main.exited, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Start-up is over once the window loads its page: the contract's handlers and the tray come
 * before it (the tray draws its first menu before the window exists, so that is no signal).
 */
async function started(main: BuiltMain): Promise<void> {
  await main.waitForRecord('BrowserWindow.loadURL');
}

function expectNoCrash(main: BuiltMain) {
  expect(main.all('fake-error').map((r: Recorded) => r.data.message)).toEqual([]);
}

describe('the built main process', { timeout: 180_000 }, () => {
  const homes: string[] = [];
  const newHome = () => {
    const home = mkdtempSync(join(tmpdir(), 'built-main-'));
    homes.push(home);
    return home;
  };
  const running: BuiltMain[] = [];
  const launch = (options: Parameters<typeof launchBuiltMain>[0]) => {
    const main = launchBuiltMain(options);
    running.push(main);
    return main;
  };
  afterAll(() => {
    for (const main of running) main.kill();
    for (const home of homes) rmSync(home, { recursive: true, force: true });
  });

  it('first run: a locked-down window, exactly the contract, the demo live without OS notifications, a working tray, and a clean quit', async () => {
    const home = newHome();
    const main = launch({ home });

    // Start-up: the profile and the single-instance lock live in the data folder.
    const lock = await main.waitForRecord('app.requestSingleInstanceLock');
    expect(lock.data).toMatchObject({ granted: true, userData: home });

    const created = await main.waitForRecord('BrowserWindow.new');
    const prefs = (created.data.options as { webPreferences: Record<string, unknown> })
      .webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(prefs.preload).toBe(join(REPO_ROOT, 'out', 'preload', 'index.cjs'));
    expect(created.data.preloadExists).toBe(true);
    const loaded = await main.waitForRecord('BrowserWindow.loadURL');
    expect(loaded.data.url).toBe(`file://${join(REPO_ROOT, 'out', 'renderer', 'index.html')}`);

    // Every request channel of the contract has a handler, and nothing else does.
    await main.waitForRecord('Tray.setContextMenu');
    expect(await main.command('handlers')).toEqual(
      REQUEST_CHANNELS.map((channel) => REQUEST_PREFIX + channel).sort(),
    );
    // Only our window showing our page is served.
    const foreign = await main.invoke('getAppInfo', undefined, 'foreign');
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const info = await main.invoke<{ host: string }>('getAppInfo');
    expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });

    // The strict CSP on every response; every permission denied.
    const headers = await main.command<Record<string, string[]>>('responseHeaders', {
      url: loaded.data.url,
    });
    expect(headers['Content-Security-Policy']![0]).toContain("script-src 'self';");
    expect(await main.command('permission', { permission: 'media' })).toEqual({
      request: false,
      check: false,
    });

    // The log file the error messages point to, and the menu item that opens its folder.
    const menu = flatten(
      (await main.waitForRecord('Menu.setApplicationMenu')).data.items as MenuItem[],
    );
    expect(menu.some((item) => item.label === 'Open logs folder')).toBe(true);
    await main.command('clickMenu', { label: 'Open logs folder' });
    expect((await main.waitForRecord('shell.openPath')).data.path).toBe(join(home, 'logs'));
    expect(readFileSync(join(home, 'logs', 'main.log'), 'utf8')).toContain('Alpha Monitor started');

    // No account yet: the demo starts and its events reach the window.
    await main.waitForRecord(
      'webContents.send',
      (d) =>
        d.channel === EVENT_PREFIX + 'connectionChanged' &&
        (d.payload as { state: string }).state === 'live',
    );
    await main.waitForRecord(
      'webContents.send',
      (d) => d.channel === EVENT_PREFIX + 'orderUpdates',
    );
    // A demo fill is a notice in the window, not an OS notification.
    await main.waitForRecord(
      'webContents.send',
      (d) =>
        d.channel === EVENT_PREFIX + 'notice' && (d.payload as { kind: string }).kind === 'fills',
      { timeoutMs: 120_000 },
    );
    expect(main.all('Notification.show')).toEqual([]);

    // The tray: icons on disk, and its items do what they say.
    expect(main.all('Tray.new')[0]!.data.iconExists).toBe(true);
    await main.waitForRecord('Tray.setContextMenu', (d) =>
      (d.items as MenuItem[]).some((item) => item.label === 'Stop Demo'),
    );
    const beforeStop = main.records.length;
    await main.command('clickTray', { label: 'Stop Demo' });
    await main.waitForRecord(
      'webContents.send',
      (d) =>
        d.channel === EVENT_PREFIX + 'connectionChanged' &&
        (d.payload as { accountId: string; state: string }).accountId === 'demo' &&
        (d.payload as { state: string }).state === 'stopped',
      { since: beforeStop },
    );
    // Closing the window keeps the app in the tray; Show brings it back.
    await main.command('closeWindow');
    await main.waitForRecord('BrowserWindow.hide');
    expect(main.all('BrowserWindow.destroyed')).toEqual([]);
    const beforeShow = main.records.length;
    await main.command('clickTray', { label: 'Show Alpha Monitor' });
    await main.waitForRecord('BrowserWindow.show', undefined, { since: beforeShow });

    // Quit: the window's place is saved, everything is disposed, the process ends by itself.
    await main.command('setBounds', { bounds: { x: 321, y: 123, width: 1111, height: 777 } });
    await main.command('clickTray', { label: 'Quit' });
    expect(await exitsByItself(main)).toBe(0);
    expect(JSON.parse(readFileSync(join(home, 'window-state.json'), 'utf8'))).toMatchObject({
      x: 321,
      y: 123,
      width: 1111,
      height: 777,
    });
    expect(main.all('Tray.destroy')).toHaveLength(1);
    expectNoCrash(main);
  });

  describe('with a simulator account', () => {
    let sim: Simulator;
    const service = `${TEST_KEYCHAIN_SERVICE}-built-main-${randomUUID().slice(0, 8)}`;
    beforeAll(async () => {
      await requireTestKeychain();
      sim = await startSimulator({ port: 0, fillDelayMs: 60_000 });
    });
    afterAll(async () => {
      await sim?.dispose();
      const keytar = await import('@napi-rs/keyring/keytar.js');
      for (const { account } of await keytar.findCredentials(service))
        await keytar.deletePassword(service, account);
    });

    it('adds it through the real Secret Service, goes live, and one fill raises one notification', async () => {
      const home = newHome();
      const main = launch({ home, env: { ALPHA_MONITOR_KEYCHAIN_SERVICE: service } });
      await started(main);
      const account = sim.createAccount();

      const added = await main.invoke<{ account: { id: string } }>('addAccountFromCurl', {
        curl: buildCurl(account.credentials),
        label: 'Sim trader',
        restUrl: sim.restUrl,
        wsUrl: sim.wsUrl,
      });
      if (!added.ok) throw new Error(`addAccountFromCurl failed: ${JSON.stringify(added.error)}`);
      const accountId = added.value.account.id;

      // The session is in the keychain, and nowhere in the data folder's plain files.
      const keytar = await import('@napi-rs/keyring/keytar.js');
      expect((await keytar.findCredentials(service)).length).toBeGreaterThan(0);
      const csrftoken = account.credentials.headers.csrftoken!;
      for (const file of ['accounts.json', 'app-endpoints.json', join('logs', 'main.log')])
        if (existsSync(join(home, file)))
          expect(readFileSync(join(home, file), 'utf8')).not.toContain(csrftoken);

      expect(await main.invoke('startMonitor', { accountId })).toMatchObject({ ok: true });
      await main.waitForRecord('webContents.send', (d) => {
        const view = d.payload as { accountId: string; state: string };
        return (
          d.channel === EVENT_PREFIX + 'connectionChanged' &&
          view.accountId === accountId &&
          view.state === 'live'
        );
      });

      const { workingOrderId } = await placeRestingOto(sim, account);
      sim.orders.fillNow(String(workingOrderId));
      await main.waitForRecord(
        'webContents.send',
        (d) =>
          d.channel === EVENT_PREFIX + 'notice' &&
          (d.payload as { accountId: string; kind: string }).accountId === accountId &&
          (d.payload as { kind: string }).kind === 'fills',
      );
      // The OS notification follows the window's notice; its record may arrive a moment later.
      await main.waitForRecord('Notification.show', (d) => /Sim trader/.test(String(d.body)));
      const ours = main
        .all('Notification.show')
        .filter((r) => /Sim trader/.test(String(r.data.body)));
      expect(ours.map((r) => r.data.title)).toEqual(['Order filled']);

      await main.command('appEmit', { name: 'quit' });
      expect(await exitsByItself(main)).toBe(0);
      expectNoCrash(main);
    });
  });

  it('a second launch during start-up shows the one window, whose IPC works', async () => {
    const main = launch({ home: newHome(), env: { FAKE_ELECTRON_AT_READY: 'second-instance' } });
    await main.waitForRecord('BrowserWindow.show');
    await started(main);
    expect(main.all('BrowserWindow.new')).toHaveLength(1);
    expect(await main.invoke('getAppInfo')).toMatchObject({ ok: true });
    await main.command('appEmit', { name: 'quit' });
    expect(await exitsByItself(main)).toBe(0);
  });

  it('a quit during start-up is honoured: no window, and the process ends by itself', async () => {
    const main = launch({ home: newHome(), env: { FAKE_ELECTRON_AT_READY: 'quit' } });
    expect(await exitsByItself(main)).toBe(0);
    expect(main.all('BrowserWindow.new')).toEqual([]);
    expectNoCrash(main);
  });

  it('another copy running: this one quits at once without a window', async () => {
    const main = launch({ home: newHome(), env: { FAKE_ELECTRON_LOCK: 'denied' } });
    expect(await exitsByItself(main)).toBe(0);
    expect(main.all('BrowserWindow.new')).toEqual([]);
  });

  it.each([
    ['the desktop has no tray (ALPHA_MONITOR_TRAY=off)', { ALPHA_MONITOR_TRAY: 'off' }],
    ['the tray cannot be created', { FAKE_ELECTRON_TRAY: 'fail' }],
  ])('without a tray (%s) the window is shown and closing it quits', async (_name, env) => {
    const main = launch({ home: newHome(), env });
    await main.waitForRecord('BrowserWindow.show');
    await main.command('closeWindow');
    expect(await exitsByItself(main)).toBe(0);
    expect(main.all('BrowserWindow.hide')).toEqual([]);
    expectNoCrash(main);
  });

  it('a packaged app ignores ELECTRON_RENDERER_URL and has no DevTools; from source the dev server gets its relaxed CSP', async () => {
    const devUrl = 'http://localhost:5173/';
    const packaged = launch({
      home: newHome(),
      env: { FAKE_ELECTRON_PACKAGED: '1', ELECTRON_RENDERER_URL: devUrl },
    });
    expect((await packaged.waitForRecord('BrowserWindow.loadURL')).data.url).toMatch(/^file:\/\//);
    const packagedMenu = flatten(
      (await packaged.waitForRecord('Menu.setApplicationMenu')).data.items as MenuItem[],
    );
    expect(packagedMenu.some((item) => item.role === 'toggleDevTools')).toBe(false);
    await started(packaged);
    await packaged.command('appEmit', { name: 'quit' });
    expect(await exitsByItself(packaged)).toBe(0);

    const dev = launch({ home: newHome(), env: { ELECTRON_RENDERER_URL: devUrl } });
    expect((await dev.waitForRecord('BrowserWindow.loadURL')).data.url).toBe(devUrl);
    const devMenu = flatten(
      (await dev.waitForRecord('Menu.setApplicationMenu')).data.items as MenuItem[],
    );
    expect(devMenu.some((item) => item.role === 'toggleDevTools')).toBe(true);
    await started(dev);
    const headers = await dev.command<Record<string, string[]>>('responseHeaders', { url: devUrl });
    expect(headers['Content-Security-Policy']![0]).toContain("script-src 'self' 'unsafe-inline'");
    await dev.command('appEmit', { name: 'quit' });
    expect(await exitsByItself(dev)).toBe(0);
  });

  it('a page that fails to load or crashes gets a message and a reload, or a quit', async () => {
    const home = newHome();
    const main = launch({ home });
    await started(main);
    const loads = () => main.all('BrowserWindow.loadURL').length;
    const firstLoads = loads();

    await main.command('answerNextDialog', { response: 0 });
    await main.command('pageProblem', { kind: 'load-failed' });
    const box = await main.waitForRecord('dialog.showMessageBox');
    expect(box.data.buttons).toEqual(['Reload', 'Quit']);
    expect(String(box.data.detail)).toContain('ERR_NAME_NOT_RESOLVED');
    expect(String(box.data.detail)).toContain(join(home, 'logs', 'main.log'));
    await main.waitForRecord('BrowserWindow.loadURL', undefined, {
      since: main.records.indexOf(box),
    });
    expect(loads()).toBe(firstLoads + 1);

    const beforeCrash = main.records.length;
    await main.command('answerNextDialog', { response: 1 });
    await main.command('pageProblem', { kind: 'crashed' });
    const crashBox = await main.waitForRecord('dialog.showMessageBox', undefined, {
      since: beforeCrash,
    });
    expect(String(crashBox.data.detail)).toContain('crashed');
    expect(await exitsByItself(main)).toBe(0);
    expectNoCrash(main);
  });
});
