/**
 * Polls `condition` until it holds, for tests. The timeout is a generous bound against a hung
 * test, never a measurement: on two busy cores things take long, and that is not a failure.
 * A condition that throws ends the wait with its error. `what` names the awaited thing in the
 * timeout error; as a function it is asked only then (e.g. to add what a process printed).
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; intervalMs?: number; what?: string | (() => string) } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) {
      const what = typeof options.what === 'function' ? options.what() : options.what;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what ?? 'a condition'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
