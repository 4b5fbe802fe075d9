import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportTarget } from '../app/ports.ts';
import type { DownloadTickets } from './download-tickets.ts';

/** Path prefix of downloads; each needs a one-time ticket. */
export const DOWNLOADS_PATH = '/downloads/';
export const DOWNLOAD_TICKET_PARAM = 'ticket';

/** Folder of exports not tied to a session (the contract always names one; kept for safety). */
const NO_SESSION_DIR = '_';
/** Session ids are file names already (see SessionJournals); anything else goes under `_`. */
const SAFE_SESSION_DIR = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/;

/**
 * The browser host's ExportTarget: writes into `<data folder>/exports/<sessionId>/<id>/`
 * and hands the renderer a download URL with a one-time ticket (never the access token).
 * The files are the app's, so deleting a session deletes its exports too.
 */
export function createHostExportTarget(exportsDir: string, tickets: DownloadTickets): ExportTarget {
  const sessionDir = (sessionId: string | undefined) =>
    sessionId !== undefined && SAFE_SESSION_DIR.test(sessionId) ? sessionId : NO_SESSION_DIR;
  return {
    async choose(suggestedName, sessionId) {
      const id = randomUUID();
      const folder = `${sessionDir(sessionId)}/${id}`;
      const dir = join(exportsDir, sessionDir(sessionId), id);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, suggestedName);
      const relativePath = `${folder}/${encodeURIComponent(suggestedName)}`;
      return {
        path,
        finish: (rows) => ({
          kind: 'download',
          fileName: suggestedName,
          url: `${DOWNLOADS_PATH}${relativePath}?${DOWNLOAD_TICKET_PARAM}=${tickets.issue(relativePath)}`,
          rows,
        }),
      };
    },
    async discardSession(sessionId) {
      if (!SAFE_SESSION_DIR.test(sessionId)) return 0;
      const dir = join(exportsDir, sessionId);
      const files = await countFiles(dir);
      await rm(dir, { recursive: true, force: true });
      return files;
    },
  };
}

async function countFiles(dir: string): Promise<number> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let n = 0;
  for (const entry of entries)
    n += entry.isDirectory() ? await countFiles(join(dir, entry.name)) : 1;
  return n;
}
