import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const SCRIPT = join(REPO_ROOT, 'scripts', 'check-built-imports.mjs');

/** A build output inside the repository, so bare specifiers resolve from its node_modules. */
function fakeBuild(main: string, preload: string): string {
  const out = mkdtempSync(join(REPO_ROOT, 'out-check-'));
  mkdirSync(join(out, 'main'));
  mkdirSync(join(out, 'preload'));
  writeFileSync(join(out, 'main', 'index.js'), main);
  writeFileSync(join(out, 'preload', 'index.cjs'), preload);
  return out;
}

function check(out: string) {
  return spawnSync(process.execPath, ['--experimental-import-meta-resolve', SCRIPT, '--out', out], {
    encoding: 'utf8',
  });
}

describe('scripts/check-built-imports.mjs (part of npm run build)', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('fails on an extensionless subpath that tsx forgives and Node does not', () => {
    const out = fakeBuild(
      'import { app } from "electron";\nimport WebSocket from "ws";\nconst load = () => import("@napi-rs/keyring/keytar");\n',
      'const { contextBridge } = require("electron");\n',
    );
    made.push(out);
    const result = check(out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('"@napi-rs/keyring/keytar" does not resolve');
    expect(result.stderr).not.toContain('"ws"');
  });

  it('fails when the preload requires anything but electron', () => {
    const out = fakeBuild('import "node:fs";\n', 'require("electron");\nrequire("zod");\n');
    made.push(out);
    const result = check(out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the sandboxed preload requires "zod"');
  });

  it("reads a comment's \"an export's progress, a strategy's\" as prose, not an import", () => {
    const out = fakeBuild(
      "/* events kept one by one (a notice, an export's progress, a strategy's line) */\nimport 'zod';\n",
      'require("electron");\n',
    );
    made.push(out);
    const result = check(out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails on a side-effect import that does not resolve', () => {
    const out = fakeBuild('import "no-such-package-here";\n', 'require("electron");\n');
    made.push(out);
    const result = check(out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('"no-such-package-here" does not resolve');
  });

  it('passes when every import resolves', () => {
    const out = fakeBuild(
      'import { z } from "zod";\nconst load = () => import("@napi-rs/keyring/keytar.js");\n',
      'require("electron");\n',
    );
    made.push(out);
    const result = check(out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
