import { Notification, dialog, type BrowserWindow } from 'electron';
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

/**
 * OS notifications; clicking one shows the window and the order. Each notification is kept
 * referenced until it is closed or clicked: an unreferenced one can be garbage-collected
 * while on screen, and its click is then lost.
 */
export function createElectronNotifier(showWindow: () => void): Notifier {
  const onScreen = new Set<Notification>();
  return {
    show(notice, onClick) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({
        title: notice.title,
        body: notice.body,
        // A person must act on these: they make a sound.
        silent: notice.kind !== 'session-failure' && notice.kind !== 'strategy-stopped',
      });
      onScreen.add(notification);
      const forget = () => onScreen.delete(notification);
      notification.on('close', forget);
      notification.on('failed', forget);
      notification.on('click', () => {
        forget();
        showWindow();
        onClick();
      });
      notification.show();
    },
  };
}
