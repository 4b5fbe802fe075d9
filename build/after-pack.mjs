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
 */
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
 * The hook, with the fuse flipper injected (tests pass a recorder; builds use @electron/fuses).
 * Patching the binary breaks the ad-hoc signature every arm64 macOS binary needs to start, so
 * there it is redone; a real signing identity signs again afterwards.
 */
export function createAfterPack(flipFuses = electronFlipFuses) {
  return async function afterPack(context) {
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
