/**
 * One place for errors nobody awaited or caught: a listener that threw, a fire-and-forget
 * promise that rejected. As VS Code's `onUnexpectedError`: the composition root (Electron
 * main, the CLI, the browser host) points it at its logger; until then it writes to the
 * console, so a failure is never silent.
 */
export interface UnexpectedErrorContext {
  /** The part that was running (an emitter's name, e.g. `stream-session.state`). */
  component?: string;
  account?: string;
}

export type UnexpectedErrorHandler = (
  error: unknown,
  origin: string,
  context: UnexpectedErrorContext,
) => void;

const toConsole: UnexpectedErrorHandler = (error, origin, context) =>
  console.error(
    `Unexpected error (${origin}${context.component ? `, ${context.component}` : ''}):`,
    error,
  );

let handler: UnexpectedErrorHandler = toConsole;

/** Reports an error that escaped its caller. `origin` names where (e.g. `event listener`). */
export function onUnexpectedError(
  error: unknown,
  origin = 'unknown',
  context: UnexpectedErrorContext = {},
): void {
  try {
    handler(error, origin, context);
  } catch {
    // A failing handler must not turn one lost error into a crash.
  }
}

/** Sets where unexpected errors go; returns a function that restores the previous handler. */
export function setUnexpectedErrorHandler(next: UnexpectedErrorHandler): () => void {
  const previous = handler;
  handler = next;
  return () => {
    handler = previous;
  };
}
