import { describe, expect, it } from 'vitest';
import { systemTrayAvailable } from './tray-support.ts';

describe('systemTrayAvailable', () => {
  it('obeys ALPHA_MONITOR_TRAY on every platform', async () => {
    expect(await systemTrayAvailable({ ALPHA_MONITOR_TRAY: 'off' }, 'darwin')).toBe(false);
    expect(await systemTrayAvailable({ ALPHA_MONITOR_TRAY: 'ON' }, 'linux')).toBe(true);
  });

  it('assumes a tray on macOS and Windows', async () => {
    expect(await systemTrayAvailable({}, 'darwin')).toBe(true);
    expect(await systemTrayAvailable({}, 'win32')).toBe(true);
  });

  it('on Linux without a reachable session bus there is no tray host', async () => {
    const env = { PATH: process.env.PATH, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    expect(await systemTrayAvailable(env, 'linux')).toBe(false);
  });

  it('on Linux without dbus-send it cannot tell and assumes a tray', async () => {
    expect(await systemTrayAvailable({ PATH: '/nonexistent' }, 'linux')).toBe(true);
  });
});
