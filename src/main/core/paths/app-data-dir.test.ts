import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resolveAppDataDir } from './app-data-dir.ts';

describe('resolveAppDataDir', () => {
  it('uses ALPHA_MONITOR_HOME when set, on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(resolveAppDataDir({ ALPHA_MONITOR_HOME: '/tmp/am' }, platform, '/home/u')).toBe(
        '/tmp/am',
      );
    }
  });

  it('ignores an empty override', () => {
    expect(resolveAppDataDir({ ALPHA_MONITOR_HOME: ' ' }, 'linux', '/home/u')).toBe(
      join('/home/u', '.config', 'alpha-monitor'),
    );
  });

  it('follows XDG_CONFIG_HOME on Linux', () => {
    expect(resolveAppDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/u')).toBe(
      join('/cfg', 'alpha-monitor'),
    );
  });

  it('matches Electron userData on macOS and Windows', () => {
    expect(resolveAppDataDir({}, 'darwin', '/Users/u')).toBe(
      join('/Users/u', 'Library', 'Application Support', 'alpha-monitor'),
    );
    expect(
      resolveAppDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u'),
    ).toBe(join('C:\\Users\\u\\AppData\\Roaming', 'alpha-monitor'));
  });
});
