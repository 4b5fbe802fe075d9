/**
 * One place for errors nobody awaited or caught: a listener that threw, a fire-and-forget
 * promise that rejected. As VS Code's `onUnexpectedError`: the composition root (Electron
 * main, the CLI, the browser host) points it at its logger; until then it writes to the
 * console, so a failure is never silent.
 */
export type UnexpectedErrorHandler = (error: unknown, origin: string) => void;

const toConsole: UnexpectedErrorHandler = (error, origin) =>
  console.error(`Unexpected error (${origin}):`, error);

let handler: UnexpectedErrorHandler = toConsole;

/** Reports an error that escaped its caller. `origin` names where (e.g. `emitter`). */
export function onUnexpectedError(error: unknown, origin = 'unknown'): void {
  try {
    handler(error, origin);
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
