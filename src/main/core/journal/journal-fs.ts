import { constants, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { mkdir, open, writeFile } from 'node:fs/promises';

/** One journal file opened for writing at chosen positions (never O_APPEND: see JournalWriter). */
export interface JournalFile {
  /** Size in bytes now. */
  size(): Promise<number>;
  read(buffer: Buffer, position: number): Promise<number>;
  /** Writes some of `buffer` at `position`; resolves with the bytes written (may be fewer). */
  write(buffer: Buffer, offset: number, length: number, position: number): Promise<number>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/** What the journal writer needs of a file system; tests inject one that fails (ENOSPC). */
export interface JournalFileSystem {
  mkdir(dir: string): Promise<void>;
  /** Opens (creating, mode 600) a file for reading and positional writes. */
  open(path: string): Promise<JournalFile>;
  /** Writes a whole new file (mode 600), failing if it exists: the emergency copy. */
  writeNewFile(path: string, data: string): Promise<void>;
}

/**
 * A journal write is small (what arrived since the last one, a few KB to a few hundred) and goes
 * to the page cache: done on the calling thread it takes tens of µs, where handing it to the
 * thread pool and back costs more than the write itself (two thread wake-ups, ~50 µs of CPU
 * each way on a VM). So writes run synchronously, except a large one (a backlog after a
 * failure), and for a while after one that was slow (a disk under writeback pressure, a
 * scanning antivirus): those go to the thread pool, so the event loop never waits long.
 */
const MAX_SYNC_WRITE_BYTES = 1 << 20;
const SLOW_SYNC_WRITE_MS = 20;
const ASYNC_AFTER_SLOW_WRITE_MS = 60_000;

/** The real file system. */
export const nodeJournalFileSystem: JournalFileSystem = {
  async mkdir(dir) {
    // Journals hold every order of the account: owner-only, like the data folder.
    await mkdir(dir, { recursive: true, mode: 0o700 });
  },
  async open(path) {
    const handle = await open(path, constants.O_RDWR | constants.O_CREAT, 0o600);
    /** Until when writes go to the thread pool (after a slow synchronous one). */
    let asyncUntilMs = -Infinity;
    return {
      size: async () => (await handle.stat()).size,
      read: async (buffer, position) =>
        (await handle.read(buffer, 0, buffer.length, position)).bytesRead,
      write: async (buffer, offset, length, position) => {
        if (length > MAX_SYNC_WRITE_BYTES || performance.now() < asyncUntilMs)
          return (await handle.write(buffer, offset, length, position)).bytesWritten;
        const startedMs = performance.now();
        const written = writeSync(handle.fd, buffer, offset, length, position);
        const endedMs = performance.now();
        if (endedMs - startedMs > SLOW_SYNC_WRITE_MS)
          asyncUntilMs = endedMs + ASYNC_AFTER_SLOW_WRITE_MS;
        return written;
      },
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
  async writeNewFile(path, data) {
    await writeFile(path, data, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
  },
};
