import { join } from 'node:path';
import { maskKnownListenKeys } from '../../../shared/secrets/listen-key-registry.ts';
import { redactSecrets } from '../../../shared/secrets/mask.ts';
import type { SessionCredentials } from '../../core/credentials/session-credentials.ts';
import { openRotatingLogFile, type RotatingLogFile } from '../../core/logging/rotating-log-file.ts';
import { resolveAppDataDir } from '../../core/paths/app-data-dir.ts';
import type { Lang } from '../i18n/lang.ts';
import { logFileMessages } from '../i18n/log-file-messages.ts';

/** 5 MiB, then `cli.log` becomes `cli.1.log` (the one older file kept). */
export const CLI_LOG_MAX_BYTES = 5 * 1024 * 1024;
export const CLI_LOG_KEEP_FILES = 1;

/**
 * The command line's log file, `<data folder>/logs/cli.log`: every raw log line of every
 * command (all levels), whether or not `--verbose` also shows them on stderr.
 */
export interface CliLogFile {
  readonly path: string;
  /** Appends a line with every known listen key masked and every session value removed. */
  write(line: string): void;
  /** The session's values (header values, cookie values) are removed from later lines. */
  hideCredentials(credentials: SessionCredentials): void;
}

/**
 * Opens the log file on its first line (a `--help` creates nothing). A full disk or a folder
 * it may not write gives one `warn` in the user's language; the command goes on, and lines are
 * dropped until a write succeeds again. The writer is the desktop app's (rotating-log-file.ts).
 */
export function openCliLogFile(options: {
  env: NodeJS.ProcessEnv;
  lang: Lang;
  warn: (text: string) => void;
  maxBytes?: number;
}): CliLogFile {
  const dir = join(resolveAppDataDir(options.env), 'logs');
  const path = join(dir, 'cli.log');
  const values = new Set<string>();
  let file: RotatingLogFile | undefined;
  return {
    path,
    write(line) {
      file ??= openRotatingLogFile({
        dir,
        name: 'cli',
        maxBytes: options.maxBytes ?? CLI_LOG_MAX_BYTES,
        keepFiles: CLI_LOG_KEEP_FILES,
        onError: (error) =>
          options.warn(logFileMessages(options.lang).cannotWrite(path, reasonOf(error)) + '\n'),
      });
      file.write(redactSecrets(maskKnownListenKeys(line), { values: [...values] }));
    },
    hideCredentials(credentials) {
      for (const value of Object.values(credentials.headers)) values.add(value);
      for (const pair of credentials.cookies.split(';')) {
        const value = pair.slice(pair.indexOf('=') + 1).trim();
        if (value !== '') values.add(value);
      }
    },
  };
}

/** `ENOSPC`, `EACCES`, …: the system's code says it in any language. */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}
