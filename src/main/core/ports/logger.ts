import { maskKnownListenKeys } from '../../../shared/secrets/listen-key-registry.ts';

/** What a child logger adds to every entry: whose (account) and which part (component). */
export interface LogBindings {
  account?: string;
  component?: string;
  [field: string]: string | number | undefined;
}

/**
 * Structured logging, injected. Callers pass secrets only through the masking helpers in
 * src/shared/secrets/mask.ts; a Logger never sees a cookie value, csrftoken or full listen key.
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger whose entries also carry `bindings` (e.g. `{ account, component }`). */
  child(bindings: LogBindings): Logger;
}

/** Discards everything (the default in tests and quiet CLI modes). */
export const nullLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => nullLogger,
};

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** True when `level` is `min` or more severe. */
export function levelAtLeast(level: LogLevel, min: LogLevel): boolean {
  return LEVEL_ORDER[level] >= LEVEL_ORDER[min];
}

/**
 * Writes one line per entry to a stream (stderr by default), at or above `minLevel`:
 * `<time> <LEVEL> [<component> <account>] <message> {fields}`.
 */
export function createStreamLogger(options: {
  minLevel?: LogLevel;
  /** Where a line goes (stderr by default); `level` lets one writer send levels apart. */
  write?: (line: string, level: LogLevel) => void;
  bindings?: LogBindings;
}): Logger {
  const minLevel = LEVEL_ORDER[options.minLevel ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const { account, component, ...boundFields } = options.bindings ?? {};
  const tag = [component, account].filter((part) => part !== undefined).join(' ');
  const prefix = tag === '' ? '' : `[${tag}] `;
  const log = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (LEVEL_ORDER[level] < minLevel) return;
    const all = { ...boundFields, ...fields };
    const suffix = Object.keys(all).length > 0 ? ' ' + JSON.stringify(all) : '';
    // By value as well: a field may echo an error message or a frame holding a key.
    write(
      maskKnownListenKeys(
        `${new Date().toISOString()} ${level.toUpperCase()} ${prefix}${message}${suffix}`,
      ),
      level,
    );
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (bindings) =>
      createStreamLogger({ ...options, bindings: { ...options.bindings, ...defined(bindings) } }),
  };
}

/** The bindings that have a value (an undefined one never hides the parent's). */
function defined(bindings: LogBindings): LogBindings {
  return Object.fromEntries(Object.entries(bindings).filter(([, value]) => value !== undefined));
}
