import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nullLogger } from '../core/ports/logger.ts';
import { SettingsService } from './settings-service.ts';

describe('SettingsService', () => {
  let root: string | undefined;
  afterEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('creates a first-run data folder readable by its owner only, and keeps what was changed', async () => {
    root = await mkdtemp(join(tmpdir(), 'am-settings-'));
    const dataDir = join(root, 'alpha-monitor');
    const settings = new SettingsService(dataDir, nullLogger);
    await settings.load();
    await settings.update({ theme: 'light' });
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);

    const again = new SettingsService(dataDir, nullLogger);
    await again.load();
    expect(again.get().theme).toBe('light');
  });
});
