import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportTarget } from '../app/ports.ts';

/** Path prefix of downloads; the token is required like everywhere else. */
export const DOWNLOADS_PATH = '/downloads/';

/**
 * The browser host's ExportTarget: writes into `<data folder>/exports/<id>/` and hands the
 * renderer a download URL (the token goes with it, the host checks it).
 */
export function createHostExportTarget(exportsDir: string, token: () => string): ExportTarget {
  return {
    async choose(suggestedName) {
      const id = randomUUID();
      const dir = join(exportsDir, id);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, suggestedName);
      return {
        path,
        finish: (rows) => ({
          kind: 'download',
          fileName: suggestedName,
          url: `${DOWNLOADS_PATH}${id}/${encodeURIComponent(suggestedName)}?token=${encodeURIComponent(token())}`,
          rows,
        }),
      };
    },
  };
}
