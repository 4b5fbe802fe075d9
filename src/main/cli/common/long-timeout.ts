/** Node's timers hold at most 2^31 − 1 ms (24.8 days); a longer delay fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `onDone` after `delayMs`, however long: a delay beyond Node's timer limit waits in
 * chunks. Returns a function that cancels it.
 */
export function setLongTimeout(delayMs: number, onDone: () => void): () => void {
  let remainingMs = delayMs;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    if (remainingMs <= 0) {
      timer = undefined;
      onDone();
      return;
    }
    const chunkMs = Math.min(remainingMs, MAX_TIMER_MS);
    remainingMs -= chunkMs;
    timer = setTimeout(arm, chunkMs);
  };
  arm();
  return () => clearTimeout(timer);
}
