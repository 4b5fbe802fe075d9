import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMemoryCliContext } from '../../../test/fakes/memory-cli-context.ts';
import { COMMANDS } from './commands/index.ts';
import { main } from './main.ts';

/** Issue 14: the README's commands are commands this CLI has, with options it takes. */

const ROOT = new URL('../../../', import.meta.url);
const README = readFileSync(new URL('README.md', ROOT), 'utf8');

/** Every shell line of the README's code blocks, `\` continuations joined, comments dropped. */
function codeLines(markdown: string): string[] {
  const lines: string[] = [];
  let inBlock = false;
  let pending = '';
  for (const raw of markdown.split('\n')) {
    if (/^```/.test(raw)) {
      inBlock = !inBlock;
      continue;
    }
    if (!inBlock) continue;
    const line = pending + raw.replace(/\s+#\s.*$/, '');
    if (line.endsWith('\\')) pending = line.slice(0, -1) + ' ';
    else {
      pending = '';
      lines.push(line.trim());
    }
  }
  return lines;
}

/** `npx alpha-monitor …` invocations: in code blocks and in inline code of the prose. */
function invocations(markdown: string): string[] {
  const inline = [...markdown.matchAll(/`(npx alpha-monitor [^`]*)`/g)].map((m) => m[1]!);
  const blocks = codeLines(markdown).flatMap((line) =>
    [...line.matchAll(/npx alpha-monitor(?: [^|;&#]*)?/g)].map((m) => m[0].trim()),
  );
  return [...new Set([...blocks, ...inline])];
}

async function helpOf(command: string): Promise<string> {
  const io = createMemoryCliContext('en');
  expect(await main([command, '--help'], io.context)).toBe(0);
  return io.stdout;
}

describe('README commands', () => {
  const found = invocations(README);

  it('finds the examples (the check itself works)', () => {
    expect(found.length).toBeGreaterThan(20);
    expect(found).toContain('npx alpha-monitor watch --demo --duration 30');
  });

  it('runs the CLI as npx alpha-monitor (or node bin/alpha-monitor.js): a bare alpha-monitor is not on PATH', () => {
    const bare = codeLines(README).filter((line) => /^(?:#\s*)?alpha-monitor\s/.test(line));
    expect(bare).toEqual([]);
  });

  it.each(found)('%s: a known command with options its --help lists', async (invocation) => {
    const [name, ...args] = invocation.replace(/^npx alpha-monitor\s*/, '').split(/\s+/);
    if (name === '--help' || name === '--version' || name!.startsWith('<')) return;
    expect(Object.keys(COMMANDS)).toContain(name);
    const help = await helpOf(name!);
    for (const flag of args.filter((a) => a.startsWith('--')).map((a) => a.split('=')[0]!)) {
      if (flag === '--help' || flag === '--lang') continue;
      expect(help, `${flag} of ${invocation}`).toMatch(new RegExp(`${flag}(?![\\w-])`));
    }
  });

  it('the e2e table lists exactly the specs in e2e/', () => {
    const listed = [...README.matchAll(/^\| `(e2e\/[\w.-]+\.spec\.ts)` \|/gm)].map((m) => m[1]);
    const onDisk = readdirSync(fileURLToPath(new URL('e2e/', ROOT)))
      .filter((f) => f.endsWith('.spec.ts'))
      .map((f) => `e2e/${f}`);
    expect([...listed].sort()).toEqual(onDisk.sort());
  });
});
