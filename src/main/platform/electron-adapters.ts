import { Menu, Notification, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { ExportTarget, Notifier } from '../app/ports.ts';

/** Exports go where the user picks in the native save dialog. */
export function createDialogExportTarget(
  window: () => BrowserWindow | null,
  defaultDir: string,
): ExportTarget {
  return {
    async choose(suggestedName) {
      const parent = window();
      const options = {
        defaultPath: join(defaultDir, suggestedName),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      };
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      const path = result.filePath;
      return { path, finish: (rows) => ({ kind: 'saved', path, rows }) };
    },
  };
}

/** OS notifications; clicking one shows the window and the order. */
export function createElectronNotifier(showWindow: () => void): Notifier {
  return {
    show(notice, onClick) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({
        title: notice.title,
        body: notice.body,
        silent: notice.kind !== 'session-failure',
      });
      notification.on('click', () => {
        showWindow();
        onClick();
      });
      notification.show();
    },
  };
}

/** The app menu with the usual roles. */
export function installAppMenu(): void {
  const isMac = process.platform === 'darwin';
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(isMac ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
      { role: 'help', submenu: [{ role: 'about' as const }] },
    ]),
  );
}
