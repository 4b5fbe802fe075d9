import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { CodedError } from '../../../shared/errors/coded-error.ts';
import { nodeAtomicFileSystem, type AtomicFileSystem } from './atomic-file-system.ts';

/** DISK_FULL: no space (or quota) left; FILE_WRITE_FAILED: anything else (permissions, ...). */
export type FileWriteErrorCode = 'DISK_FULL' | 'FILE_WRITE_FAILED';

/** A file that could not be saved. The previous file, if any, is unchanged. */
export class FileWriteError extends CodedError<
  FileWriteErrorCode,
  { path: string; osCode?: string }
> {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    const osCode = (cause as NodeJS.ErrnoException | undefined)?.code;
    const full = osCode === 'ENOSPC' || osCode === 'EDQUOT';
    super(
      full ? 'DISK_FULL' : 'FILE_WRITE_FAILED',
      full
        ? `The disk is full: ${path} could not be saved; the previous file is unchanged. Free some space and try again.`
        : `Could not save ${path} (${osCode ?? (cause as Error | undefined)?.message ?? String(cause)}); the previous file is unchanged.`,
      { params: osCode !== undefined ? { path, osCode } : { path }, cause },
    );
    this.name = 'FileWriteError';
  }
}

export interface AtomicWriteOptions {
  /** Permission bits of a new file. Default 0o600 (owner only). */
  mode?: number;
  /**
   * Keep the permission bits an existing file has (default true). False for a secret: it is
   * always written with `mode`, whatever someone did to the old file.
   */
  preserveMode?: boolean;
  /** Permission bits of a folder created on the way. Default 0o700. */
  dirMode?: number;
  fs?: AtomicFileSystem;
}

/**
 * The one way to save a JSON file: written to a temp file in the same folder (so the rename
 * cannot cross file systems), fsynced, given its mode, then renamed over the old one. A crash,
 * a full disk or a failing rename leaves the previous file whole and no temp file behind.
 * Throws FileWriteError (DISK_FULL or FILE_WRITE_FAILED).
 */
export async function writeJsonFileAtomic(
  path: string,
  value: unknown,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeAtomicFileSystem;
  const newMode = options.mode ?? 0o600;
  const text = `${JSON.stringify(value, null, 2)}\n`;
  const dir = dirname(path);
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.mkdir(dir, options.dirMode ?? 0o700);
    const existingMode = options.preserveMode === false ? null : await fs.modeOf(path);
    const mode = existingMode ?? newMode;
    await fs.writeNewFile(temp, text, mode);
    // The umask may have narrowed the mode given to open; an odd file system may widen it.
    await fs.chmod(temp, mode);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.remove(temp).catch(() => {});
    throw new FileWriteError(path, error);
  }
  await fs.syncDir(dir);
}
