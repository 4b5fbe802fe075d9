import { randomUUID } from 'node:crypto';
import type { ExportProgress, ExportResult } from '../../shared/ipc/views-app.ts';
import {
  exportDailySummaryCsv,
  exportOrdersCsv,
  exportUpdatesCsv,
} from '../core/export/csv-export.ts';
import type { ExportOptions } from '../core/export/csv-export.ts';
import type { DailySummaryRow } from '../core/points/index.ts';
import type { ExportTarget } from './ports.ts';
import type { SessionService } from './session-service.ts';

/** Exports a session's journal as CSV through the platform's ExportTarget. */
export class ExportService {
  constructor(
    private readonly sessions: SessionService,
    private readonly target: ExportTarget,
    private readonly onProgress: (progress: ExportProgress) => void,
    /** alphaId → live mulPoint of the account (the orders export's counted volume); empty if unknown. */
    private readonly mulPointsOf: (accountId: string) => Record<string, number> = () => ({}),
  ) {}

  updates(sessionId: string): Promise<ExportResult> {
    return this.run(sessionId, 'updates', exportUpdatesCsv);
  }

  orders(sessionId: string): Promise<ExportResult> {
    return this.run(sessionId, 'orders', (options) => {
      const mulPoints = this.mulPointsOf(options.accountId);
      return exportOrdersCsv({
        ...options,
        mulPoints: Object.keys(mulPoints).length > 0 ? mulPoints : null,
      });
    });
  }

  /** The per-day points and wear summary of an account (rows read from the exchange just before). */
  async dailySummary(
    accountLabel: string,
    rows: readonly DailySummaryRow[],
  ): Promise<ExportResult> {
    const lastDay = rows.at(-1)?.date ?? 'none';
    const destination = await this.target.choose(
      `alpha-monitor-${safeLabel(accountLabel)}-${lastDay}-points-by-day.csv`,
    );
    if (!destination) return { kind: 'cancelled' };
    const exportId = randomUUID();
    const written = await exportDailySummaryCsv({ outPath: destination.path, rows });
    this.onProgress({ exportId, rows: written, done: true });
    return destination.finish(written);
  }

  private async run(
    sessionId: string,
    kind: 'updates' | 'orders',
    write: (options: ExportOptions & { accountId: string }) => Promise<number>,
  ): Promise<ExportResult> {
    const info = await this.sessions.pathOf(sessionId);
    const stamp = new Date(info.startedAtMs).toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const destination = await this.target.choose(
      `alpha-monitor-${safeLabel(info.accountLabel)}-${stamp}-${kind}.csv`,
      sessionId,
    );
    if (!destination) return { kind: 'cancelled' };
    const exportId = randomUUID();
    const rows = await write({
      accountId: info.accountId,
      journalPath: info.path,
      outPath: destination.path,
      onProgress: (n) => this.onProgress({ exportId, rows: n, done: false }),
    });
    this.onProgress({ exportId, rows, done: true });
    return destination.finish(rows);
  }
}

/** An account label as part of a file name. */
function safeLabel(label: string): string {
  return label.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40) || 'account';
}
