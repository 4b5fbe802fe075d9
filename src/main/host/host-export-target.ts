import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportTarget } from '../app/ports.ts';
import type { DownloadTickets } from './download-tickets.ts';

/** Path prefix of downloads; each needs a one-time ticket. */
export const DOWNLOADS_PATH = '/downloads/';
export const DOWNLOAD_TICKET_PARAM = 'ticket';

/**
 * The browser host's ExportTarget: writes into `<data folder>/exports/<id>/` and hands the
 * renderer a download URL with a one-time ticket (never the access token).
 */
export function createHostExportTarget(exportsDir: string, tickets: DownloadTickets): ExportTarget {
  return {
    async choose(suggestedName) {
      const id = randomUUID();
      const dir = join(exportsDir, id);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, suggestedName);
      const relativePath = `${id}/${encodeURIComponent(suggestedName)}`;
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
  };
}
