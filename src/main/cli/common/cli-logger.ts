import { createStreamLogger, nullLogger, type Logger } from '../../core/ports/logger.ts';
import type { CliContext } from './cli-context.ts';

/** `--verbose`, accepted by every command that logs. */
export const VERBOSE_OPTION = { verbose: { type: 'boolean' } } as const;

/**
 * The log of a command. Human output shows friendly lines only: the raw entries
 * (`… WARN stream connection lost {"reason":{"code":"NETWORK",…}}`) go to stderr only with
 * `--verbose` (from info level up, each with its component and account). `--json` output
 * keeps its codes on stdout either way.
 */
export function createCliLogger(
  context: Pick<CliContext, 'stderr'>,
  verbose: boolean,
  component: string,
): Logger {
  if (!verbose) return nullLogger;
  return createStreamLogger({
    minLevel: 'info',
    write: (line) => context.stderr(line + '\n'),
    bindings: { component },
  });
}
