/**
 * Vitest global setup. Each concern registers its own setup here so that one file shows
 * everything the suite starts before the first test (and stops after the last).
 */
export default async function setup(): Promise<() => Promise<void>> {
  const teardowns: Array<() => Promise<void> | void> = [];
  return async () => {
    for (const teardown of teardowns.reverse()) await teardown();
  };
}
