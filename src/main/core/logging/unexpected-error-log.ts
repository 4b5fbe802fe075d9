import { setUnexpectedErrorHandler } from '../../../shared/errors/unexpected-error.ts';
import type { Logger } from '../ports/logger.ts';

/**
 * Points `onUnexpectedError` (listener errors, promises nobody awaited) at `logger`: one
 * `unexpected error` entry at error level with where it came from, the component and the
 * stack. Every composition root calls this; returns the undo.
 */
export function logUnexpectedErrors(logger: Logger): () => void {
  return setUnexpectedErrorHandler((error, origin, context) => {
    const entryLogger =
      context.component !== undefined || context.account !== undefined
        ? logger.child({ component: context.component, account: context.account })
        : logger;
    entryLogger.error('unexpected error', {
      origin,
      error: error instanceof Error ? error.message : String(error),
      ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
    });
  });
}
