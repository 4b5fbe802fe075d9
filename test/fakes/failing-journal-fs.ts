import {
  nodeJournalFileSystem,
  type JournalFileSystem,
} from '../../src/main/core/journal/journal-fs.ts';

/**
 * The real file system with a disk that can fill up: while `freeBytes` is finite, writes under
 * `root` take at most that many bytes (a short write, as a nearly full disk gives) and then
 * fail with ENOSPC, as Node reports a full disk. Emergency copies elsewhere are not limited.
 */
export class FailingJournalFileSystem implements JournalFileSystem {
  /** Bytes the disk still takes; Infinity = plenty. */
  freeBytes = Infinity;
  /** Write calls under `root` (to tell a storm of retries from a few). */
  writeAttempts = 0;
  /** Paths given to writeNewFile. */
  readonly newFiles: string[] = [];

  constructor(private readonly root: string) {}

  fill(freeBytes = 0): void {
    this.freeBytes = freeBytes;
  }

  free(): void {
    this.freeBytes = Infinity;
  }

  mkdir(dir: string): Promise<void> {
    return nodeJournalFileSystem.mkdir(dir);
  }

  async open(path: string) {
    const file = await nodeJournalFileSystem.open(path);
    if (!path.startsWith(this.root)) return file;
    return {
      ...file,
      write: async (buffer: Buffer, offset: number, length: number, position: number) => {
        this.writeAttempts++;
        if (this.freeBytes <= 0) throw enospc();
        const take = Math.min(length, this.freeBytes);
        const n = await file.write(buffer, offset, take, position);
        if (Number.isFinite(this.freeBytes)) this.freeBytes -= n;
        return n;
      },
    };
  }

  async writeNewFile(path: string, data: string): Promise<void> {
    this.newFiles.push(path);
    if (path.startsWith(this.root) && this.freeBytes <= 0) throw enospc();
    await nodeJournalFileSystem.writeNewFile(path, data);
  }
}

function enospc(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
    errno: -28,
  });
}
