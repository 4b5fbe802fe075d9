import { randomUUID } from 'node:crypto';
import type { ExportProgress, ExportResult } from '../../shared/ipc/views-app.ts';
import { exportOrdersCsv, exportUpdatesCsv } from '../core/export/csv-export.ts';
import type { ExportTarget } from './ports.ts';
import type { SessionService } from './session-service.ts';

/** Exports a session's journal as CSV through the platform's ExportTarget. */
export class ExportService {
  constructor(
    private readonly sessions: SessionService,
    private readonly target: ExportTarget,
    private readonly onProgress: (progress: ExportProgress) => void,
  ) {}

  updates(sessionId: string): Promise<ExportResult> {
    return this.run(sessionId, 'updates', exportUpdatesCsv);
  }

  orders(sessionId: string): Promise<ExportResult> {
    return this.run(sessionId, 'orders', exportOrdersCsv);
  }

  private async run(
    sessionId: string,
    kind: 'updates' | 'orders',
    write: typeof exportUpdatesCsv,
  ): Promise<ExportResult> {
    const info = await this.sessions.pathOf(sessionId);
    const stamp = new Date(info.startedAtMs).toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const label = info.accountLabel.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40) || 'account';
    const destination = await this.target.choose(`alpha-monitor-${label}-${stamp}-${kind}.csv`);
    if (!destination) return { kind: 'cancelled' };
    const exportId = randomUUID();
    const rows = await write({
      journalPath: info.path,
      outPath: destination.path,
      onProgress: (n) => this.onProgress({ exportId, rows: n, done: false }),
    });
    this.onProgress({ exportId, rows, done: true });
    return destination.finish(rows);
  }
}
