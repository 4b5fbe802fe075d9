import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../test/fakes/memory-secret-store.ts';
import { sampleCurl } from '../core/accounts/testing/curl-samples.ts';
import { systemClock } from '../core/ports/clock.ts';
import { nullLogger } from '../core/ports/logger.ts';
import { AccountsAdapter } from './accounts-adapter.ts';

describe('AccountsAdapter: where an added account may connect', () => {
  let dataDir: string | undefined;
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['a local Unix socket', { wsUrl: 'ws+unix:///var/run/docker.sock' }],
    ['plain http to another machine', { restUrl: 'http://exchange.example' }],
  ])('refuses %s before the session is sent anywhere, and stores nothing', async (_name, urls) => {
    dataDir = await mkdtemp(join(tmpdir(), 'am-adapter-'));
    const secrets = new MemorySecretStore();
    const adapter = new AccountsAdapter({
      dataDir,
      secrets,
      clock: systemClock,
      logger: nullLogger,
    });
    await expect(
      adapter.addFromCurl({ curl: sampleCurl({ browser: 'chrome', shell: 'bash' }), ...urls }),
    ).rejects.toMatchObject({ code: 'INVALID_ENDPOINT' });
    expect(await adapter.list()).toEqual([]);
    expect(await readdir(dataDir)).toEqual([]);
  });
});
