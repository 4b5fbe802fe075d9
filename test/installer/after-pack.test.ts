import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';
import { Arch } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import {
  assertKeyringPacked,
  createAfterPack,
  keyringPackages,
  resourcesPath,
  type PackedApp,
} from '../../build/after-pack.mjs';

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

function packedApp(electronPlatformName: string, arch: Arch, appOutDir = APP_OUT_DIR): PackedApp {
  return {
    appOutDir,
    electronPlatformName,
    arch,
    packager: {
      appInfo: { productFilename: 'Alpha Monitor' },
      ...(electronPlatformName === 'linux' ? { executableName: 'alpha-monitor-desktop' } : {}),
    },
  };
}

/** Runs the hook with a recording flipFuses (keychain check passed); returns what it flipped. */
async function flipsFor(context: PackedApp): Promise<Array<{ path: string; config: FuseConfig }>> {
  const calls: Array<{ path: string; config: FuseConfig }> = [];
  await createAfterPack(
    async (path, config) => {
      calls.push({ path, config });
    },
    async () => {},
  )(context);
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

describe('afterPack: the keychain native binary', () => {
  it.each([
    ['linux', Arch.x64, ['@napi-rs/keyring-linux-x64-gnu']],
    ['linux', Arch.arm64, ['@napi-rs/keyring-linux-arm64-gnu']],
    ['win32', Arch.x64, ['@napi-rs/keyring-win32-x64-msvc']],
    ['win32', Arch.arm64, ['@napi-rs/keyring-win32-arm64-msvc']],
    ['darwin', Arch.x64, ['@napi-rs/keyring-darwin-x64']],
    ['darwin', Arch.arm64, ['@napi-rs/keyring-darwin-arm64']],
    ['darwin', Arch.universal, ['@napi-rs/keyring-darwin-x64', '@napi-rs/keyring-darwin-arm64']],
  ])('%s (arch %s) needs %j', (platform, arch, names) => {
    expect(keyringPackages(platform, arch)).toStrictEqual(names);
  });

  it.each([
    ['linux', Arch.x64],
    ['win32', Arch.x64],
    ['darwin', Arch.arm64],
  ])(
    '%s (arch %s): passes with the .node unpacked, fails the build without it',
    async (platform, arch) => {
      const appOutDir = await mkdtemp(join(tmpdir(), 'alpha-monitor-after-pack-'));
      try {
        const context = packedApp(platform, arch, appOutDir);
        const [name] = keyringPackages(platform, arch);
        const dir = join(resourcesPath(context), 'app.asar.unpacked', 'node_modules', name!);
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, 'package.json'), '{}\n');
        await expect(assertKeyringPacked(context)).rejects.toThrow(name);
        await writeFile(join(dir, 'keyring.node'), '\n');
        await expect(assertKeyringPacked(context)).resolves.toBeUndefined();
      } finally {
        await rm(appOutDir, { recursive: true, force: true });
      }
    },
  );

  it('runs before the fuses are flipped, so a build without the binary stops', async () => {
    const flipped: string[] = [];
    const afterPack = createAfterPack(
      async (path) => {
        flipped.push(path);
      },
      async () => {
        throw new Error('no keychain binary');
      },
    );
    await expect(afterPack(packedApp('linux', Arch.x64))).rejects.toThrow('no keychain binary');
    expect(flipped).toStrictEqual([]);
  });
});
