import { setupSecretService } from '../test/setup/secret-service.ts';

/**
 * The browser host stores account secrets in the OS keychain. On a Linux machine without a
 * Secret Service (CI, this container) the same private D-Bus + gnome-keyring the unit tests
 * use is started here; the hosts the specs spawn inherit its address from the environment.
 * A separate keychain service name keeps a developer's real entries out of reach.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  process.env.ALPHA_MONITOR_KEYCHAIN_SERVICE = 'alpha-monitor-e2e';
  const teardown = await setupSecretService();
  const state = process.env.ALPHA_MONITOR_TEST_KEYCHAIN ?? 'unknown';
  if (state.startsWith('unavailable'))
    console.log(`[e2e] no keychain for the host (${state}); adding accounts will fail`);
  return teardown;
}
