import { setupSecretService } from './secret-service.ts';

/**
 * Vitest global setup. Each concern registers its own setup here so that one file shows
 * everything the suite starts before the first test (and stops after the last).
 */
export default async function setup(): Promise<() => Promise<void>> {
  const teardowns: Array<() => Promise<void> | void> = [];
  // A private D-Bus session + gnome-keyring on Linux when no Secret Service is reachable.
  teardowns.push(await setupSecretService());
  return async () => {
    for (const teardown of teardowns.reverse()) await teardown();
  };
}
