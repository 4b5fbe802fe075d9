import { execFile } from 'node:child_process';

/** `on` / `off` force the tray; `auto` (the default) asks the desktop. */
export const TRAY_ENV_VAR = 'ALPHA_MONITOR_TRAY';

/**
 * Whether a tray icon will be visible. macOS and Windows always have one. On Linux, Electron
 * shows it through a StatusNotifierItem host (KDE, Cinnamon, XFCE, GNOME with the AppIndicator
 * extension); plain GNOME has none, and an app hidden to an invisible tray cannot be found
 * again. We ask the session bus whether a StatusNotifierWatcher exists; when the question
 * cannot be asked (no dbus-send), we assume a tray, as older XEmbed desktops have one.
 */
export async function systemTrayAvailable(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Promise<boolean> {
  const forced = env[TRAY_ENV_VAR]?.trim().toLowerCase();
  if (forced === 'on') return true;
  if (forced === 'off') return false;
  if (platform !== 'linux') return true;
  return new Promise((resolve) => {
    execFile(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--reply-timeout=1000',
        '--dest=org.freedesktop.DBus',
        '/org/freedesktop/DBus',
        'org.freedesktop.DBus.NameHasOwner',
        'string:org.kde.StatusNotifierWatcher',
      ],
      { timeout: 2_000, env },
      (error, stdout) => {
        if (error) {
          // No dbus-send: cannot tell, assume a tray. No session bus: no tray host either.
          resolve((error as NodeJS.ErrnoException).code === 'ENOENT');
          return;
        }
        resolve(/boolean true/.test(stdout));
      },
    );
  });
}
