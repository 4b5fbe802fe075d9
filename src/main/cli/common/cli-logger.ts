import {
  createStreamLogger,
  levelAtLeast,
  nullLogger,
  type Logger,
} from '../../core/ports/logger.ts';
import type { CliContext } from './cli-context.ts';

/** `--verbose`, accepted by every command that logs. */
export const VERBOSE_OPTION = { verbose: { type: 'boolean' } } as const;

/**
 * The log of a command. Human output shows friendly lines only: the raw entries
 * (`… WARN [watch file] stream connection lost {"reason":{"code":"NETWORK",…}}`), each with its
 * component and account, go to the CLI log file (all levels) and to stderr only with
 * `--verbose` (from info level up). `--json` output keeps its codes on stdout either way.
 */
export function createCliLogger(
  context: Pick<CliContext, 'stderr' | 'logFile'>,
  verbose: boolean,
  component: string,
): Logger {
  const { logFile } = context;
  if (!verbose && logFile === undefined) return nullLogger;
  return createStreamLogger({
    minLevel: 'debug',
    write: (line, level) => {
      logFile?.write(line);
      if (verbose && levelAtLeast(level, 'info')) context.stderr(line + '\n');
    },
    bindings: { component },
  });
}
