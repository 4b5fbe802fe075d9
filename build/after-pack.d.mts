import type { FuseConfig, FuseV1Options } from '@electron/fuses';
import type { Arch } from 'electron-builder';

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface PackedApp {
  appOutDir: string;
  electronPlatformName: string;
  arch: Arch;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

export type FlipFuses = (pathToElectron: string, fuseConfig: FuseConfig) => Promise<unknown>;

export declare const FUSES: Readonly<Partial<Record<FuseV1Options, boolean>>>;
export declare function electronBinaryPath(context: PackedApp): string;
export declare function keyringPackages(electronPlatformName: string, arch: Arch): string[];
export declare function resourcesPath(context: PackedApp): string;
export declare function assertKeyringPacked(context: PackedApp): Promise<void>;
export declare function createAfterPack(
  flipFuses?: FlipFuses,
  checkKeyring?: (context: PackedApp) => Promise<void>,
): (context: PackedApp) => Promise<void>;
declare const afterPack: (context: PackedApp) => Promise<void>;
export default afterPack;
