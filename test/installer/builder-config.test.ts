import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OVERALL_STATES } from '../../src/main/app/overall-state.ts';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const CONFIG_FILE = 'electron-builder.yml';

type TargetEntry = string | { target: string };
interface PlatformConfig {
  target?: TargetEntry | TargetEntry[];
  icon?: string;
  category?: string;
  maintainer?: string;
  executableName?: string;
  syncDesktopName?: boolean;
}
interface BuilderConfig extends PlatformConfig {
  appId?: string;
  productName?: string;
  electronDist?: string;
  afterPack?: string;
  /** Normalised by the loader into file sets. */
  files?: Array<{ from?: string; filter?: string[] }>;
  asarUnpack?: string[];
  directories?: { buildResources?: string };
  extraResources?: Array<{ from: string; to?: string; filter: string[] }>;
  extraMetadata?: { desktopName?: string };
  linux?: PlatformConfig;
  mac?: PlatformConfig;
  win?: PlatformConfig;
}

/**
 * electron-builder's own loader and schema validator: the test reads the file exactly as
 * `npm run dist` does, and a misspelt or misplaced option fails here rather than on a runner.
 */
const fromRepo = createRequire(join(REPO_ROOT, 'package.json'));
const fromBuilder = createRequire(fromRepo.resolve('electron-builder/package.json'));
const { getConfig, validateConfiguration } = fromBuilder(
  'app-builder-lib/out/util/config/config.js',
) as {
  getConfig(projectDir: string, configPath: string, options: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: object): Promise<void>;
};

const loadConfig = () => getConfig(REPO_ROOT, join(REPO_ROOT, CONFIG_FILE), null);

const targetsOf = (platform: PlatformConfig | undefined): string[] =>
  [platform?.target ?? []]
    .flat()
    .map((entry) => (typeof entry === 'string' ? entry : entry.target));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('latin1'), `${path} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Package names a main-process source file imports (bare specifiers, not node: builtins). */
function packagesImportedBy(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers = [
    ...source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/gm),
    ...source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]!);
  return specifiers
    .filter((id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('node:'))
    .map((id) =>
      id
        .split('/')
        .slice(0, id.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => join(dir, name));
}

describe('electron-builder configuration', () => {
  it('is read by electron-builder and passes its schema', async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, { isEnabled: false })).resolves.toBeUndefined();
  });

  it('names the app', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('io.alphamonitor.app');
    expect(config.productName).toBe('Alpha Monitor');
  });

  it('builds an AppImage and a deb on Linux, a dmg on macOS, an NSIS installer on Windows', async () => {
    const config = await loadConfig();
    expect(targetsOf(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    // A .deb is refused without a maintainer; a desktop entry needs a category.
    expect(config.linux?.maintainer).toBeTruthy();
    expect(config.linux?.category).toBeTruthy();
  });

  it("gives the Linux executable a name of its own, not the command line's `alpha-monitor`", async () => {
    const config = await loadConfig();
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    const executable = config.linux?.executableName;
    expect(executable).toBeTruthy();
    expect(Object.keys(pkg.bin)).not.toContain(executable);
    // The window's app id comes from desktopName; the .desktop file must carry the same name.
    expect(config.extraMetadata?.desktopName).toBe(`${executable}.desktop`);
    expect(config.linux?.syncDesktopName).toBe(true);
  });

  it('packages the Electron that npm installed instead of downloading another', async () => {
    const config = await loadConfig();
    expect(config.electronDist).toBe('node_modules/electron/dist');
  });

  it('has an app icon on disk for every platform, large enough for a macOS .icns (512 px)', async () => {
    const config = await loadConfig();
    const roots = [join(REPO_ROOT, config.directories?.buildResources ?? 'build'), REPO_ROOT];
    const icons = [config.icon, config.linux?.icon, config.mac?.icon, config.win?.icon];
    const configured = icons.filter((icon): icon is string => icon !== undefined);
    expect(configured.length).toBeGreaterThan(0);
    for (const icon of configured) {
      const path = roots.map((root) => join(root, icon)).find((candidate) => existsSync(candidate));
      expect(path, `${icon} exists`).toBeDefined();
      const { width, height } = pngSize(path!);
      expect(width).toBe(height);
      expect(width).toBeGreaterThanOrEqual(512);
    }
  });

  it('ships every tray icon the app reads into the top of the packaged resources', async () => {
    const config = await loadConfig();
    const trayEntry = config.extraResources?.find((entry) =>
      entry.filter.some((pattern) => pattern.startsWith('tray-')),
    );
    expect(trayEntry, 'an extraResources entry for the tray icons').toBeDefined();
    // process.resourcesPath/tray-<state>.png: into the resources folder itself (the loader
    // turns `to: .` into no `to`, which means the same).
    expect(trayEntry!.to).toBeUndefined();
    expect(trayEntry!.filter).toEqual(['tray-*.png']);
    for (const state of OVERALL_STATES) {
      for (const name of [`tray-${state}.png`, `tray-${state}@2x.png`]) {
        expect(existsSync(join(REPO_ROOT, trayEntry!.from, name)), name).toBe(true);
      }
    }
  });

  it('sets the fuses in the afterPack hook', async () => {
    const config = await loadConfig();
    expect(config.afterPack).toBe('build/after-pack.mjs');
    const hook = (await import(join(REPO_ROOT, config.afterPack!))) as { default: unknown };
    expect(typeof hook.default).toBe('function');
  });

  it('ships the built app, unpacks native modules, and ships as dependencies exactly what the main process imports', async () => {
    const config = await loadConfig();
    const files = (config.files ?? []).flatMap((set) => (set.from === undefined ? set.filter : []));
    expect(files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.asarUnpack).toEqual(['**/*.node']);

    const imported = new Set(
      [join(REPO_ROOT, 'src/main'), join(REPO_ROOT, 'src/shared')]
        .flatMap(sourceFiles)
        .flatMap(packagesImportedBy)
        .filter((name) => name !== 'electron'), // the runtime itself
    );
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    // tsx runs the CLI from source (bin/alpha-monitor.js); files keeps it out of the installer.
    const shipped = Object.keys(pkg.dependencies).filter((name) => name !== 'tsx');
    expect(shipped.sort()).toEqual([...imported].sort());
    expect(files).toContain(
      '!node_modules/{tsx,esbuild,@esbuild,get-tsconfig,resolve-pkg-maps}{,/**}',
    );
  });
});
