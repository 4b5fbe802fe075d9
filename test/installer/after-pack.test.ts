import { join } from 'node:path';
import { FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { createAfterPack, type PackedApp } from '../../build/after-pack.mjs';

const APP_OUT_DIR = join('dist', 'unpacked');

/** The fuses every packaged build must have, written out here rather than imported from the hook. */
const EXPECTED_FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
};

function packedApp(electronPlatformName: string, arch: Arch): PackedApp {
  return {
    appOutDir: APP_OUT_DIR,
    electronPlatformName,
    arch,
    packager: {
      appInfo: { productFilename: 'Alpha Monitor' },
      ...(electronPlatformName === 'linux' ? { executableName: 'alpha-monitor-desktop' } : {}),
    },
  };
}

/** Runs the hook with a recording flipFuses; returns what it was asked to flip. */
async function flipsFor(context: PackedApp): Promise<Array<{ path: string; config: FuseConfig }>> {
  const calls: Array<{ path: string; config: FuseConfig }> = [];
  await createAfterPack(async (path, config) => {
    calls.push({ path, config });
  })(context);
  return calls;
}

describe('afterPack: Electron fuses', () => {
  it.each([
    ['linux', Arch.x64, join(APP_OUT_DIR, 'alpha-monitor-desktop'), false],
    ['linux', Arch.arm64, join(APP_OUT_DIR, 'alpha-monitor-desktop'), false],
    ['win32', Arch.x64, join(APP_OUT_DIR, 'Alpha Monitor.exe'), false],
    ['darwin', Arch.x64, join(APP_OUT_DIR, 'Alpha Monitor.app'), false],
    // Patching breaks the ad-hoc signature an arm64 macOS binary needs in order to start.
    ['darwin', Arch.arm64, join(APP_OUT_DIR, 'Alpha Monitor.app'), true],
    ['darwin', Arch.universal, join(APP_OUT_DIR, 'Alpha Monitor.app'), true],
  ])(
    '%s (arch %s): flips exactly the six fuses once, on %s',
    async (platform, arch, path, adHoc) => {
      const calls = await flipsFor(packedApp(platform, arch));

      expect(calls).toStrictEqual([
        {
          path,
          config: { version: FuseVersion.V1, resetAdHocDarwinSignature: adHoc, ...EXPECTED_FUSES },
        },
      ]);
    },
  );

  it('refuses a platform it has no binary path for, instead of packaging without fuses', async () => {
    await expect(flipsFor(packedApp('aix', Arch.x64))).rejects.toThrow(/"aix"/);
  });
});
