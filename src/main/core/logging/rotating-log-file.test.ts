import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRotatingLogFile } from './rotating-log-file.ts';

describe('rotating log file', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'log-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('appends lines and keeps what an earlier run wrote', () => {
    const dir = join(tempDir(), 'logs');
    const first = openRotatingLogFile({ dir });
    first.write('one');
    const second = openRotatingLogFile({ dir });
    second.write('two\n');
    expect(readFileSync(second.path, 'utf8')).toBe('one\ntwo\n');
    expect(second.path).toBe(join(dir, 'main.log'));
  });

  it('rotates by size and keeps only the newest files', () => {
    const dir = tempDir();
    const log = openRotatingLogFile({ dir, maxBytes: 20, keepFiles: 2 });
    for (let i = 0; i < 10; i += 1) log.write(`line ${i} ........`);
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toBe('line 9 ........\n');
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('line 8 ........\n');
  });

  it('reports a failing disk once, not once a line', () => {
    const dir = tempDir();
    const errors: unknown[] = [];
    // A directory where the log file should be makes every append fail.
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'not a folder');
    const log = openRotatingLogFile({ dir: blocked, onError: (e) => errors.push(e) });
    log.write('a');
    log.write('b');
    expect(errors).toHaveLength(1);
  });
});
