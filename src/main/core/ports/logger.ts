import { maskKnownListenKeys } from '../../../shared/secrets/listen-key-registry.ts';

/**
 * Structured logging, injected. Callers pass secrets only through the masking helpers in
 * src/shared/secrets/mask.ts; a Logger never sees a cookie value, csrftoken or full listen key.
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Discards everything (the default in tests and quiet CLI modes). */
export const nullLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Writes one line per entry to a stream (stderr by default), at or above `minLevel`. */
export function createStreamLogger(options: {
  minLevel?: LogLevel;
  write?: (line: string) => void;
}): Logger {
  const minLevel = LEVEL_ORDER[options.minLevel ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const log = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (LEVEL_ORDER[level] < minLevel) return;
    const suffix = fields && Object.keys(fields).length > 0 ? ' ' + JSON.stringify(fields) : '';
    // By value as well: a field may echo an error message or a frame holding a key.
    write(
      maskKnownListenKeys(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${suffix}`),
    );
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
