#!/usr/bin/env node
/**
 * Makes sure the Electron binary is on disk before `npm start` / `npm run dist` need it.
 *
 * Electron 45 no longer downloads its binary at `npm install`; it downloads lazily when
 * `require('electron')` runs, which electron-vite never does (it only reads path.txt), so a
 * fresh clone got "Error: Electron uninstall" and a stack. Here we run the electron package's
 * own `install.js` (cached, checksum-verified) and, when it cannot fetch, print one plain
 * message and exit 1: what failed, how to retry, the mirror variable, and the browser route.
 *
 * `--electron-dir <dir>` points at another copy of the electron package (tests only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const MIRROR_VAR = 'ELECTRON_MIRROR';

function electronPackageDir(argv) {
  const at = argv.indexOf('--electron-dir');
  if (at !== -1 && argv[at + 1]) return argv[at + 1];
  const require = createRequire(join(process.cwd(), 'package.json'));
  return dirname(require.resolve('electron/package.json'));
}

/** The binary named by path.txt, when it is really there. */
function installedBinary(dir) {
  try {
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const binary = join(dir, 'dist', relative);
    return relative !== '' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** The last meaningful line install.js printed (its stack's first line), for the message. */
function reasonFrom(output) {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  const line = lines.find((l) => /error|failed|ENOTFOUND|ECONN|EAI_AGAIN|ETIMEDOUT/i.test(l));
  const reason = (line ?? lines.at(-1) ?? 'the download did not finish').slice(0, 300);
  return /fetch failed/i.test(reason) ? `${reason} (no connection to the download server)` : reason;
}

function main() {
  let dir;
  try {
    dir = electronPackageDir(process.argv.slice(2));
  } catch {
    process.stderr.write(
      'Alpha Monitor: the electron package is not installed. Run `npm install` first.\n',
    );
    return 1;
  }
  if (installedBinary(dir)) return 0;

  let version = 'unknown';
  try {
    version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  } catch {
    // The message below still helps without the version.
  }
  process.stdout.write(`Alpha Monitor: downloading the Electron ${version} runtime (once)...\n`);
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
  if (result.status === 0 && installedBinary(dir)) return 0;

  const reason = result.error
    ? result.error.message
    : reasonFrom(`${result.stderr ?? ''}\n${result.stdout ?? ''}`);
  const mirror = process.env[MIRROR_VAR];
  // The command the user ran: npm start, npm run dev or npm run dist.
  const event = process.env.npm_lifecycle_event;
  const retry = event === 'dev' || event?.startsWith('dist') ? `npm run ${event}` : 'npm start';
  process.stderr.write(
    [
      '',
      `Alpha Monitor: the desktop app needs the Electron ${version} runtime, and it could not be downloaded.`,
      `  Reason: ${reason}`,
      mirror ? `  (${MIRROR_VAR} is set to ${mirror})` : null,
      '',
      `  Retry:            ${retry}`,
      `  Use a mirror:     ${MIRROR_VAR}=<mirror of Electron's releases> ${retry}`,
      '  Without Electron: npm run build && npx alpha-monitor serve --demo   (the same screens in your browser)',
      '',
    ]
      .filter((line) => line !== null)
      .join('\n') + '\n',
  );
  return 1;
}

process.exitCode = main();
