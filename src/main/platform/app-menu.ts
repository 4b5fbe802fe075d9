import { Menu, shell, type MenuItemConstructorOptions } from 'electron';

/**
 * The app menu with the usual roles. Reload and DevTools only when running from source
 * (`npm run dev` / `npm start`), never in a packaged app; Help opens the logs folder.
 */
export function installAppMenu(options: { developer: boolean; logsDir: string }): void {
  const isMac = process.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    ...(options.developer
      ? ([
          { role: 'reload' },
          { role: 'forceReload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] as const)
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(isMac ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { label: 'View', submenu: view },
      { role: 'windowMenu' },
      {
        role: 'help',
        submenu: [
          { label: 'Open logs folder', click: () => void shell.openPath(options.logsDir) },
          { type: 'separator' },
          { role: 'about' },
        ],
      },
    ]),
  );
}
