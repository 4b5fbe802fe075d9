#!/usr/bin/env node
/**
 * Build guard (part of `npm run build`): every module the built main process imports must
 * resolve under Node's own ESM loader, as it will in the desktop app.
 *
 * tsx and Vitest forgive a bare subpath without its extension (`@napi-rs/keyring/keytar`);
 * Node's ESM loader does not, and the built main failed at its first keychain call. The main
 * bundle externalizes its dependencies, so every `import ... from "x"` and `import("x")` in
 * out/main is resolved here from the file that contains it. `electron` is provided by Electron
 * itself and Node built-ins always resolve. The preload must require nothing but `electron`
 * (a sandboxed preload cannot load other modules).
 *
 * Run with `node --experimental-import-meta-resolve` (Node 20 needs the flag for the parent
 * argument of import.meta.resolve).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const outAt = process.argv.indexOf('--out');
/** `--out <dir>`: another build output (tests). */
const OUT =
  outAt !== -1 && process.argv[outAt + 1] ? resolve(process.argv[outAt + 1]) : join(ROOT, 'out');

// `import "x"` / `import … from "x"` / `export … from "x"`; a bare `export` before a quote is
// never an import (a comment's "an export's progress" once failed the build).
const SIDE_EFFECT_IMPORT = /\bimport\s*["']([^"'\n]+)["']/g;
const STATIC_IMPORT = /\b(?:import|export)\s*[\w*{}\s,$]+?\s*from\s*["']([^"'\n]+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"'\n]+)["']\s*\)/g;
const REQUIRE = /\brequire\(\s*["']([^"'\n]+)["']\s*\)/g;

function filesUnder(dir, pattern) {
  let found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(filesUnder(path, pattern));
    else if (pattern.test(name)) found.push(path);
  }
  return found;
}

function specifiersIn(source, ...patterns) {
  const found = new Set();
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const isBuiltin = (specifier) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]);

const problems = [];
let checked = 0;

let mainFiles;
try {
  mainFiles = filesUnder(join(OUT, 'main'), /\.(m?js)$/);
} catch {
  process.stderr.write(
    `check-built-imports: ${OUT}/main is missing; run electron-vite build first.\n`,
  );
  process.exit(1);
}
for (const file of mainFiles) {
  const parent = pathToFileURL(file).href;
  for (const specifier of specifiersIn(
    readFileSync(file, 'utf8'),
    SIDE_EFFECT_IMPORT,
    STATIC_IMPORT,
    DYNAMIC_IMPORT,
  )) {
    if (specifier === 'electron' || isBuiltin(specifier)) continue;
    checked += 1;
    try {
      // import.meta.resolve maps the specifier but, unlike loading, does not check the file.
      const url = import.meta.resolve(specifier, parent);
      if (url.startsWith('file:') && !isFile(fileURLToPath(url)))
        throw Object.assign(new Error('no such file'), { code: 'ERR_MODULE_NOT_FOUND' });
    } catch (error) {
      problems.push(
        `${relative(OUT, file)}: "${specifier}" does not resolve under Node's ESM loader (${error.code ?? error.message})`,
      );
    }
  }
}

for (const file of filesUnder(join(OUT, 'preload'), /\.c?js$/)) {
  for (const specifier of specifiersIn(readFileSync(file, 'utf8'), REQUIRE)) {
    checked += 1;
    if (specifier !== 'electron')
      problems.push(
        `${relative(OUT, file)}: the sandboxed preload requires "${specifier}"; only "electron" is available there`,
      );
  }
}

if (problems.length > 0) {
  process.stderr.write(
    `check-built-imports: ${problems.length} import(s) would fail in the built app:\n`,
  );
  for (const problem of problems) process.stderr.write(`  ${problem}\n`);
  process.exit(1);
}
process.stdout.write(
  `check-built-imports: ${checked} imports of the built main and preload resolve.\n`,
);
