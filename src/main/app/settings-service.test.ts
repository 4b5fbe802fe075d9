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

  it('keeps both of two changes made at once (theme and language clicked in quick succession)', async () => {
    root = await mkdtemp(join(tmpdir(), 'am-settings-'));
    const settings = new SettingsService(root, nullLogger);
    await settings.load();
    const [first, second] = await Promise.all([
      settings.update({ theme: 'light' }),
      settings.update({ language: 'zh-CN' }),
    ]);
    expect(first.theme).toBe('light');
    expect(second).toMatchObject({ theme: 'light', language: 'zh-CN' });
    expect(settings.get()).toMatchObject({ theme: 'light', language: 'zh-CN' });
    const again = new SettingsService(root, nullLogger);
    await again.load();
    expect(again.get()).toMatchObject({ theme: 'light', language: 'zh-CN' });
  });
});
