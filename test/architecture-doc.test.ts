import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/architecture.md is a map: every file or folder it names must be in the repository.
const ROOT = join(import.meta.dirname, '..');
const DOC = join(ROOT, 'docs', 'architecture.md');

/** How the doc abbreviates paths: `core/…` is src/main/core/…, `renderer/src/…` is src/renderer/src/…. */
const PREFIXES: Array<[short: string, full: string]> = [
  ['renderer/src/', 'src/renderer/src/'],
  ...['core/', 'app/', 'cli/', 'host/', 'sim/', 'platform/', 'ipc/'].map((p): [string, string] => [
    p,
    `src/main/${p}`,
  ]),
];
const ROOTED = ['src/', 'test/', 'e2e/', 'bench/', 'bin/', 'docs/', 'resources/', '.ci/'];
const FILE = /\.(?:ts|tsx|js|mjs|cjs|md|json)$/;

/** Every tracked-looking file below `dir` (no node_modules, out, .git). */
function walk(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'out', 'dist', '.git'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, into);
    else into.push(path);
  }
  return into;
}

/** `views-*.ts` → a pattern for a file name (or the last parts of a path). */
function namePattern(name: string): RegExp {
  const escaped = name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${escaped}$`);
}

/** The paths the doc names: inline code that looks like a path, and relative links. */
function namedPaths(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '');
  const code = [...prose.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!);
  const links = [...prose.matchAll(/\]\(((?!https?:)[^)#\s]+)\)/g)].map((m) => join('docs', m[1]!));
  const paths = code.filter(
    (text) =>
      !/[<>@:]|^--|^\./.test(text) &&
      (FILE.test(text) || (text.includes('/') && /^[\w.-]+(?:\/[\w.*-]+)*\/?$/.test(text))),
  );
  return [...new Set([...paths, ...links])];
}

function exists(path: string, files: string[]): boolean {
  if (ROOTED.some((p) => path.startsWith(p)) || path === 'eslint.config.js') {
    if (!path.includes('*')) return existsSync(join(ROOT, path));
    const pattern = namePattern(basename(path));
    return readdirSync(join(ROOT, dirname(path))).some((name) => pattern.test(name));
  }
  const prefix = PREFIXES.find(([short]) => path.startsWith(short));
  if (prefix) return exists(prefix[1] + path.slice(prefix[0].length), files);
  // A name inside the folder the sentence is about (`live-state.ts`, `components/x.tsx`):
  // some file of the tree ends with it.
  const pattern = namePattern(path);
  const depth = path.split('/').length;
  return files.some((file) =>
    pattern.test(
      file
        .slice(ROOT.length + 1)
        .split('/')
        .slice(-depth)
        .join('/'),
    ),
  );
}

describe('docs/architecture.md', () => {
  it('names only files and folders that exist', () => {
    const files = walk(ROOT);
    const named = namedPaths(readFileSync(DOC, 'utf8'));
    expect(named.length).toBeGreaterThan(50);
    expect(named.filter((path) => !exists(path, files))).toEqual([]);
  });
});
