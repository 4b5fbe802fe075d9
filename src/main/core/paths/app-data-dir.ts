import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder name under the platform's config directory; matches Electron's `userData`. */
export const APP_DIR_NAME = 'alpha-monitor';

/** Environment variable that overrides the data folder (tests, headless servers, portable use). */
export const HOME_ENV_VAR = 'ALPHA_MONITOR_HOME';

/**
 * The app's data folder (account metadata, journals, settings). `ALPHA_MONITOR_HOME` wins;
 * otherwise the platform's config directory, the same place Electron puts `userData` for an
 * app named alpha-monitor, so the CLI and the desktop app share one folder:
 * - Linux: `$XDG_CONFIG_HOME/alpha-monitor`, default `~/.config/alpha-monitor`
 * - macOS: `~/Library/Application Support/alpha-monitor`
 * - Windows: `%APPDATA%\alpha-monitor`
 */
export function resolveAppDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env[HOME_ENV_VAR];
  if (override !== undefined && override.trim() !== '') return override;
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_DIR_NAME);
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
    default:
      // Linux and the BSDs follow the XDG base directory spec, as Electron does.
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME);
  }
}
