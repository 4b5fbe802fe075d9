import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SessionCredentials } from '../../core/credentials/session-credentials.ts';

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
 * format `readPrivateCredentialsFile` reads): mode 600 from its first byte, written to a temp
 * file and renamed, so no other user can ever read it and a crash leaves no half file.
 */
export async function writeCredentialsFile(
  path: string,
  credentials: SessionCredentials,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(credentials, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The umask cannot widen it, but an odd filesystem might: make sure.
    await chmod(temp, 0o600);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}
