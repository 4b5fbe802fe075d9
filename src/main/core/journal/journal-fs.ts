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
 * failure), and all of them once one was slow (a disk under writeback pressure, a network
 * file system, a scanning antivirus): from then on, for the rest of the process, every write of
 * every journal goes to the thread pool, so a slow disk stalls the event loop (the Electron
 * main process, the page's IPC) once, by one write, and never again.
 */
const MAX_SYNC_WRITE_BYTES = 1 << 20;
const SLOW_SYNC_WRITE_MS = 20;
/** Set for good by the first slow synchronous write (any journal of this process). */
let slowDiskSeen = false;

/** The real file system. */
export const nodeJournalFileSystem: JournalFileSystem = {
  async mkdir(dir) {
    // Journals hold every order of the account: owner-only, like the data folder.
    await mkdir(dir, { recursive: true, mode: 0o700 });
  },
  async open(path) {
    const handle = await open(path, constants.O_RDWR | constants.O_CREAT, 0o600);
    return {
      size: async () => (await handle.stat()).size,
      read: async (buffer, position) =>
        (await handle.read(buffer, 0, buffer.length, position)).bytesRead,
      write: async (buffer, offset, length, position) => {
        if (length > MAX_SYNC_WRITE_BYTES || slowDiskSeen)
          return (await handle.write(buffer, offset, length, position)).bytesWritten;
        const startedMs = performance.now();
        const written = writeSync(handle.fd, buffer, offset, length, position);
        if (performance.now() - startedMs > SLOW_SYNC_WRITE_MS) slowDiskSeen = true;
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
