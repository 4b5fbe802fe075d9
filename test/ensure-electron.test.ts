import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNodeScript } from './fakes/cli-process.ts';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const SCRIPT = join(REPO_ROOT, 'scripts', 'ensure-electron.mjs');

/**
 * A copy of the electron package without its binary, resolving its dependencies from the
 * repository, so the download path runs here whether or not this machine has Electron.
 */
function copyOfElectronPackage(root: string): string {
  const dir = join(root, 'electron');
  mkdirSync(dir);
  for (const file of ['package.json', 'install.js', 'checksums.json'])
    cpSync(join(REPO_ROOT, 'node_modules', 'electron', file), join(dir, file));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return dir;
}

const run = (args: string[], env: NodeJS.ProcessEnv) =>
  runNodeScript(SCRIPT, args, { env, cwd: REPO_ROOT });

describe('scripts/ensure-electron.mjs (npm start, npm run dist)', () => {
  let root: string;
  let mirror: Server;
  let mirrorUrl: string;
  const requested: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ensure-electron-'));
    // A mirror that has no Electron releases: the download fails the same way everywhere.
    mirror = createServer((request, response) => {
      requested.push(request.url ?? '');
      response.writeHead(404).end('not here');
    });
    await new Promise<void>((done) => mirror.listen(0, '127.0.0.1', done));
    mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((done) => mirror.close(done));
    rmSync(root, { recursive: true, force: true });
  });

  const envWith = (cache: string): NodeJS.ProcessEnv => ({
    ELECTRON_MIRROR: mirrorUrl,
    electron_config_cache: cache,
    force_no_cache: 'true',
  });

  it('when the download fails: one plain message with the retry, the mirror variable and the browser route; exit 1, no stack', async () => {
    const dir = copyOfElectronPackage(mkdtempSync(join(root, 'fail-')));
    const result = await run(['--electron-dir', dir], envWith(join(root, 'cache-fail')));

    expect(result.code).toBe(1);
    expect(requested.length).toBeGreaterThan(0);
    const version = (
      JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }
    ).version;
    expect(result.stderr).toContain(
      `needs the Electron ${version} runtime, and it could not be downloaded`,
    );
    expect(result.stderr).toContain('Retry:            npm start');
    expect(result.stderr).toContain('ELECTRON_MIRROR=');
    expect(result.stderr).toContain(`(ELECTRON_MIRROR is set to ${mirrorUrl})`);
    expect(result.stderr).toContain(
      'Without Electron: npm run build && npx alpha-monitor serve --demo',
    );

    // Run by npm run dist, it names that command.
    const dist = await run(['--electron-dir', dir], {
      ...envWith(join(root, 'cache-fail')),
      npm_lifecycle_event: 'dist',
    });
    expect(dist.code).toBe(1);
    expect(dist.stderr).toContain('Retry:            npm run dist');
    // No stack trace reaches the user.
    expect(result.stderr + result.stdout).not.toMatch(/^\s+at /m);
  });

  it('when the binary is already there: exits 0 without downloading', async () => {
    const dir = copyOfElectronPackage(mkdtempSync(join(root, 'ok-')));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    writeFileSync(join(dir, 'path.txt'), 'electron');
    const before = requested.length;

    const result = await run(['--electron-dir', dir], envWith(join(root, 'cache-ok')));

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(requested.length).toBe(before);
  });

  it('npm start, npm run dev and npm run dist fetch Electron before anything needs it', () => {
    const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    for (const name of ['start', 'dev', 'dist'])
      expect([name, scripts[name]]).toEqual([
        name,
        expect.stringMatching(/^node scripts\/ensure-electron\.mjs && /),
      ]);
  });
});
