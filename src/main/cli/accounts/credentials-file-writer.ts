import { stat } from 'node:fs/promises';
import type { SessionCredentials } from '../../core/credentials/session-credentials.ts';
import { writeJsonFileAtomic } from '../../core/files/atomic-json-file.ts';

/** True when something exists at `path`. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes a credentials file for `--credentials-file` / `ALPHA_MONITOR_CREDENTIALS_FILE` (the
 * format `readPrivateCredentialsFile` reads): mode 600 from its first byte (never an old file's
 * wider mode), written atomically, so no other user can ever read it and a crash leaves no half
 * file. Throws FileWriteError (DISK_FULL, FILE_WRITE_FAILED).
 */
export async function writeCredentialsFile(
  path: string,
  credentials: SessionCredentials,
): Promise<void> {
  await writeJsonFileAtomic(path, credentials, { preserveMode: false });
}
