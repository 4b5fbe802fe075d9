import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_ALERT_SETTINGS,
  parseAlertSettings,
  type AlertSettings,
} from '../../../shared/alerts/alert-settings.ts';
import { CodedError } from '../../../shared/errors/coded-error.ts';
import { writeJsonFileAtomic } from '../files/atomic-json-file.ts';

/** The app's alerts settings inside its data folder (the CLI reads the same file). */
export const ALERTS_FILE_NAME = 'alerts.json';

export function alertsFilePath(dataDir: string): string {
  return join(dataDir, ALERTS_FILE_NAME);
}

/** A settings file that cannot be used; `problem` names the field. Never holds a secret. */
export class AlertSettingsFileError extends CodedError<
  'ALERT_SETTINGS_INVALID',
  { path: string; problem: string }
> {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super('ALERT_SETTINGS_INVALID', `${path}: ${problem}`, { params: { path, problem } });
    this.name = 'AlertSettingsFileError';
  }
}

/**
 * Reads an alerts settings file: missing keys take the defaults; a missing file (when
 * `missingOk`) is the defaults. Throws AlertSettingsFileError for anything else.
 */
export async function readAlertSettingsFile(
  path: string,
  options: { missingOk: boolean },
): Promise<AlertSettings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && options.missingOk) return structuredClone(DEFAULT_ALERT_SETTINGS);
    throw new AlertSettingsFileError(
      path,
      code === 'ENOENT' ? 'no such file' : `cannot read (${code})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AlertSettingsFileError(path, 'not valid JSON');
  }
  const parsed = parseAlertSettings(json);
  if (!parsed.ok) throw new AlertSettingsFileError(path, parsed.problem);
  return parsed.value;
}

/**
 * Writes the file atomically, mode 600 in a 700 folder (it may hold a Telegram bot token, so
 * an old file's wider mode is not kept). Throws FileWriteError (DISK_FULL, FILE_WRITE_FAILED).
 */
export async function writeAlertSettingsFile(path: string, settings: AlertSettings): Promise<void> {
  await writeJsonFileAtomic(path, settings, { preserveMode: false });
}
