import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { promisify } from 'node:util';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERALL_STATES } from '../../src/main/app/overall-state.ts';
import { writeFuseWireBinary } from '../fakes/fuse-wire-binary.ts';

/**
 * The real electron-builder packs the real configuration and hook (`--linux dir`: the
 * unpacked app, no installer), with a stand-in for the Electron binary that carries only its
 * fuse wire, because the real binary cannot be downloaded everywhere the tests run. The app
 * itself is a stub: what is checked is where things land, not what they do.
 */
const REPO_ROOT = resolve(import.meta.dirname, '../..');
const fromRepo = createRequire(join(REPO_ROOT, 'package.json'));
const builderCli = fromRepo.resolve('electron-builder/cli.js');
const { extractFile, listPackage, statFile } = createRequire(
  createRequire(builderCli).resolve('app-builder-lib/package.json'),
)('@electron/asar') as {
  extractFile(archive: string, filename: string): Buffer;
  listPackage(archive: string, options: { isPack: boolean }): string[];
  statFile(archive: string, filename: string): { unpacked?: boolean };
};

const FUSE_DISABLED = 0x30;
const FUSE_ENABLED = 0x31;

let project: string;
let unpacked: string;

async function makeProject(root: string): Promise<void> {
  for (const file of ['package.json', 'package-lock.json', 'electron-builder.yml']) {
    await cp(join(REPO_ROOT, file), join(root, file));
  }
  await cp(join(REPO_ROOT, 'build'), join(root, 'build'), { recursive: true });
  await cp(join(REPO_ROOT, 'resources'), join(root, 'resources'), { recursive: true });
  await symlink(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'junction');
  const stubs = {
    'out/main/index.js': 'export {};\n',
    'out/preload/index.cjs': '\n',
    'out/renderer/index.html': '<!doctype html>\n',
  };
  for (const [file, text] of Object.entries(stubs)) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), text);
  }
  const electronDist = join(root, 'electron-dist');
  await writeFuseWireBinary(join(electronDist, 'electron'));
  for (const file of ['LICENSE', 'LICENSES.chromium.html', 'chrome-sandbox']) {
    await writeFile(join(electronDist, file), '\n');
  }
  await writeFile(join(electronDist, 'version'), '45.4.1');
}

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'alpha-monitor-pack-'));
  await makeProject(project);
  const output = join(project, 'dist');
  await promisify(execFile)(
    process.execPath,
    [
      builderCli,
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${join(project, 'electron-dist')}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: project, maxBuffer: 16 * 1024 * 1024 },
  );
  unpacked = join(output, 'linux-unpacked');
}, 180_000);

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

describe('the packaged app (electron-builder, unpacked Linux build)', () => {
  it('has every tray icon at the top of its resources, where process.resourcesPath points', async () => {
    for (const state of OVERALL_STATES) {
      for (const name of [`tray-${state}.png`, `tray-${state}@2x.png`]) {
        const shipped = await readFile(join(unpacked, 'resources', name));
        expect(shipped.equals(await readFile(join(REPO_ROOT, 'resources', name))), name).toBe(true);
      }
    }
  });

  it('has its fuses flipped by the afterPack hook', async () => {
    const wire = await getCurrentFuseWire(join(unpacked, 'alpha-monitor-desktop'));
    expect(wire).toMatchObject({
      [FuseV1Options.RunAsNode]: FUSE_DISABLED,
      [FuseV1Options.EnableCookieEncryption]: FUSE_ENABLED,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FUSE_DISABLED,
      [FuseV1Options.EnableNodeCliInspectArguments]: FUSE_DISABLED,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FUSE_ENABLED,
      [FuseV1Options.OnlyLoadAppFromAsar]: FUSE_ENABLED,
    });
  });

  it('packs the built app and only the runtime dependencies of the main process into app.asar', () => {
    const archive = join(unpacked, 'resources', 'app.asar');
    const entries = listPackage(archive, { isPack: false }).map((entry) =>
      entry.replaceAll('\\', '/'),
    );
    expect(entries).toEqual(
      expect.arrayContaining(['/package.json', '/out/main/index.js', '/out/preload/index.cjs']),
    );
    const packages = new Set(
      entries
        .map((entry) => /^\/node_modules\/(@[^/]+\/[^/]+|[^@/][^/]*)(?:\/|$)/.exec(entry)?.[1])
        .filter((name) => name !== undefined),
    );
    const platformKeyring = [...packages].filter((name) => name.startsWith('@napi-rs/keyring-'));
    expect(platformKeyring, 'the keychain binary for this platform').toHaveLength(1);
    expect([...packages].filter((name) => !platformKeyring.includes(name)).sort()).toEqual([
      '@napi-rs/keyring',
      'big.js',
      'ws',
      'zod',
    ]);
  });

  it('keeps the keychain native binary outside the asar, where it can be loaded', async () => {
    const archive = join(unpacked, 'resources', 'app.asar');
    const native = listPackage(archive, { isPack: false })
      .map((entry) => entry.replaceAll('\\', '/'))
      .filter((entry) => entry.endsWith('.node'));
    expect(native.length).toBeGreaterThan(0);
    for (const entry of native) {
      expect(statFile(archive, entry.slice(1)).unpacked, entry).toBe(true);
      const onDisk = await stat(join(unpacked, 'resources', 'app.asar.unpacked', entry));
      expect(onDisk.size).toBeGreaterThan(0);
    }
  });

  it('names, in its packed package.json, an ES-module main that is in the asar', () => {
    const archive = join(unpacked, 'resources', 'app.asar');
    const pkg = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as {
      main: string;
      type: string;
    };
    expect(pkg.type).toBe('module');
    const entries = listPackage(archive, { isPack: false }).map((entry) =>
      entry.replaceAll('\\', '/'),
    );
    expect(entries).toContain(`/${posix.normalize(pkg.main)}`);
  });
});
