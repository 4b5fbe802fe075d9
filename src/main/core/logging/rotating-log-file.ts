import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Disposable } from '../../../shared/lifecycle/disposable.ts';

/** 5 MiB a file, the current one and three older: a few weeks of a busy desktop app. */
export const DEFAULT_LOG_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_LOG_KEEP_FILES = 3;

export interface RotatingLogFile extends Disposable {
  /** The current file, for "Details are in the log" messages and the README. */
  readonly path: string;
  readonly dir: string;
  write(line: string): void;
}

/**
 * An append-only log file that rotates by size: `main.log` → `main.1.log` → … → dropped.
 *
 * Writes are synchronous appends (a few lines a minute; a line must be on disk before a crash
 * dialog points to it). A failing disk never breaks the app: the first failure is reported
 * once through `onError` and later lines are dropped until a write succeeds again.
 */
export function openRotatingLogFile(options: {
  dir: string;
  name?: string;
  maxBytes?: number;
  keepFiles?: number;
  onError?: (error: unknown) => void;
}): RotatingLogFile {
  const name = options.name ?? 'main';
  const maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES;
  const keepFiles = options.keepFiles ?? DEFAULT_LOG_KEEP_FILES;
  const fileAt = (index: number) =>
    join(options.dir, index === 0 ? `${name}.log` : `${name}.${index}.log`);
  const path = fileAt(0);
  let sizeBytes = 0;
  let failing = false;
  let disposed = false;

  try {
    mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    sizeBytes = statSync(path).size;
  } catch {
    sizeBytes = 0;
  }

  const rotate = () => {
    rmSync(fileAt(keepFiles), { force: true });
    for (let index = keepFiles - 1; index >= 0; index -= 1) {
      try {
        renameSync(fileAt(index), fileAt(index + 1));
      } catch {
        // A missing older file is the usual case.
      }
    }
    sizeBytes = 0;
  };

  return {
    path,
    dir: options.dir,
    write(line) {
      if (disposed) return;
      const text = line.endsWith('\n') ? line : `${line}\n`;
      try {
        if (sizeBytes > 0 && sizeBytes + Buffer.byteLength(text) > maxBytes) rotate();
        appendFileSync(path, text, { mode: 0o600 });
        sizeBytes += Buffer.byteLength(text);
        failing = false;
      } catch (error) {
        if (!failing) options.onError?.(error);
        failing = true;
      }
    },
    dispose() {
      disposed = true;
    },
  };
}
