import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';

/**
 * The file operations an atomic write needs, as a port: tests hand in a file system whose
 * disk fills up or whose rename fails, the way a real one does on a bad day.
 */
export interface AtomicFileSystem {
  mkdir(dir: string, mode: number): Promise<void>;
  /** Creates `path` (it must not exist) with `mode`, writes `text`, fsyncs and closes it. */
  writeNewFile(path: string, text: string, mode: number): Promise<void>;
  chmod(path: string, mode: number): Promise<void>;
  /** The permission bits of an existing file, or null when there is none. */
  modeOf(path: string): Promise<number | null>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file if it exists. */
  remove(path: string): Promise<void>;
  /** Flushes a folder's entries (the rename) to disk; best effort where a folder cannot be opened. */
  syncDir(dir: string): Promise<void>;
}

/** The real file system. */
export const nodeAtomicFileSystem: AtomicFileSystem = {
  async mkdir(dir, mode) {
    await mkdir(dir, { recursive: true, mode });
  },
  async writeNewFile(path, text, mode) {
    const handle = await open(path, 'wx', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  chmod: (path, mode) => chmod(path, mode),
  async modeOf(path) {
    try {
      return (await stat(path)).mode & 0o777;
    } catch {
      return null;
    }
  },
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { force: true }),
  async syncDir(dir) {
    try {
      const handle = await open(dir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // Windows cannot open a folder; the rename is still atomic there.
    }
  },
};
