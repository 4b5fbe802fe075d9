/**
 * Polls `condition` until it holds, for tests. The timeout is a generous bound against a hung
 * test, never a measurement: on two busy cores things take long, and that is not a failure.
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${options.what ?? 'a condition'}`,
      );
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
