/**
 * electron-builder `afterPack` hook: flips the Electron fuses of the packaged app.
 *
 * It runs after the app is copied into the unpacked Electron and before signing, so a signed
 * build signs the flipped binary. Fuses are bits compiled into the Electron binary; flipping
 * them turns off the ways a packaged app could be driven as something else:
 * - RunAsNode off: `ELECTRON_RUN_AS_NODE=1 "Alpha Monitor"` is not a Node runtime that can
 *   read the keychain entries the app is allowed to read;
 * - NODE_OPTIONS and `--inspect` off: no code injected at start-up, no debugger attached;
 * - the app loads only from its asar, whose header hash is checked (macOS and Windows; the
 *   hash is embedded by electron-builder), so the JavaScript cannot be swapped next to it;
 * - cookies encrypted at rest with the OS keychain.
 *
 * First it checks that the keychain's native binary (the @napi-rs/keyring package for the
 * target, copied by the platform `files` rules in electron-builder.yml) is in
 * app.asar.unpacked: without it the app cannot use the OS keychain at all, so the build fails.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { flipFuses as electronFlipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { Arch } from 'electron-builder';

/** The fuse settings for every packaged build. */
export const FUSES = Object.freeze({
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
});

/**
 * The file @electron/fuses patches: the `.app` bundle on macOS (it finds the Electron
 * Framework inside), the `.exe` on Windows, the renamed `electron` executable on Linux.
 */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack: no Electron binary path known for "${electronPlatformName}"`);
  }
}

/**
 * The @napi-rs/keyring platform packages a target needs (the `files` rules of
 * electron-builder.yml copy the same names): darwin-<arch>, win32-<arch>-msvc,
 * linux-<arch>-gnu (Electron is glibc-only); a universal macOS app needs both darwin ones.
 */
export function keyringPackages(electronPlatformName, arch) {
  const archName = Arch[arch];
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return arch === Arch.universal
        ? ['@napi-rs/keyring-darwin-x64', '@napi-rs/keyring-darwin-arm64']
        : [`@napi-rs/keyring-darwin-${archName}`];
    case 'win32':
      return [`@napi-rs/keyring-win32-${archName}-msvc`];
    case 'linux':
      return [`@napi-rs/keyring-linux-${archName}-gnu`];
    default:
      throw new Error(`after-pack: no keychain package known for "${electronPlatformName}"`);
  }
}

/** The packaged app's resources folder (where app.asar and app.asar.unpacked are). */
export function resourcesPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  return electronPlatformName === 'darwin' || electronPlatformName === 'mas'
    ? join(appOutDir, `${packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
    : join(appOutDir, 'resources');
}

/** Fails unless every keychain package of the target has its .node in app.asar.unpacked. */
export async function assertKeyringPacked(context) {
  for (const name of keyringPackages(context.electronPlatformName, context.arch)) {
    const dir = join(resourcesPath(context), 'app.asar.unpacked', 'node_modules', name);
    const files = await readdir(dir).catch(() => []);
    if (!files.some((file) => file.endsWith('.node'))) {
      throw new Error(
        `after-pack: the keychain's native binary ${name} is not in ${dir}; ` +
          `install it (npm installs only this machine's platform package) and build this ` +
          `platform and arch on a matching machine`,
      );
    }
  }
}

/**
 * The hook, with the fuse flipper and the keychain check injected (tests pass a recorder; builds use @electron/fuses).
 * Patching the binary breaks the ad-hoc signature every arm64 macOS binary needs to start, so
 * there it is redone; a real signing identity signs again afterwards.
 */
export function createAfterPack(flipFuses = electronFlipFuses, checkKeyring = assertKeyringPacked) {
  return async function afterPack(context) {
    await checkKeyring(context);
    const isMac =
      context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
    const needsAdHocSignature =
      isMac && (context.arch === Arch.arm64 || context.arch === Arch.universal);
    await flipFuses(electronBinaryPath(context), {
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: needsAdHocSignature,
      ...FUSES,
    });
  };
}

export default createAfterPack();
