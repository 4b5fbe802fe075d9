import { open } from 'node:fs/promises';
import {
  nodeAtomicFileSystem,
  type AtomicFileSystem,
} from '../../src/main/core/files/atomic-file-system.ts';

/**
 * The real file system with a disk that can fill up (as failing-journal-fs.ts does for the
 * journal): once `fill(freeBytes)` is called, a new file takes at most that many bytes (a short
 * write, as a nearly full disk gives) and then fails with ENOSPC. `failRename` makes the last
 * step fail instead, as a crash between write and rename would leave things.
 */
export class FullDiskFileSystem implements AtomicFileSystem {
  private freeBytes = Infinity;
  private renameError: Error | null = null;

  fill(freeBytes = 0): void {
    this.freeBytes = freeBytes;
  }

  free(): void {
    this.freeBytes = Infinity;
  }

  failRename(code = 'EIO'): void {
    this.renameError = errno(code, 'rename');
  }

  mkdir(dir: string, mode: number): Promise<void> {
    return nodeAtomicFileSystem.mkdir(dir, mode);
  }

  async writeNewFile(path: string, text: string, mode: number): Promise<void> {
    if (!Number.isFinite(this.freeBytes))
      return nodeAtomicFileSystem.writeNewFile(path, text, mode);
    const bytes = Buffer.from(text, 'utf8');
    const handle = await open(path, 'wx', mode);
    try {
      await handle.write(bytes, 0, Math.min(bytes.length, this.freeBytes), 0);
    } finally {
      await handle.close();
    }
    if (bytes.length > this.freeBytes) throw errno('ENOSPC', 'write');
  }

  chmod(path: string, mode: number): Promise<void> {
    return nodeAtomicFileSystem.chmod(path, mode);
  }

  modeOf(path: string): Promise<number | null> {
    return nodeAtomicFileSystem.modeOf(path);
  }

  rename(from: string, to: string): Promise<void> {
    if (this.renameError) return Promise.reject(this.renameError);
    return nodeAtomicFileSystem.rename(from, to);
  }

  remove(path: string): Promise<void> {
    return nodeAtomicFileSystem.remove(path);
  }

  syncDir(dir: string): Promise<void> {
    return nodeAtomicFileSystem.syncDir(dir);
  }
}

function errno(code: string, syscall: string): Error {
  const text = code === 'ENOSPC' ? 'no space left on device' : 'i/o error';
  return Object.assign(new Error(`${code}: ${text}, ${syscall}`), { code, syscall });
}
