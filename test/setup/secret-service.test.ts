import { AsyncEntry } from '@napi-rs/keyring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTestKeychain, startPrivateSecretService } from './secret-service.ts';

// The suite's private keychain must survive gnome-keyring-daemon dying mid-run (it aborted
// with SIGTRAP once and every later keychain test failed). This file starts its own private
// bus and daemon, so killing that daemon does not disturb the other test files.
describe.runIf(process.platform === 'linux')('private test keychain', () => {
  let service: Awaited<ReturnType<typeof startPrivateSecretService>>;
  const env = { ALPHA_MONITOR_TEST_KEYCHAIN: 'private' };
  const entry = () =>
    new AsyncEntry('alpha-monitor-test-restart', 'acct', { linux: { store: 'secret-service' } });

  beforeAll(async () => {
    service = await startPrivateSecretService();
  });
  afterAll(async () => {
    await service?.teardown();
  });

  it('comes back after the daemon is killed, with what was stored before', async () => {
    await entry().setPassword('kept across the restart');
    const killed = service.keyringPid();
    expect(killed).toBeTypeOf('number');
    process.kill(killed!, 'SIGKILL');

    await requireTestKeychain(env);

    expect(service.keyringPid()).not.toBe(killed);
    expect(await entry().getPassword()).toBe('kept across the restart');
    await entry().deletePassword();
  });
});
