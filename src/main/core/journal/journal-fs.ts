import { constants } from 'node:fs';
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
      write: async (buffer, offset, length, position) =>
        (await handle.write(buffer, offset, length, position)).bytesWritten,
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
  async writeNewFile(path, data) {
    await writeFile(path, data, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
  },
};
